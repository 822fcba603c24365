package dev.botfleet.engine.indicator;

/**
 * The largest of the last {@code period} values (TA-Lib's {@code TA_MAX}; feed highs for the highest high). A
 * monotonic deque keeps the candidates, so an update is O(1) amortized and allocates nothing.
 */
public final class Highest implements ValueIndicator {
    private final WindowExtreme extreme;

    public Highest(int period) {
        this.extreme = new WindowExtreme(period, true);
    }

    @Override
    public double update(double x) {
        return extreme.update(x);
    }

    @Override
    public double value() {
        return extreme.value();
    }

    @Override
    public boolean isReady() {
        return extreme.isReady();
    }

    @Override
    public void reset() {
        extreme.reset();
    }
}
