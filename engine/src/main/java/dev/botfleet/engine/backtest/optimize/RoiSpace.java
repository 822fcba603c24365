package dev.botfleet.engine.backtest.optimize;

import dev.botfleet.engine.backtest.optimize.Dimension.IntDim;
import dev.botfleet.engine.backtest.optimize.Dimension.RealDim;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Freqtrade's default ROI hyperspace (IHyperOpt.roi_space): three time steps roi_t1..3 (minutes) and three profit
 * steps roi_p1..3, with limits that scale with the timeframe — times linearly (timeframe / 5), profits
 * logarithmically (log1p(timeframe) / log1p(5)) — so that 5m gives exactly the legacy ranges
 * t1 10..120, t2 10..60, t3 10..40, p1 0.01..0.04, p2 0.01..0.07, p3 0.01..0.20 (profits with 3 decimals).
 */
public final class RoiSpace {
    public static final List<String> NAMES = List.of("roi_t1", "roi_t2", "roi_t3", "roi_p1", "roi_p2", "roi_p3");

    private RoiSpace() {
    }

    public static List<Dimension> forTimeframe(int timeframeMinutes) {
        if (timeframeMinutes <= 0) throw new IllegalArgumentException("timeframe minutes must be positive, got " + timeframeMinutes);
        double t = timeframeMinutes / 5.0;
        double p = Math.log1p(timeframeMinutes) / Math.log1p(5);
        return List.of(
                new IntDim("roi_t1", (int) (10 * t), (int) (120 * t)),
                new IntDim("roi_t2", (int) (10 * t), (int) (60 * t)),
                new IntDim("roi_t3", (int) (10 * t), (int) (40 * t)),
                new RealDim("roi_p1", 0.01 * p, 0.04 * p, 3),
                new RealDim("roi_p2", 0.01 * p, 0.07 * p, 3),
                new RealDim("roi_p3", 0.01 * p, 0.20 * p, 3));
    }

    /**
     * The minimal_roi table from the six parameters (IHyperOpt.generate_roi_table): minute 0 -> p1+p2+p3,
     * t3 -> p1+p2, t3+t2 -> p1, t3+t2+t1 -> 0. Keys are minutes after entry, ascending.
     */
    public static SortedMap<Integer, Double> table(Map<String, Object> params) {
        for (String n : NAMES) {
            if (!(params.get(n) instanceof Number)) throw new IllegalArgumentException(n + ": missing or not a number in " + params);
        }
        int t1 = ((Number) params.get("roi_t1")).intValue();
        int t2 = ((Number) params.get("roi_t2")).intValue();
        int t3 = ((Number) params.get("roi_t3")).intValue();
        double p1 = ((Number) params.get("roi_p1")).doubleValue();
        double p2 = ((Number) params.get("roi_p2")).doubleValue();
        double p3 = ((Number) params.get("roi_p3")).doubleValue();
        SortedMap<Integer, Double> table = new TreeMap<>();
        table.put(0, p1 + p2 + p3);           // same addition order as Freqtrade, so the same float
        table.put(t3, p1 + p2);
        table.put(t3 + t2, p1);
        table.put(t3 + t2 + t1, 0.0);
        return table;
    }
}
