package dev.botfleet.engine.indicator;

/**
 * The smallest of the last {@code period} values (TA-Lib's {@code TA_MIN}; feed lows for the lowest low), O(1)
 * amortized via a monotonic deque.
 */
public final class Lowest implements ValueIndicator {
    private final WindowExtreme extreme;

    public Lowest(int period) {
        this.extreme = new WindowExtreme(period, false);
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
