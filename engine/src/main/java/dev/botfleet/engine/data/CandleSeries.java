package dev.botfleet.engine.data;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Timeframe;

import java.util.Arrays;

/**
 * Candles of one market and one timeframe, stored by column in primitive arrays (48 bytes per candle) so a backtest
 * walks them without boxing or pointer chasing. Open times are epoch milliseconds, strictly increasing; the series
 * is immutable (the array getters return copies; read single values with the indexed accessors in hot loops).
 */
public final class CandleSeries {
    private final Timeframe timeframe;
    private final long[] openTime;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;

    /** Takes ownership of the arrays (no copy): callers must not keep or change them. */
    CandleSeries(Timeframe timeframe, long[] openTime, double[] open, double[] high, double[] low, double[] close,
            double[] volume) {
        int n = openTime.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("columns differ in length");
        }
        this.timeframe = timeframe;
        this.openTime = openTime;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    /** A series from copies of the given columns; they must have equal lengths and strictly increasing times. */
    public static CandleSeries of(Timeframe timeframe, long[] openTime, double[] open, double[] high, double[] low,
            double[] close, double[] volume) {
        for (int i = 1; i < openTime.length; i++) {
            if (openTime[i] <= openTime[i - 1]) {
                throw new IllegalArgumentException("open times must increase: index " + i + " has " + openTime[i]
                        + " after " + openTime[i - 1]);
            }
        }
        return new CandleSeries(timeframe, openTime.clone(), open.clone(), high.clone(), low.clone(), close.clone(),
                volume.clone());
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    public int size() {
        return openTime.length;
    }

    public boolean isEmpty() {
        return openTime.length == 0;
    }

    public long openTime(int i) {
        return openTime[i];
    }

    /** The end of candle {@code i} (exclusive): its open time plus the timeframe. */
    public long closeTime(int i) {
        return openTime[i] + timeframe.millis();
    }

    public double open(int i) {
        return open[i];
    }

    public double high(int i) {
        return high[i];
    }

    public double low(int i) {
        return low[i];
    }

    public double close(int i) {
        return close[i];
    }

    public double volume(int i) {
        return volume[i];
    }

    /** Candle {@code i} as a {@link Candle} of the given market (allocates: for event-driven callers, not hot loops). */
    public Candle candle(int i, String exchange, String symbol) {
        return new Candle(exchange, symbol, timeframe, openTime[i], open[i], high[i], low[i], close[i], volume[i]);
    }

    /** The index of the candle opening at {@code openTime}, or -1 if there is none. */
    public int indexOf(long openTime) {
        int i = Arrays.binarySearch(this.openTime, openTime);
        return i >= 0 ? i : -1;
    }

    /** The index of the first candle opening at or after {@code time} ({@link #size()} if none does). */
    public int indexAtOrAfter(long time) {
        int i = Arrays.binarySearch(openTime, time);
        return i >= 0 ? i : -i - 1;
    }

    /** Candles {@code from} (inclusive) to {@code to} (exclusive). */
    public CandleSeries slice(int from, int to) {
        return new CandleSeries(timeframe, Arrays.copyOfRange(openTime, from, to), Arrays.copyOfRange(open, from, to),
                Arrays.copyOfRange(high, from, to), Arrays.copyOfRange(low, from, to),
                Arrays.copyOfRange(close, from, to), Arrays.copyOfRange(volume, from, to));
    }

    public long[] openTimes() {
        return openTime.clone();
    }

    public double[] opens() {
        return open.clone();
    }

    public double[] highs() {
        return high.clone();
    }

    public double[] lows() {
        return low.clone();
    }

    public double[] closes() {
        return close.clone();
    }

    public double[] volumes() {
        return volume.clone();
    }

    @Override
    public String toString() {
        return size() == 0 ? "CandleSeries[" + timeframe.code() + ", empty]"
                : "CandleSeries[" + timeframe.code() + ", " + size() + " candles from " + openTime[0] + " to "
                        + openTime[size() - 1] + "]";
    }

    /** Appends candles column by column, growing its arrays; {@link #build} trims them to size. */
    public static final class Builder {
        private final Timeframe timeframe;
        private long[] openTime;
        private double[] open;
        private double[] high;
        private double[] low;
        private double[] close;
        private double[] volume;
        private int size;

        public Builder(Timeframe timeframe, int expectedSize) {
            this.timeframe = timeframe;
            int capacity = Math.max(16, expectedSize);
            openTime = new long[capacity];
            open = new double[capacity];
            high = new double[capacity];
            low = new double[capacity];
            close = new double[capacity];
            volume = new double[capacity];
        }

        /** Appends one candle; its open time must be later than the previous one's. */
        public Builder add(long time, double o, double h, double l, double c, double v) {
            if (size > 0 && time <= openTime[size - 1]) {
                throw new IllegalArgumentException("open time " + time + " is not after " + openTime[size - 1]);
            }
            if (size == openTime.length) {
                grow();
            }
            openTime[size] = time;
            open[size] = o;
            high[size] = h;
            low[size] = l;
            close[size] = c;
            volume[size] = v;
            size++;
            return this;
        }

        /** Appends a {@link Candle} of this builder's timeframe. */
        public Builder add(Candle candle) {
            if (candle.timeframe() != timeframe) {
                throw new IllegalArgumentException("a " + candle.timeframe().code() + " candle cannot join a "
                        + timeframe.code() + " series");
            }
            return add(candle.openTime(), candle.open(), candle.high(), candle.low(), candle.close(), candle.volume());
        }

        public int size() {
            return size;
        }

        private void grow() {
            int capacity = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, openTime.length * 2L));
            openTime = Arrays.copyOf(openTime, capacity);
            open = Arrays.copyOf(open, capacity);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            close = Arrays.copyOf(close, capacity);
            volume = Arrays.copyOf(volume, capacity);
        }

        public CandleSeries build() {
            return new CandleSeries(timeframe, Arrays.copyOf(openTime, size), Arrays.copyOf(open, size),
                    Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(close, size),
                    Arrays.copyOf(volume, size));
        }
    }
}
