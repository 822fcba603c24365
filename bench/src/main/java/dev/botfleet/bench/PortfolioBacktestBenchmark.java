package dev.botfleet.bench;

import dev.botfleet.engine.backtest.freqtrade.CandleColumns;
import dev.botfleet.engine.backtest.freqtrade.FreqtradeSettings;
import dev.botfleet.engine.backtest.freqtrade.PairData;
import dev.botfleet.engine.backtest.freqtrade.PortfolioBacktest;
import dev.botfleet.engine.backtest.freqtrade.PortfolioResult;
import dev.botfleet.engine.backtest.freqtrade.RoiTable;
import dev.botfleet.engine.backtest.freqtrade.SignalColumns;
import dev.botfleet.engine.indicator.Rsi;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One Freqtrade-style portfolio backtest ({@link PortfolioBacktest}): 10 synthetic pairs × 105,120 5m candles (one
 * year each, 1,051,200 candles in all) sharing one wallet with 3 slots, an RSI(14) signal strategy (enter below 30,
 * exit above 70) with a ROI table and a 5% stoploss. The signals are computed in the setup, as the portfolio run gets
 * them (the strategy's columns); the score is the time of one whole run, single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class PortfolioBacktestBenchmark {
    static final int PAIRS = 10;
    static final int CANDLES_PER_PAIR = 105_120;  // 365 days of 5m candles

    private PortfolioBacktest backtest;
    private List<PairData> whitelist;

    @Setup
    public void setUp() {
        backtest = new PortfolioBacktest(settings());
        whitelist = whitelist();
        PortfolioResult r = run();
        // The run must trade on every pair, or it measures an idle loop: printed into the JMH log.
        System.out.printf("%n[setup] %d pairs x %,d 5m candles: %,d trades, %,d rejected signals, final wallet %.2f%n",
                PAIRS, CANDLES_PER_PAIR, r.trades().size(), r.rejectedSignals(), r.finalWallet());
    }

    @Benchmark
    public PortfolioResult run() {
        return backtest.run(whitelist);
    }

    static FreqtradeSettings settings() {
        return FreqtradeSettings.builder().unlimitedStake().maxOpenTrades(3).startingBalance(1000).fee(0.001)
                .stoploss(-0.05).minimalRoi(RoiTable.of(Map.of(0, 0.04, 60, 0.02, 240, 0.0)))
                .startupCandleCount(30).priceTick(new BigDecimal("0.01")).amountStep(new BigDecimal("0.001"))
                .build();
    }

    /** Ten seeded random walks (0.2% per sub-step, four sub-steps a bar) with their RSI(14) 30/70 signals. */
    static List<PairData> whitelist() {
        List<PairData> pairs = new ArrayList<>();
        for (int p = 0; p < PAIRS; p++) {
            CandleColumns candles = randomWalk5m(CANDLES_PER_PAIR, 1000 + p, 50 + 10 * p);
            pairs.add(new PairData("P" + p + "/USDT", candles, rsiSignals(candles.close(), 14, 30, 70)));
        }
        return pairs;
    }

    static CandleColumns randomWalk5m(int n, long seed, double start) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double price = start;
        long t0 = 1_672_531_200_000L;  // 2023-01-01T00:00Z
        for (int i = 0; i < n; i++) {
            double open = price;
            double high = open;
            double low = open;
            for (int k = 0; k < 4; k++) {
                price *= 1 + (random.nextDouble() - 0.5) * 0.004;
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            t[i] = t0 + i * 300_000L;
            o[i] = round(open);
            h[i] = round(high);
            l[i] = round(low);
            c[i] = round(price);
            v[i] = 1 + random.nextDouble() * 10;
            price = Math.max(price, 1);
        }
        return new CandleColumns(t, o, h, l, c, v, Duration.ofMinutes(5));
    }

    static SignalColumns rsiSignals(double[] close, int period, double lower, double upper) {
        Rsi rsi = new Rsi(period);
        boolean[] enter = new boolean[close.length];
        boolean[] exit = new boolean[close.length];
        for (int i = 0; i < close.length; i++) {
            double r = rsi.update(close[i]);
            enter[i] = rsi.isReady() && r < lower;
            exit[i] = rsi.isReady() && r > upper;
        }
        return SignalColumns.longOnly(enter, exit);
    }

    private static double round(double p) {
        return Math.round(p * 100) / 100.0;
    }
}
