package dev.botfleet.engine.backtest;

import dev.botfleet.engine.kernel.MatchingData;

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

    /**
     * The realistic model fed trades instead of bars: every candle becomes {@link CandleTicks}' four trades, matched
     * and handed to the strategy one by one (the kernel matches on TICKS, as a paper bot on a live feed does), then
     * the candle itself reaches the strategy. For strategies that work on trades (ml-signal's 1-second candles): the
     * backtest then runs the very path a live bot runs (docs/ml.md "Backtests and parity").
     */
    public static BacktestResult runOnTicks(BacktestSpec spec) {
        return new KernelRun(spec, BacktestProgress.NONE, null, MatchingData.TICKS).run();
    }

    public static BacktestResult run(BacktestSpec spec, BacktestProgress progress) {
        return switch (spec.fillModel()) {
            case REALISTIC -> new KernelRun(spec, progress, null).run();
            case FREQTRADE -> new FreqtradeRun(spec, progress).run();
        };
    }
}
