package dev.botfleet.bench;

import dev.botfleet.engine.backtest.BacktestResult;
import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.BacktestTrade;
import dev.botfleet.engine.backtest.Backtester;
import dev.botfleet.engine.backtest.optimize.Dimension;
import dev.botfleet.engine.backtest.optimize.FreqtradeLoss;
import dev.botfleet.engine.backtest.optimize.Hyperopt;
import dev.botfleet.engine.backtest.optimize.HyperoptOptions;
import dev.botfleet.engine.backtest.optimize.HyperoptResult;
import dev.botfleet.engine.backtest.optimize.TpeSampler;
import dev.botfleet.engine.backtest.optimize.TrialOutcome;
import dev.botfleet.engine.backtest.optimize.TrialTrade;
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
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A 1,000-trial TPE optimisation (RSI period, lower, upper) of the RSI + Bollinger strategy over 100k candles on
 * all cores, scored by SharpeHyperOptLoss — the same backtests as {@link SweepBenchmark}, so the difference between
 * the two is the optimiser's own cost (sampling, batching, loss). One timed shot after one warm-up shot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class HyperoptBenchmark {
    private static final BigDecimal WALLET = new BigDecimal("1000000");
    private CandleSeries candles;

    @Setup
    public void setUp() {
        candles = SyntheticCandles.randomWalk(100_000, 7);
    }

    @Benchmark
    public HyperoptResult tpe1000x100k() {
        List<Dimension> space = List.of(new Dimension.IntDim("period", 6, 24), new Dimension.IntDim("lower", 20, 38),
                new Dimension.IntDim("upper", 62, 80));
        return new Hyperopt(space, new TpeSampler(), FreqtradeLoss.SharpeHyperOptLoss, this::backtest,
                HyperoptOptions.of(1000).withSeed(1)).run();
    }

    private TrialOutcome backtest(Map<String, Object> p) {
        BacktestSpec spec = BacktestSpec.of("rsi-bollinger", (c, i) -> BenchStrategies.RsiBollinger.of(c),
                BenchStrategies.RsiBollinger.config((Integer) p.get("period"), (Integer) p.get("lower"), (Integer) p.get("upper")),
                SyntheticCandles.INSTRUMENT, candles, WALLET);
        BacktestResult r = Backtester.run(spec);
        List<TrialTrade> trades = r.trades().stream().map(HyperoptBenchmark::toTrialTrade).toList();
        return new TrialOutcome(trades, WALLET.doubleValue(), candles.openTime(0), candles.closeTime(candles.size() - 1));
    }

    private static TrialTrade toTrialTrade(BacktestTrade t) {
        BigDecimal stake = t.entryPrice().multiply(t.quantity());
        double ratio = stake.signum() == 0 ? 0 : t.pnl().divide(stake, MathContext.DECIMAL64).doubleValue();
        return new TrialTrade(SyntheticCandles.INSTRUMENT.symbol(), t.entryTime().toEpochMilli(), t.exitTime().toEpochMilli(),
                ratio, t.pnl().doubleValue());
    }
}
