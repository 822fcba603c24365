package dev.botfleet.engine.indicator;

/**
 * Rate of change in percent, TA-Lib's {@code TA_ROC}: {@code (x / x[period ago] - 1) * 100}; 0 when the old value is 0.
 * Ready with input {@code period + 1}.
 */
public final class Roc implements ValueIndicator {
    private final int period;
    private final double[] window;
    private int next;
    private int count;
    private double value = Double.NaN;

    public Roc(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, was " + period);
        }
        this.period = period;
        this.window = new double[period];
    }

    @Override
    public double update(double x) {
        double old = window[next];
        window[next] = x;
        next = next + 1 == period ? 0 : next + 1;
        if (count < period) {
            count++;
            return value;
        }
        value = old != 0.0 ? ((x / old) - 1.0) * 100.0 : 0.0;
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return !Double.isNaN(value);
    }

    @Override
    public void reset() {
        next = 0;
        count = 0;
        value = Double.NaN;
    }
}
