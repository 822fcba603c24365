package dev.botfleet.engine.backtest;

/**
 * Runs a strategy over historical candles with the chosen {@link FillModel}. Stateless and thread-safe: every run
 * builds its own kernel, simulated exchange and strategy instance, so runs are independent and deterministic
 * (same spec, same result, bit for bit).
 */
public final class Backtester {
    private Backtester() {
    }

    public static BacktestResult run(BacktestSpec spec) {
        return run(spec, BacktestProgress.NONE);
    }

    public static BacktestResult run(BacktestSpec spec, BacktestProgress progress) {
        return switch (spec.fillModel()) {
            case REALISTIC -> new KernelRun(spec, progress, null).run();
            case FREQTRADE -> new FreqtradeRun(spec, progress).run();
        };
    }
}
