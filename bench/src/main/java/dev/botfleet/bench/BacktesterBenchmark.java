package dev.botfleet.bench;

import dev.botfleet.engine.backtest.BacktestResult;
import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.Backtester;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Rule;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Candles per second through the backtester (kernel + simulated exchange, realistic fill model) over 1M candles, for
 * an idle strategy and for an RSI + Bollinger strategy that trades; and the same RSI + Bollinger strategy in ta4j
 * 0.22.2's own backtest (BarSeriesManager, DoubleNum) over the same candles. Scores are candles/s (one operation =
 * one candle). Single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class BacktesterBenchmark {
    static final int CANDLES = 1_000_000;
    private static final StrategyConfig NONE = StrategyConfig.of(Map.of());

    private CandleSeries candles;
    private BarSeries ta4jSeries;

    @Setup
    public void setUp() {
        long before = CandleMemory.settledHeap();
        candles = SyntheticCandles.randomWalk(CANDLES, 42);
        long after = CandleMemory.settledHeap();
        System.out.printf("%n[setup] candles held: %,d, retained heap %,d bytes = %.1f bytes per candle%n",
                candles.size(), after - before, (double) (after - before) / candles.size());
        ta4jSeries = new BaseBarSeriesBuilder().withName("bench").withNumFactory(DoubleNumFactory.getInstance())
                .withMaxBarCount(Integer.MAX_VALUE).build();
        Duration minute = Duration.ofMinutes(1);
        for (int i = 0; i < candles.size(); i++) {
            ta4jSeries.barBuilder().timePeriod(minute).endTime(Instant.ofEpochMilli(candles.closeTime(i)))
                    .openPrice(candles.open(i)).highPrice(candles.high(i)).lowPrice(candles.low(i))
                    .closePrice(candles.close(i)).volume(candles.volume(i)).add();
        }
        // Both sides must really trade, or the comparison means nothing: printed into the JMH log.
        System.out.printf("%n[setup] trades over %,d candles: botfleet rsiBollinger %d, ta4j %d%n", CANDLES,
                rsiBollinger().trades().size(), ta4jRsiBollinger().getPositionCount());
    }

    @Benchmark
    @OperationsPerInvocation(CANDLES)
    public BacktestResult idle() {
        return Backtester.run(BacktestSpec.of("idle", (c, i) -> new BenchStrategies.Idle(), NONE,
                SyntheticCandles.INSTRUMENT, candles, new BigDecimal("1000000")));
    }

    @Benchmark
    @OperationsPerInvocation(CANDLES)
    public BacktestResult rsiBollinger() {
        return Backtester.run(BacktestSpec.of("rsi-bollinger", (c, i) -> BenchStrategies.RsiBollinger.of(c),
                BenchStrategies.RsiBollinger.config(14, 30, 70), SyntheticCandles.INSTRUMENT, candles,
                new BigDecimal("1000000")));
    }

    /** The same rules in ta4j; indicators are built per run because ta4j caches their values per series. */
    @Benchmark
    @OperationsPerInvocation(CANDLES)
    public TradingRecord ta4jRsiBollinger() {
        ClosePriceIndicator close = new ClosePriceIndicator(ta4jSeries);
        RSIIndicator rsi = new RSIIndicator(close, 14);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        var k = ta4jSeries.numFactory().numOf(2);
        BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, sd, k);
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, sd, k);
        Rule entry = new UnderIndicatorRule(rsi, 30).and(new UnderIndicatorRule(close, lower));
        Rule exit = new OverIndicatorRule(rsi, 70).or(new OverIndicatorRule(close, upper));
        return new BarSeriesManager(ta4jSeries).run(new BaseStrategy(entry, exit, 34));
    }
}
