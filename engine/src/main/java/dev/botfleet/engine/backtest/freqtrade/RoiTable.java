package dev.botfleet.engine.backtest.freqtrade;

import java.util.Map;
import java.util.TreeMap;

/**
 * Freqtrade's {@code minimal_roi}: minutes since the trade opened → the profit ratio that closes it. The step in force
 * is the one with the largest key not above the trade's age; an empty table never exits by ROI.
 */
public final class RoiTable {

    private final TreeMap<Integer, Double> steps;

    private RoiTable(TreeMap<Integer, Double> steps) {
        this.steps = steps;
    }

    public static RoiTable of(Map<Integer, Double> minutesToRatio) {
        TreeMap<Integer, Double> steps = new TreeMap<>();
        minutesToRatio.forEach((minutes, ratio) -> {
            if (minutes == null || minutes < 0) {
                throw new IllegalArgumentException("minimal_roi: key must be minutes >= 0, was " + minutes);
            }
            if (ratio == null || ratio.isNaN()) {
                throw new IllegalArgumentException("minimal_roi[" + minutes + "]: ratio must be a number");
            }
            steps.put(minutes, ratio);
        });
        return new RoiTable(steps);
    }

    public static RoiTable none() {
        return new RoiTable(new TreeMap<>());
    }

    /** The step in force for a trade {@code tradeMinutes} old, or null when no step has started yet. */
    Map.Entry<Integer, Double> stepAt(long tradeMinutes) {
        return steps.floorEntry((int) Math.min(Integer.MAX_VALUE, tradeMinutes));
    }

    public Map<Integer, Double> steps() {
        return java.util.Collections.unmodifiableMap(steps);
    }

    @Override
    public String toString() {
        return "RoiTable" + steps;
    }
}
