package dev.botfleet.engine.backtest;

import dev.botfleet.engine.order.OrderSnapshot;

import java.math.BigDecimal;

/**
 * The realistic kernel run (the strategy driven candle by candle through the kernel and the simulated exchange) for
 * code outside this package that needs to watch it: the freqtrade signal recorder and the bias analyses. The kernel
 * code itself stays package-private in {@link KernelRun}.
 */
public final class KernelReplay {
    private KernelReplay() {
    }

    /** Sees the run as it goes: every order the strategy submits, and the end of each candle. */
    public interface Recorder {
        /** An order the strategy submitted on candle {@code candle}, with the position just before it. */
        void onSubmitted(int candle, OrderSnapshot order, BigDecimal positionBefore);

        /** Candle {@code candle} is done: the strategy has decided and the kernel has settled. */
        default void afterCandle(int candle) {
        }
    }

    /** Runs {@code spec} with the realistic fill model, telling {@code recorder} what happens. */
    public static BacktestResult run(BacktestSpec spec, BacktestProgress progress, Recorder recorder) {
        return new KernelRun(spec, progress, recorder).run();
    }
}
