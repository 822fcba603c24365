package dev.botfleet.engine.indicator;

/**
 * The fast stochastic oscillator, TA-Lib's {@code TA_STOCHF} with its default SMA: %K raw over {@code kPeriod} candles,
 * %D = SMA({@code dPeriod}) of %K. Both are NaN until %D is ready (candle {@code kPeriod + dPeriod - 1}), as in TA-Lib.
 */
public final class FastStochastic implements CandleIndicator {
    private final StochasticK rawK;
    private final Sma fastD;
    private double k = Double.NaN;

    public FastStochastic(int kPeriod, int dPeriod) {
        this.rawK = new StochasticK(kPeriod);
        this.fastD = new Sma(dPeriod);
    }

    /** TA-Lib's defaults: 5, 3. */
    public static FastStochastic standard() {
        return new FastStochastic(5, 3);
    }

    @Override
    public double update(double high, double low, double close) {
        double raw = rawK.update(high, low, close);
        if (Double.isNaN(raw)) {
            return Double.NaN;
        }
        fastD.update(raw);
        k = raw;
        return k();
    }

    /** Fast %K (the main value). */
    @Override
    public double value() {
        return k();
    }

    public double k() {
        return fastD.isReady() ? k : Double.NaN;
    }

    public double d() {
        return fastD.value();
    }

    @Override
    public boolean isReady() {
        return fastD.isReady();
    }

    @Override
    public void reset() {
        rawK.reset();
        fastD.reset();
        k = Double.NaN;
    }
}
