package dev.botfleet.engine.indicator;

/**
 * Bollinger Bands as TA-Lib's {@code TA_BBANDS} with its default SMA: middle = SMA(period), upper/lower = middle ±
 * k·σ where σ is the population standard deviation over the same window, computed like TA-Lib as
 * sqrt(mean(x²) - middle²) with a running sum of squares in TA-Lib's order. Also %B and bandwidth.
 *
 * <p>σ is 0 when the variance is zero or negative (rounding), per the {@link ZeroPolicy}: TA-Lib's policy also zeroes
 * any variance below 1e-8, which collapses the bands of every market priced below ~0.01 (all X/BTC pairs).
 */
public final class BollingerBands implements ValueIndicator {
    private final int period;
    private final double upperDeviations;
    private final double lowerDeviations;
    private final ZeroPolicy zero;
    private final Sma middle;
    private final double[] window;
    private int next;
    private int count;
    /** Sum of squares of the newest {@code period - 1} values once ready, in TA-Lib's running order. */
    private double partialSquares;
    private double upper = Double.NaN;
    private double lower = Double.NaN;
    private double last = Double.NaN;

    public BollingerBands(int period, double deviations) {
        this(period, deviations, deviations);
    }

    public BollingerBands(int period, double upperDeviations, double lowerDeviations) {
        this(period, upperDeviations, lowerDeviations, ZeroPolicy.EXACT);
    }

    public BollingerBands(int period, double upperDeviations, double lowerDeviations, ZeroPolicy zero) {
        if (period < 2) {
            throw new IllegalArgumentException("period must be >= 2, was " + period);
        }
        if (!(upperDeviations >= 0) || !(lowerDeviations >= 0) || Double.isInfinite(upperDeviations)
                || Double.isInfinite(lowerDeviations)) {
            throw new IllegalArgumentException("deviations must be finite and >= 0, was " + upperDeviations + "/"
                    + lowerDeviations);
        }
        this.period = period;
        this.upperDeviations = upperDeviations;
        this.lowerDeviations = lowerDeviations;
        this.zero = zero;
        this.middle = new Sma(period);
        this.window = new double[period];
    }

    @Override
    public double update(double x) {
        last = x;
        double mean = middle.update(x);
        window[next] = x;
        next = next + 1 == period ? 0 : next + 1;
        double square = x * x;
        if (count < period - 1) {
            count++;
            partialSquares += square;
            return mean;
        }
        count = period;
        double totalSquares = partialSquares + square;
        double variance = totalSquares / period;
        double oldest = window[next];
        partialSquares = totalSquares - oldest * oldest;
        variance -= mean * mean;
        double deviation = zero.isZeroOrNegative(variance) ? 0.0 : Math.sqrt(variance);
        upper = mean + upperDeviations * deviation;
        lower = mean - lowerDeviations * deviation;
        return mean;
    }

    /** The middle band. */
    @Override
    public double value() {
        return middle.value();
    }

    public double middle() {
        return middle.value();
    }

    public double upper() {
        return upper;
    }

    public double lower() {
        return lower;
    }

    /** Where the last input sits between the bands: 0 at the lower, 1 at the upper; 0.5 when the bands touch. */
    public double percentB() {
        if (!isReady()) {
            return Double.NaN;
        }
        double width = upper - lower;
        return width == 0 ? 0.5 : (last - lower) / width;
    }

    /** (upper - lower) / middle. */
    public double bandwidth() {
        return isReady() ? (upper - lower) / middle.value() : Double.NaN;
    }

    @Override
    public boolean isReady() {
        return middle.isReady();
    }

    @Override
    public void reset() {
        middle.reset();
        next = 0;
        count = 0;
        partialSquares = 0;
        upper = Double.NaN;
        lower = Double.NaN;
        last = Double.NaN;
    }
}
