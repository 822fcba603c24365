package dev.botfleet.engine.backtest.optimize;

/** Told after each finished trial, in trial order, on the thread that called {@link Hyperopt#run()}. */
@FunctionalInterface
public interface HyperoptProgress {
    HyperoptProgress NONE = (done, total, best) -> { };

    /** @param best the best trial so far (lowest loss, earliest on ties) */
    void onTrial(int done, int total, Trial best);
}
