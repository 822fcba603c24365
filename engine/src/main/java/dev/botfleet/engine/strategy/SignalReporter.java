package dev.botfleet.engine.strategy;

/**
 * Optional for a {@link Strategy} that decides on signals: what its signals said on the last candle, whether or not it
 * traded on them, and their names. Read by the backtester right after each candle's {@code onCandle}, like
 * {@link IndicatorReporter}. A Freqtrade-style config run uses it for enter tags, and in futures for the short side:
 * the strategy's exit condition is a short entry and its entry condition the short's exit (Freqtrade's
 * {@code enter_short} / {@code exit_short}), for strategies whose exit condition stands on its own ({@link #hasShortSide}).
 */
public interface SignalReporter {
    /** The entry condition held on the candle just decided (false between the candles of a longer timeframe). */
    boolean entrySignal();

    /** The exit condition held on the candle just decided. */
    boolean exitSignal();

    /** The entry signal's name, the enter tag of a long (e.g. {@code rsi_oversold}). */
    String entryTag();

    /** The exit signal's name, the enter tag of a short (e.g. {@code rsi_overbought}). */
    String exitTag();

    /**
     * True when the exit condition reads the market only (an RSI above a level, a cross down), so it is a natural short
     * entry; false when it depends on the open deal (a rebound from the lowest price since entry).
     */
    boolean hasShortSide();
}
