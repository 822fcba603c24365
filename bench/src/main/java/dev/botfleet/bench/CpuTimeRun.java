package dev.botfleet.bench;

import com.sun.management.ThreadMXBean;
import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.Backtester;
import dev.botfleet.engine.backtest.freqtrade.PortfolioBacktest;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.strategy.definition.StrategyConfig;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The benchmarked backtests timed by the CPU time of the thread that runs them (and the bytes it allocates), not by
 * the wall clock: on a machine shared with other builds the wall clock mostly measures the others, the CPU time
 * much less so. For before/after comparisons of the hot path; the published figures come from JMH.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.botfleet.bench.CpuTimeRun [runs] [idle|rsi|portfolio ...]}
 *
 * <p>Run it with {@code -XX:+AlwaysPreTouch}: the first runs collect no garbage, so without it each run's allocations
 * land on heap pages touched for the first time and the page faults outweigh the backtest (docs/benchmarks.md).
 */
public final class CpuTimeRun {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private CpuTimeRun() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<String> which = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("idle", "rsi", "portfolio");
        CandleSeries candles = SyntheticCandles.randomWalk(BacktesterBenchmark.CANDLES, 42);
        PortfolioBacktest portfolio = new PortfolioBacktest(PortfolioBacktestBenchmark.settings());
        var whitelist = PortfolioBacktestBenchmark.whitelist();
        long portfolioCandles = (long) PortfolioBacktestBenchmark.PAIRS * PortfolioBacktestBenchmark.CANDLES_PER_PAIR;
        for (String w : which) {
            switch (w) {
                case "idle" -> time("idle", runs, BacktesterBenchmark.CANDLES, () -> Backtester.run(BacktestSpec.of("idle",
                        (c, i) -> new BenchStrategies.Idle(), StrategyConfig.of(Map.of()), SyntheticCandles.INSTRUMENT,
                        candles, new BigDecimal("1000000"))).trades().size() + " trades");
                case "rsi" -> time("rsiBollinger", runs, BacktesterBenchmark.CANDLES,
                        () -> Backtester.run(BacktestSpec.of("rsi-bollinger",
                                (c, i) -> BenchStrategies.RsiBollinger.of(c), BenchStrategies.RsiBollinger.config(14, 30,
                                        70), SyntheticCandles.INSTRUMENT, candles, new BigDecimal("1000000")))
                                .trades().size() + " trades");
                case "portfolio" -> time("portfolio", runs, portfolioCandles, () -> portfolio.run(whitelist).trades().size()
                        + " trades");
                default -> throw new IllegalArgumentException("unknown workload " + w);
            }
        }
    }

    private static void time(String name, int runs, long candles, Supplier<Object> run) {
        long[] cpu = new long[runs];
        long[] bytes = new long[runs];
        long[] user = new long[runs];
        Object sink = null;
        for (int r = 0; r < runs; r++) {
            long b0 = THREADS.getCurrentThreadAllocatedBytes();
            long t0 = THREADS.getCurrentThreadCpuTime();
            long u0 = THREADS.getCurrentThreadUserTime();
            sink = run.get();
            cpu[r] = THREADS.getCurrentThreadCpuTime() - t0;
            user[r] = THREADS.getCurrentThreadUserTime() - u0;
            bytes[r] = THREADS.getCurrentThreadAllocatedBytes() - b0;
        }
        // The first third is JIT warm-up: the figures are over the rest.
        long[] warm = Arrays.copyOfRange(cpu, runs / 3, runs);
        Arrays.sort(warm);
        System.out.printf("%-13s CPU per run: min %,.1f ms, median %,.1f ms = %.1f ns/candle (min %.1f), "
                        + "%.1f M candles per CPU-second; allocated %.1f B/candle (last run)  [%s]%n",
                name, warm[0] / 1e6, warm[warm.length / 2] / 1e6, (double) warm[warm.length / 2] / candles,
                (double) warm[0] / candles, candles * 1e3 / warm[warm.length / 2],
                (double) bytes[runs - 1] / candles, sink);
        StringBuilder all = new StringBuilder("              every run, CPU ms (of which in the kernel):");
        for (int r = 0; r < runs; r++) all.append(' ').append(cpu[r] / 1_000_000).append(" (")
                .append((cpu[r] - user[r]) / 1_000_000).append(')');
        System.out.println(all);
    }
}
