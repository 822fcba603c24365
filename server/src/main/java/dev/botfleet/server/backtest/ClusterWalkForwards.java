package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.Metrics;
import dev.botfleet.engine.backtest.Sweep;
import dev.botfleet.engine.backtest.WalkForward;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The walk-forward side of {@link ClusterSweeps}: where a chunk's combinations run (its fold's in-sample candles) and
 * how the stored chunks become the report. Both go through the engine's own steps ({@link WalkForward#windows},
 * {@link WalkForward#inSample}, {@link Sweep#rank}, {@link WalkForward#fold}) and {@link SweepRuns#walkForwardReport},
 * which is what {@link WalkForward#run} and a single node's report are made of: the cluster's report is the same.
 */
final class ClusterWalkForwards {
    private ClusterWalkForwards() {
    }

    /** The chunks of a walk-forward: each fold's combinations cut into slices of {@code size}, fold by fold. */
    static List<SweepChunks.Slice> slices(SweepPlan plan, int size) {
        List<SweepChunks.Slice> out = new ArrayList<>();
        int combinations = plan.combinations().size();
        for (int fold = 0; fold < plan.walkForward().folds(); fold++) {
            for (int first = 0; first < combinations; first += size) {
                out.add(new SweepChunks.Slice(fold, first, Math.min(size, combinations - first)));
            }
        }
        return out;
    }

    /** The spec a chunk's combinations run on: the whole run's for a plain sweep, else its fold's in-sample part. */
    static BacktestSpec chunkSpec(BacktestJob job, SweepPlan plan, Integer fold) {
        if (fold == null) return job.spec();
        WalkForward.Window window = walkForward(job, plan).windows(job.candles().size()).get(fold);
        return WalkForward.inSample(job.spec(), window);
    }

    /**
     * The report of a walk-forward whose chunks are all stored: per fold, its combinations' metrics in plan order
     * are ranked, the best is tested out of sample (one backtest per fold, run here by the merging node), and the
     * folds are reported as a single node reports them.
     *
     * @throws IllegalArgumentException as the single node's run would (the run fails with its message)
     */
    static Map<String, Object> report(BacktestJob job, SweepPlan plan, List<SweepChunks.Stored> chunks,
                                      JsonMapper json) {
        Sweep sweep = sweep(job, plan);
        WalkForward walkForward = SweepRuns.walkForward(sweep, plan);
        List<WalkForward.Fold> folds = new ArrayList<>();
        for (WalkForward.Window window : walkForward.windows(job.candles().size())) {
            List<Metrics> metrics = new ArrayList<>();
            for (SweepChunks.Stored c : chunks) {
                if (Integer.valueOf(window.index()).equals(c.fold())) metrics.addAll(SweepChunkMetrics.read(json, c.metrics()));
            }
            if (metrics.size() != plan.combinations().size()) {
                throw new IllegalStateException("fold " + window.index() + " has " + metrics.size()
                        + " stored results for " + plan.combinations().size() + " combinations");
            }
            List<Sweep.Entry> inPlanOrder = new ArrayList<>();
            for (int i = 0; i < metrics.size(); i++) {
                inPlanOrder.add(new Sweep.Entry(plan.combinations().get(i), metrics.get(i)));
            }
            folds.add(walkForward.fold(job.spec(), window, sweep.rank(inPlanOrder)));
        }
        return SweepRuns.walkForwardReport(job, plan, folds);
    }

    private static WalkForward walkForward(BacktestJob job, SweepPlan plan) {
        return SweepRuns.walkForward(sweep(job, plan), plan);
    }

    /** The sweep a single node's walk-forward chooses with (one thread: the out-of-sample test is one run). */
    private static Sweep sweep(BacktestJob job, SweepPlan plan) {
        return new Sweep(job.spec(), SweepRuns.configs(job, "sweep.ranges."), plan.metric(), 1);
    }
}
