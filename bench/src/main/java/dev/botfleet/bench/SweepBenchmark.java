package dev.botfleet.bench;

import dev.botfleet.engine.backtest.BacktestProgress;
import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.Metric;
import dev.botfleet.engine.backtest.ParameterSpace;
import dev.botfleet.engine.backtest.Sweep;
import dev.botfleet.engine.data.CandleSeries;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A 1,000-combination grid sweep (RSI period 5..24 x lower 16..40 step 0.5... see {@link #setUp}) of the RSI +
 * Bollinger strategy over 100k candles on all cores, ranked by Sharpe. One timed shot after one warm-up shot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class SweepBenchmark {
    private CandleSeries candles;
    private List<Map<String, Object>> grid;

    @Setup
    public void setUp() {
        candles = SyntheticCandles.randomWalk(100_000, 7);
        // 10 periods x 10 lower thresholds x 10 upper thresholds = 1,000 combinations
        grid = new ParameterSpace()
                .range("period", new BigDecimal("6"), new BigDecimal("24"), new BigDecimal("2"))
                .range("lower", new BigDecimal("20"), new BigDecimal("38"), new BigDecimal("2"))
                .range("upper", new BigDecimal("62"), new BigDecimal("80"), new BigDecimal("2"))
                .grid();
        if (grid.size() != 1000) throw new IllegalStateException("expected 1000 combinations, got " + grid.size());
    }

    @Benchmark
    public List<Sweep.Entry> sweep1000x100k() {
        BacktestSpec base = BacktestSpec.of("rsi-bollinger", (c, i) -> BenchStrategies.RsiBollinger.of(c),
                BenchStrategies.RsiBollinger.config(14, 30, 70), SyntheticCandles.INSTRUMENT, candles,
                new BigDecimal("1000000"));
        Sweep sweep = new Sweep(base, p -> BenchStrategies.RsiBollinger.config(((Number) p.get("period")).intValue(),
                ((Number) p.get("lower")).doubleValue(), ((Number) p.get("upper")).doubleValue()),
                Metric.SHARPE, Runtime.getRuntime().availableProcessors());
        return sweep.run(grid, BacktestProgress.NONE);
    }
}
