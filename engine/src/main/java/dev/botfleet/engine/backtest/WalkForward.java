package dev.botfleet.engine.backtest;

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

    /** A fold's candle positions: in sample {@code [from, split)}, out of sample {@code [split, to)}. */
    public record Window(int index, int from, int split, int to) {
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
        List<Fold> out = new ArrayList<>();
        long runsPerFold = combinations.size() + 1L;
        long total = folds * runsPerFold;
        for (Window w : windows(base.candles().size())) {
            long before = w.index() * runsPerFold;
            List<Sweep.Entry> ranked = sweep.run(inSample(base, w), combinations,
                    (done, ignored) -> progress.onProgress(before + done, total));
            out.add(fold(base, w, ranked));
            progress.onProgress(before + runsPerFold, total);
        }
        return out;
    }

    /**
     * Where each fold lies in a series of {@code candles}. A walk-forward spread over several machines runs the
     * steps of {@link #run} apart: every window's {@link #inSample} sweep (in any slices), then {@link #fold} with
     * the window's entries ranked by {@link Sweep#rank} — the same folds {@link #run} gives.
     */
    public List<Window> windows(int candles) {
        int window = candles / folds;
        int split = (int) Math.floor(window * inSampleRatio);
        if (split < 2 || window - split < 2) {
            throw new IllegalArgumentException("folds: " + candles + " candles are too few for " + folds
                    + " folds (each in- and out-of-sample part needs at least 2 candles)");
        }
        List<Window> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int from = f * window;
            int to = f == folds - 1 ? candles : from + window;
            out.add(new Window(f, from, from + split, to));
        }
        return out;
    }

    /** The spec a window's in-sample sweep runs each combination on. */
    public static BacktestSpec inSample(BacktestSpec base, Window w) {
        return base.withCandles(base.candles().slice(w.from(), w.split()));
    }

    /**
     * The window's fold: its in-sample winner (the first of {@code ranked}, best first) tested out of sample.
     *
     * @param base the full spec (all candles), as given to {@link #run}
     */
    public Fold fold(BacktestSpec base, Window w, List<Sweep.Entry> ranked) {
        Sweep.Entry best = ranked.getFirst();
        BacktestSpec outSample = inSample(base, w).withCandles(base.candles().slice(w.split(), w.to()));
        Metrics oos = sweep.run(outSample, List.of(best.params()), BacktestProgress.NONE).getFirst().metrics();
        return new Fold(w.index(), w.from(), w.split(), w.split(), w.to(), best.params(), best.metrics(), oos);
    }
}
