package dev.botfleet.engine.backtest;

import dev.botfleet.engine.data.CandleSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walk-forward analysis: the candles are cut into {@code folds} consecutive windows; in each, the first
 * {@code inSampleRatio} of the candles pick the best combination (optimised by the sweep's metric) and the rest
 * evaluate it on data the choice never saw.
 */
public final class WalkForward {
    /**
     * One window. Indices are candle positions in the full series, {@code to} exclusive.
     *
     * @param best the winning combination in sample, evaluated out of sample as {@code outOfSample}
     */
    public record Fold(int index, int inSampleFrom, int inSampleTo, int outOfSampleFrom, int outOfSampleTo,
                       Map<String, Object> best, Metrics inSample, Metrics outOfSample) {
    }

    private final Sweep sweep;
    private final int folds;
    private final double inSampleRatio;

    public WalkForward(Sweep sweep, int folds, double inSampleRatio) {
        if (folds < 1) throw new IllegalArgumentException("folds: must be at least 1");
        if (!(inSampleRatio > 0 && inSampleRatio < 1)) {
            throw new IllegalArgumentException("inSampleRatio: must be between 0 and 1 (exclusive)");
        }
        this.sweep = sweep;
        this.folds = folds;
        this.inSampleRatio = inSampleRatio;
    }

    public List<Fold> run(BacktestSpec base, List<Map<String, Object>> combinations) {
        return run(base, combinations, BacktestProgress.NONE);
    }

    /**
     * @param progress told after every run: each fold runs every combination in sample and the best one out of
     *                 sample, so the total is {@code folds × (combinations + 1)} runs
     */
    public List<Fold> run(BacktestSpec base, List<Map<String, Object>> combinations, BacktestProgress progress) {
        CandleSeries all = base.candles();
        int window = all.size() / folds;
        int split = (int) Math.floor(window * inSampleRatio);
        if (split < 2 || window - split < 2) {
            throw new IllegalArgumentException("folds: " + all.size() + " candles are too few for " + folds
                    + " folds (each in- and out-of-sample part needs at least 2 candles)");
        }
        List<Fold> out = new ArrayList<>();
        long runsPerFold = combinations.size() + 1L;
        long total = folds * runsPerFold;
        for (int f = 0; f < folds; f++) {
            long before = f * runsPerFold;
            int from = f * window;
            int mid = from + split;
            int to = f == folds - 1 ? all.size() : from + window;
            BacktestSpec inSample = base.withCandles(all.slice(from, mid));
            List<Sweep.Entry> ranked = sweep.run(inSample, combinations,
                    (done, ignored) -> progress.onProgress(before + done, total));
            Sweep.Entry best = ranked.getFirst();
            BacktestSpec outSample = inSample.withCandles(all.slice(mid, to));
            Metrics oos = sweep.run(outSample, List.of(best.params()), BacktestProgress.NONE).getFirst().metrics();
            progress.onProgress(before + runsPerFold, total);
            out.add(new Fold(f, from, mid, mid, to, best.params(), best.metrics(), oos));
        }
        return out;
    }
}
