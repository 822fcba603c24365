package dev.botfleet.engine.indicator;

/**
 * Simple moving average over {@code period} values, kept as a running sum.
 *
 * <p>The sum is updated in TA-Lib's order (add the new value, divide, then subtract the value leaving the window), so
 * the rounding drift of the running sum is the same as TA-Lib's and the outputs are bit-identical to {@code TA_SMA}.
 */
public final class Sma implements ValueIndicator {
    private final int period;
    private final double[] window;
    private int count;
    private int next;
    /** Sum of the newest {@code period - 1} values once ready; of all values seen before. */
    private double partialSum;
    private double value = Double.NaN;

    public Sma(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, was " + period);
        }
        this.period = period;
        this.window = new double[period];
    }

    @Override
    public double update(double x) {
        window[next] = x;
        next = next + 1 == period ? 0 : next + 1;
        if (count < period - 1) {
            count++;
            partialSum += x;
            return value;
        }
        count = period;
        double total = partialSum + x;
        value = total / period;
        // after the write, `next` points at the oldest value of the window: it leaves with the next update
        partialSum = total - window[next];
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return count == period;
    }

    @Override
    public void reset() {
        count = 0;
        next = 0;
        partialSum = 0;
        value = Double.NaN;
    }

    public int period() {
        return period;
    }
}
