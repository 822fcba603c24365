package dev.botfleet.engine.indicator;

/** TA-Lib's raw (fast) %K: where the close sits in the last {@code period} candles' range, 0..100; 0 for a flat range. */
final class StochasticK {
    private final Highest highest;
    private final Lowest lowest;

    StochasticK(int period) {
        this.highest = new Highest(period);
        this.lowest = new Lowest(period);
    }

    /** NaN until {@code period} candles were seen. */
    double update(double high, double low, double close) {
        double top = highest.update(high);
        double bottom = lowest.update(low);
        if (!highest.isReady()) {
            return Double.NaN;
        }
        // TA-Lib divides by (range / 100) rather than multiplying by 100: kept for identical rounding
        double scaledRange = (top - bottom) / 100.0;
        return scaledRange != 0.0 ? (close - bottom) / scaledRange : 0.0;
    }

    void reset() {
        highest.reset();
        lowest.reset();
    }
}
