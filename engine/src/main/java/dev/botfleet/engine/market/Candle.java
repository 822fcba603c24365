package dev.botfleet.engine.market;

import java.time.Instant;

/**
 * One OHLCV bar. Values are {@code double} (hot-path market data). A candle is complete at {@link #closeTime()};
 * handing a strategy a candle before then would be look-ahead.
 *
 * @param openTime epoch milliseconds of the first instant the candle covers
 */
public record Candle(String exchange, String symbol, Timeframe timeframe, long openTime,
                     double open, double high, double low, double close, double volume) {

    public Candle {
        if (!(low <= high)) {
            throw new IllegalArgumentException("candle low " + low + " is above high " + high);
        }
    }

    /** Epoch milliseconds just after the last instant the candle covers (= the next candle's open time). */
    public long closeTime() { return openTime + timeframe.millis(); }

    public Instant openInstant() { return Instant.ofEpochMilli(openTime); }

    public Instant closeInstant() { return Instant.ofEpochMilli(closeTime()); }
}
