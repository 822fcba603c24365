package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.Metric;

import java.util.List;
import java.util.Map;

/**
 * A parameter sweep asked for with a single-symbol backtest (REST body {@code sweep}, command line {@code --sweep}):
 * the combinations to try, how they were drawn and the metric that ranks them; with {@code walkForward} set, each
 * fold chooses among them in sample and is judged out of sample.
 *
 * @param combinations the swept values only; the run's other parameters stay as given
 * @param search       "grid" or "random"
 * @param walkForward  null for a plain sweep
 */
public record SweepPlan(List<Map<String, Object>> combinations, String search, Metric metric, Folds walkForward) {

    /** @param inSample the share of each fold's candles that chooses the combination, in (0, 1) */
    public record Folds(int folds, double inSample) {
    }
}
