package dev.botfleet.server.backtest.hyperopt;

import dev.botfleet.engine.backtest.optimize.Trial;
import dev.botfleet.server.backtest.optimize.HyperoptPlan;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * What a hyperopt run stores of its trials: the best epoch and the best {@link #TOP_TRIALS} epochs, as JSON text.
 * A run on one node ({@link HyperoptService}) and a run over the cluster ({@link ClusterHyperopts}) both store them
 * from here, so the same trials give the same text.
 */
public final class HyperoptOutcome {
    /** How many of the best epochs a finished run keeps (GET shows them). */
    public static final int TOP_TRIALS = 20;

    private HyperoptOutcome() {
    }

    /** The best epoch as {@link HyperoptPlan#best} shows it; null when no trial finished. */
    public static String best(JsonMapper json, HyperoptPlan plan, Trial best) {
        return best == null ? null : json.writeValueAsString(plan.best(best));
    }

    /** The best trials, best first (lowest loss, earliest on ties). */
    public static String top(JsonMapper json, HyperoptPlan plan, List<Trial> trials) {
        return json.writeValueAsString(trials.stream().sorted(Trial.BEST_FIRST).limit(TOP_TRIALS).map(plan::best).toList());
    }
}
