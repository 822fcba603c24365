package dev.botfleet.engine.backtest;

/** Told how far a run got, every few thousand candles and at the end; called on the run's thread. */
@FunctionalInterface
public interface BacktestProgress {
    void onProgress(long done, long total);

    BacktestProgress NONE = (done, total) -> { };
}
