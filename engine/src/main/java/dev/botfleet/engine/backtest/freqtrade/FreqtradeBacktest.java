package dev.botfleet.engine.backtest.freqtrade;

import java.util.List;

/**
 * Backtests one pair the way Freqtrade 2024.10's backtester does, so the trades match Freqtrade's trade for trade.
 * <p>
 * Per candle, in this order: (1) the open order of the open trade is timed out or re-priced, (2) a new entry is
 * placed at the candle open if the previous candle signalled one, (3) an open entry order fills if the candle traded
 * through its price, (4) a filled trade without open orders is checked for an exit (also on its entry candle),
 * (5) an open exit order fills if the candle traded through its price. Trades still open after the last candle are
 * force-exited at its open. Stateless: one instance can run many backtests, also concurrently.
 * <p>
 * This is {@link PortfolioBacktest} with a one-pair whitelist (one loop for one pair and many).
 */
public final class FreqtradeBacktest {

    /** The pair name trades of a single-pair run carry. */
    public static final String PAIR = "PAIR";

    private final FreqtradeSettings settings;

    public FreqtradeBacktest(FreqtradeSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
        this.settings = settings;
    }

    public FreqtradeSettings settings() {
        return settings;
    }

    /**
     * Runs the backtest. {@code signals} are unshifted (row i computed on candle i) and have one row per candle.
     */
    public FreqtradeResult run(CandleColumns candles, SignalColumns signals) {
        if (candles == null || signals == null) {
            throw new IllegalArgumentException("candles and signals are required");
        }
        if (signals.size() != candles.size()) {
            throw new IllegalArgumentException("signals have " + signals.size() + " rows but candles have "
                    + candles.size() + "; there must be one signal row per candle");
        }
        return new PortfolioBacktest(settings).run(List.of(new PairData(PAIR, candles, signals)))
                .toFreqtradeResult();
    }
}
