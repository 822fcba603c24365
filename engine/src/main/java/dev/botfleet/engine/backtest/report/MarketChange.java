package dev.botfleet.engine.backtest.report;

import java.util.Map;

/** Freqtrade's calculate_market_change: the mean over pairs of (last close − first close) / first close. */
final class MarketChange {

    private MarketChange() {
    }

    /** Null without pairs (Freqtrade: NaN). NaN closes are skipped like pandas' dropna. */
    static Double of(Map<String, double[]> closesByPair) {
        if (closesByPair.isEmpty()) {
            return null;
        }
        double[] changes = new double[closesByPair.size()];
        int i = 0;
        for (Map.Entry<String, double[]> e : closesByPair.entrySet()) {
            double[] closes = e.getValue();
            if (closes == null) {
                throw new IllegalArgumentException("closesByPair[" + e.getKey() + "] is null");
            }
            int first = 0;
            while (first < closes.length && Double.isNaN(closes[first])) {
                first++;
            }
            int last = closes.length - 1;
            while (last >= 0 && Double.isNaN(closes[last])) {
                last--;
            }
            if (first > last) {
                throw new IllegalArgumentException("closesByPair[" + e.getKey() + "] has no close (needed for the"
                        + " market change)");
            }
            changes[i++] = (closes[last] - closes[first]) / closes[first];
        }
        return PyMath.mean(changes);
    }
}
