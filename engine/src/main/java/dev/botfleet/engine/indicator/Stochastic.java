package dev.botfleet.engine.indicator;

/**
 * The slow stochastic oscillator, TA-Lib's {@code TA_STOCH} with its default SMA smoothing: raw %K over
 * {@code kPeriod} candles, slow %K = SMA({@code kSmoothing}) of it, slow %D = SMA({@code dPeriod}) of slow %K.
 * Both outputs are NaN until %D is ready (candle {@code kPeriod + kSmoothing + dPeriod - 2}), as in TA-Lib.
 */
public final class Stochastic implements CandleIndicator {
    private final StochasticK rawK;
    private final Sma slowK;
    private final Sma slowD;

    public Stochastic(int kPeriod, int kSmoothing, int dPeriod) {
        this.rawK = new StochasticK(kPeriod);
        this.slowK = new Sma(kSmoothing);
        this.slowD = new Sma(dPeriod);
    }

    /** TA-Lib's defaults: 5, 3, 3. */
    public static Stochastic standard() {
        return new Stochastic(5, 3, 3);
    }

    @Override
    public double update(double high, double low, double close) {
        double raw = rawK.update(high, low, close);
        if (Double.isNaN(raw)) {
            return Double.NaN;
        }
        double k = slowK.update(raw);
        if (slowK.isReady()) {
            slowD.update(k);
        }
        return k();
    }

    /** Slow %K (the main value). */
    @Override
    public double value() {
        return k();
    }

    public double k() {
        return slowD.isReady() ? slowK.value() : Double.NaN;
    }

    public double d() {
        return slowD.value();
    }

    @Override
    public boolean isReady() {
        return slowD.isReady();
    }

    @Override
    public void reset() {
        rawK.reset();
        slowK.reset();
        slowD.reset();
    }
}
