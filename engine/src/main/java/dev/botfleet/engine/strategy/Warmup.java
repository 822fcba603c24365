package dev.botfleet.engine.strategy;

import dev.botfleet.engine.market.Timeframe;

import java.util.Objects;

/**
 * The history a strategy needs before its signals mean anything: {@code candles} completed candles of
 * {@code timeframe} (e.g. RSI(14) on 5m candles needs 15 of them). A bot is handed that much history when it starts
 * (Freqtrade's startup candles), so it can trade on its first live candle instead of waiting for the market.
 */
public record Warmup(Timeframe timeframe, int candles) {
    /** A strategy that needs no history (it acts on prices alone). */
    public static final Warmup NONE = new Warmup(Timeframe.M1, 0);

    public Warmup {
        Objects.requireNonNull(timeframe, "timeframe");
        if (candles < 0) throw new IllegalArgumentException("candles must not be negative: " + candles);
    }

    /**
     * How far back the history must reach: one candle more than asked, because the oldest bucket of a longer
     * timeframe built from 1m candles is usually cut by the window's start and is dropped.
     */
    public long spanMillis() {
        return candles == 0 ? 0 : (candles + 1L) * timeframe.millis();
    }
}
