package dev.botfleet.engine.indicator;

/**
 * Average true range with Wilder's smoothing, as TA-Lib's {@code TA_ATR}: the first candle has no true range (no
 * previous close), the first ATR is the plain average of the next {@code period} true ranges (ready with candle
 * {@code period + 1}), later ones {@code (atr * (period - 1) + tr) / period}.
 */
public final class Atr implements CandleIndicator {
    private final int period;
    private int count;
    private double previousClose;
    private double trueRange = Double.NaN;
    private double value = Double.NaN;

    public Atr(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, was " + period);
        }
        this.period = period;
    }

    @Override
    public double update(double high, double low, double close) {
        if (count == 0) {
            count = 1;
            previousClose = close;
            return value;
        }
        trueRange = TrueRange.of(high, low, previousClose);
        previousClose = close;
        if (count <= period) {
            // value doubles as the running sum until the seed is complete
            value = count == 1 ? trueRange : value + trueRange;
            if (count++ == period) {
                value /= period;
                return value;
            }
            return Double.NaN;
        }
        value *= period - 1;
        value += trueRange;
        value /= period;
        return value;
    }

    @Override
    public double value() {
        return isReady() ? value : Double.NaN;
    }

    /** The last candle's true range; NaN after the first candle only. */
    public double trueRange() {
        return trueRange;
    }

    @Override
    public boolean isReady() {
        return count > period;
    }

    @Override
    public void reset() {
        count = 0;
        previousClose = 0;
        trueRange = Double.NaN;
        value = Double.NaN;
    }
}
