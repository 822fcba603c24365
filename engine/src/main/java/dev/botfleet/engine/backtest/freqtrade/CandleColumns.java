package dev.botfleet.engine.backtest.freqtrade;

import java.time.Duration;

/**
 * One pair's candles as columns (Freqtrade's dataframe). Rows must be contiguous: one candle per timeframe step, as
 * Freqtrade guarantees after cleaning; use {@link #withGapsFilled} on raw exchange data <em>before</em> computing
 * signals, because Freqtrade fills gaps before indicators run.
 *
 * @param openTime candle open times, epoch milliseconds
 */
public record CandleColumns(
        long[] openTime, double[] open, double[] high, double[] low, double[] close, double[] volume,
        Duration timeframe) {

    public CandleColumns {
        if (timeframe == null || timeframe.isNegative() || timeframe.isZero() || timeframe.toMillis() % 60_000 != 0) {
            throw new IllegalArgumentException("timeframe must be a positive whole number of minutes, was " + timeframe);
        }
        int n = requireColumn("openTime", openTime == null ? -1 : openTime.length, -1);
        requireColumn("open", open == null ? -1 : open.length, n);
        requireColumn("high", high == null ? -1 : high.length, n);
        requireColumn("low", low == null ? -1 : low.length, n);
        requireColumn("close", close == null ? -1 : close.length, n);
        requireColumn("volume", volume == null ? -1 : volume.length, n);
        long step = timeframe.toMillis();
        for (int i = 0; i < n; i++) {
            if (!(Double.isFinite(open[i]) && Double.isFinite(high[i]) && Double.isFinite(low[i])
                    && Double.isFinite(close[i]))) {
                throw new IllegalArgumentException("candle " + i + ": open/high/low/close must be finite numbers");
            }
            if (i > 0 && openTime[i] - openTime[i - 1] != step) {
                throw new IllegalArgumentException("candle " + i + ": open time " + openTime[i]
                        + " is not one timeframe after the previous candle " + openTime[i - 1]
                        + " (fill gaps with CandleColumns.withGapsFilled first)");
            }
        }
    }

    public int size() {
        return openTime.length;
    }

    public long timeframeMinutes() {
        return timeframe.toMinutes();
    }

    /**
     * Freqtrade's cleaning step: rows sorted by time, each missing candle inserted with open=high=low=close=previous
     * close and volume 0. Rows with the same open time are rejected (they are an upstream error here).
     */
    public static CandleColumns withGapsFilled(long[] openTime, double[] open, double[] high, double[] low,
                                               double[] close, double[] volume, Duration timeframe) {
        int n = openTime.length;
        long step = timeframe.toMillis();
        if (n == 0) {
            return new CandleColumns(openTime, open, high, low, close, volume, timeframe);
        }
        long span = openTime[n - 1] - openTime[0];
        if (span < 0 || span % step != 0) {
            throw new IllegalArgumentException("candles must be ascending and aligned to the timeframe " + timeframe);
        }
        int rows = (int) (span / step) + 1;
        long[] t = new long[rows];
        double[] o = new double[rows];
        double[] h = new double[rows];
        double[] l = new double[rows];
        double[] c = new double[rows];
        double[] v = new double[rows];
        int src = 0;
        for (int i = 0; i < rows; i++) {
            t[i] = openTime[0] + i * step;
            if (src < n && openTime[src] == t[i]) {
                o[i] = open[src];
                h[i] = high[src];
                l[i] = low[src];
                c[i] = close[src];
                v[i] = volume[src];
                src++;
                if (src < n && openTime[src] <= t[i]) {
                    throw new IllegalArgumentException("candle " + src + ": open time " + openTime[src]
                            + " is not after the previous candle");
                }
            } else if (src < n && openTime[src] < t[i]) {
                throw new IllegalArgumentException("candle " + src + ": open time " + openTime[src]
                        + " is not aligned to the timeframe " + timeframe);
            } else {
                double previousClose = c[i - 1];
                o[i] = previousClose;
                h[i] = previousClose;
                l[i] = previousClose;
                c[i] = previousClose;
                v[i] = 0;
            }
        }
        return new CandleColumns(t, o, h, l, c, v, timeframe);
    }

    private static int requireColumn(String name, int length, int expected) {
        if (length < 0) {
            throw new IllegalArgumentException(name + " column is missing");
        }
        if (expected >= 0 && length != expected) {
            throw new IllegalArgumentException(name + " column has " + length + " rows, expected " + expected);
        }
        return length;
    }
}
