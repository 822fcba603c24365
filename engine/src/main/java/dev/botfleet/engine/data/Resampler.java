package dev.botfleet.engine.data;

import dev.botfleet.engine.market.Timeframe;

/**
 * Aggregates candles into a larger timeframe (5m into 1h): open = first open, high = max, low = min, close = last close,
 * volume = sum, which is how exchanges build their own larger candles and how Freqtrade resamples. A larger candle is
 * labelled with its open time (the start of its bucket) like exchange candles; buckets are aligned to the Unix epoch,
 * except weeks, which start on Monday 00:00 UTC like Binance's.
 *
 * <p>A larger candle is only known when its last source candle has closed: whoever uses one at source index {@code i}
 * must wait until {@link CandleSeries#closeTime} of the larger candle, or the backtest looks ahead.
 */
public final class Resampler {
    private static final long DAY = 86_400_000L;
    private static final long WEEK = 7 * DAY;
    /** 1970-01-01 was a Thursday; the first Monday came four days later. */
    private static final long FIRST_MONDAY = 4 * DAY;

    private Resampler() {
    }

    /** Only complete larger candles: a bucket missing any source candle (at the edges, usually) is dropped. */
    public static CandleSeries resample(CandleSeries source, Timeframe target) {
        return resample(source, target, false);
    }

    /**
     * @param keepIncomplete also keep buckets that miss source candles (the still-forming last candle, say)
     * @throws IllegalArgumentException if {@code target} is not a whole multiple of the source timeframe, or a
     *     source candle straddles two buckets
     */
    public static CandleSeries resample(CandleSeries source, Timeframe target, boolean keepIncomplete) {
        Timeframe from = source.timeframe();
        if (target.millis() < from.millis() || target.millis() % from.millis() != 0) {
            throw new IllegalArgumentException("cannot resample " + from.code() + " candles into " + target.code()
                    + ": the target must be a whole multiple of the source timeframe");
        }
        long perBucket = target.millis() / from.millis();
        CandleSeries.Builder out = new CandleSeries.Builder(target, (int) (source.size() / perBucket) + 2);
        int i = 0;
        while (i < source.size()) {
            long bucket = bucketStart(source.openTime(i), target);
            long bucketEnd = bucket + target.millis();
            double open = source.open(i);
            double high = source.high(i);
            double low = source.low(i);
            double close = source.close(i);
            double volume = 0;
            int count = 0;
            for (; i < source.size() && source.openTime(i) < bucketEnd; i++) {
                if (source.closeTime(i) > bucketEnd) {
                    throw new IllegalArgumentException("the " + from.code() + " candle opening at "
                            + source.openTime(i) + " straddles two " + target.code()
                            + " candles: the source is not aligned to the " + target.code() + " grid");
                }
                high = Math.max(high, source.high(i));
                low = Math.min(low, source.low(i));
                close = source.close(i);
                volume += source.volume(i);
                count++;
            }
            if (count == perBucket || keepIncomplete) {
                out.add(bucket, open, high, low, close, volume);
            }
        }
        return out.build();
    }

    /** The open time of the {@code target} candle containing {@code time}. */
    public static long bucketStart(long time, Timeframe target) {
        if (target.millis() % WEEK == 0) {
            return Math.floorDiv(time - FIRST_MONDAY, target.millis()) * target.millis() + FIRST_MONDAY;
        }
        return target.openTimeOf(time);
    }
}
