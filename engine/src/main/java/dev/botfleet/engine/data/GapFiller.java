package dev.botfleet.engine.data;

import dev.botfleet.engine.market.Timeframe;

import java.util.Arrays;

/**
 * Finds the timeframe of raw candles and fills the gaps the way Freqtrade's {@code ohlcv_fill_up_missing_data} does:
 * each missing candle gets open = high = low = close = the previous close and volume 0. Gaps are filled before any
 * indicator sees the data, or RSI/ADX would differ from Freqtrade's.
 */
final class GapFiller {
    /** A guard against a typo in a timestamp turning into billions of filled candles. */
    static final long MAX_CANDLES = 100_000_000L;

    private GapFiller() {
    }

    /** The timeframe whose length is the most common spacing between consecutive candles. */
    static Timeframe infer(RawCandles raw) {
        if (raw.size < 2) {
            throw new CandleDataException(raw.source, null,
                    "a single candle cannot tell its timeframe; pass the timeframe explicitly");
        }
        long spacing = mostCommonSpacing(raw);
        return Timeframes.ofMillis(spacing).orElseThrow(() -> new CandleDataException(raw.source, null,
                "the candles are " + Timeframes.describe(spacing) + " apart (most common spacing), which is not a"
                        + " supported timeframe (" + Timeframes.supported() + ")"));
    }

    /** The most common spacing between consecutive candles (the smaller one on a tie). */
    private static long mostCommonSpacing(RawCandles raw) {
        long[] spacing = new long[raw.size - 1];
        for (int i = 1; i < raw.size; i++) {
            spacing[i - 1] = raw.openTime[i] - raw.openTime[i - 1];
        }
        Arrays.sort(spacing);
        long best = spacing[0];
        int bestRun = 0;
        for (int i = 0; i < spacing.length; ) {
            int j = i;
            while (j < spacing.length && spacing[j] == spacing[i]) {
                j++;
            }
            if (j - i > bestRun) {
                bestRun = j - i;
                best = spacing[i];
            }
            i = j;
        }
        return best;
    }

    static LoadedCandles fill(RawCandles raw, Timeframe timeframe, CandleFormat format) {
        long step = timeframe.millis();
        if (raw.size >= 2) {
            long found = mostCommonSpacing(raw);
            if (found != step) {
                throw new CandleDataException(raw.source, null, "the candles are " + Timeframes.describe(found)
                        + " apart (most common spacing), not the " + timeframe.code() + " asked for");
            }
        }
        long total = raw.size;
        for (int i = 1; i < raw.size; i++) {
            long gap = raw.openTime[i] - raw.openTime[i - 1];
            if (gap % step != 0) {
                throw raw.error(raw.location[i], "open time " + raw.openTime[i] + " is " + gap
                        + " ms after the previous candle (" + raw.where(i - 1) + "), not a multiple of the "
                        + timeframe.code() + " timeframe");
            }
            total += gap / step - 1;
            if (total > MAX_CANDLES) {
                throw raw.error(raw.location[i], "the gap after " + raw.where(i - 1) + " would need "
                        + (gap / step - 1) + " filled candles; more than " + MAX_CANDLES + " in all");
            }
        }
        int filled = (int) (total - raw.size);
        int n = (int) total;
        long[] time = new long[n];
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n];
        double[] volume = new double[n];
        java.util.BitSet filledAt = new java.util.BitSet(n);
        int out = 0;
        for (int i = 0; i < raw.size; i++) {
            if (i > 0) {
                double previousClose = raw.close[i - 1];
                for (long t = raw.openTime[i - 1] + step; t < raw.openTime[i]; t += step) {
                    time[out] = t;
                    open[out] = previousClose;
                    high[out] = previousClose;
                    low[out] = previousClose;
                    close[out] = previousClose;
                    filledAt.set(out);
                    out++; // volume stays 0
                }
            }
            time[out] = raw.openTime[i];
            open[out] = raw.open[i];
            high[out] = raw.high[i];
            low[out] = raw.low[i];
            close[out] = raw.close[i];
            volume[out] = raw.volume[i];
            out++;
        }
        return new LoadedCandles(new CandleSeries(timeframe, time, open, high, low, close, volume), format, filled,
                raw.warnings(), filledAt);
    }
}
