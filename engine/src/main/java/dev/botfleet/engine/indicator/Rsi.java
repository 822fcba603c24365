package dev.botfleet.engine.indicator;

/**
 * Relative strength index with Wilder's smoothing, as TA-Lib computes it with its default unstable period of 0: the
 * average gain and loss are seeded with the plain average of the first {@code period} changes, so the first value
 * comes with input {@code period + 1}; later averages are {@code (avg * (period - 1) + change) / period}.
 *
 * <p>When gain + loss is zero (see {@link ZeroPolicy}: exactly zero by default, below 1e-8 for TA-Lib's behaviour) the
 * value is 0, as in TA-Lib.
 */
public final class Rsi implements ValueIndicator {
    private final int period;
    private final ZeroPolicy zero;
    private int count;
    private double previous;
    private double averageGain;
    private double averageLoss;
    private double value = Double.NaN;

    public Rsi(int period) {
        this(period, ZeroPolicy.EXACT);
    }

    public Rsi(int period, ZeroPolicy zero) {
        if (period < 2) {
            throw new IllegalArgumentException("period must be >= 2, was " + period);
        }
        this.period = period;
        this.zero = zero;
    }

    @Override
    public double update(double x) {
        double change = x - previous;
        previous = x;
        if (count == 0) {
            count = 1;
            return value;
        }
        if (count <= period) {
            if (change < 0) {
                averageLoss -= change;
            } else {
                averageGain += change;
            }
            if (count++ < period) {
                return value;
            }
            averageLoss /= period;
            averageGain /= period;
            return value = rsi();
        }
        // TA-Lib's operation order, kept so the result is bit-identical
        averageLoss *= period - 1;
        averageGain *= period - 1;
        if (change < 0) {
            averageLoss -= change;
        } else {
            averageGain += change;
        }
        averageLoss /= period;
        averageGain /= period;
        return value = rsi();
    }

    private double rsi() {
        double total = averageGain + averageLoss;
        return zero.isZero(total) ? 0.0 : 100.0 * (averageGain / total);
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return count > period;
    }

    @Override
    public void reset() {
        count = 0;
        previous = 0;
        averageGain = 0;
        averageLoss = 0;
        value = Double.NaN;
    }

    public int period() {
        return period;
    }
}
