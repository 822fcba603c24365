package dev.botfleet.engine.indicator;

/**
 * Exponential moving average with {@code k = 2 / (period + 1)}, seeded like TA-Lib's default: the first value is the
 * simple average of the first {@code period} inputs (summed in arrival order, as TA-Lib does), so the first output
 * comes with the {@code period}-th input. Each later value is {@code (x - prev) * k + prev}, TA-Lib's exact formula.
 */
public final class Ema implements ValueIndicator {
    private final int period;
    private final double k;
    private int count;
    private double seedSum;
    private double value = Double.NaN;

    public Ema(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, was " + period);
        }
        this.period = period;
        this.k = 2.0 / (period + 1);
    }

    @Override
    public double update(double x) {
        if (count >= period) {
            value = (x - value) * k + value;
            return value;
        }
        seedSum += x;
        if (++count == period) {
            value = seedSum / period;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return count >= period;
    }

    @Override
    public void reset() {
        count = 0;
        seedSum = 0;
        value = Double.NaN;
    }

    public int period() {
        return period;
    }
}
