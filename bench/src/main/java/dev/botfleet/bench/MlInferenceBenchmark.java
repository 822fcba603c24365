package dev.botfleet.bench;

import dev.botfleet.ml.candles.CandleWindow;
import dev.botfleet.ml.candles.OneSecondCandle;
import dev.botfleet.ml.candles.OneSecondCandles;
import dev.botfleet.ml.candles.Trade;
import dev.botfleet.ml.candles.TradeSide;
import dev.botfleet.ml.features.SeedV1Features;
import dev.botfleet.ml.labels.TripleBarrier;
import dev.botfleet.ml.model.ModelLoader;
import dev.botfleet.ml.model.ModelObjective;
import dev.botfleet.ml.model.Predictor;
import dev.botfleet.ml.training.TimeSplit;
import dev.botfleet.ml.training.Trainer;
import dev.botfleet.ml.training.TrainingParameters;
import dev.botfleet.ml.training.TrainingSet;
import org.openjdk.jmh.annotations.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The cost of one ml-signal decision (docs/ml.md): the newest closed 1-second candle into the bot's 60-second
 * window, the 26 {@code seed-v1} features from it, and the LightGBM model's confidence for them. The model is the
 * documented default (100 trees of at most 15 leaves) trained at setup on a seeded synthetic trade stream, as the
 * trainer would train it; the decisions cycle through 1-second candles of the same stream.
 *
 * <p>{@code decision} is the whole; {@code featuresOnly} and {@code predictOnly} split it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class MlInferenceBenchmark {

    private final SeedV1Features features = new SeedV1Features();
    private List<OneSecondCandle> candles;
    private CandleWindow window;
    private Predictor predictor;
    private double[] row;
    private double[] fixedRow;
    private int next;

    @Setup
    public void setUp() throws Exception {
        candles = OneSecondCandles.of(syntheticTrades(4 * 3600, 7));
        TrainingSet set = TrainingSet.build(candles, features, new TripleBarrier(0.001, 0.001, 30), 2);
        String model = new Trainer(TrainingParameters.defaults()).train(TimeSplit.of(set, 0.2)).modelText();
        predictor = new ModelLoader().load(model.getBytes(StandardCharsets.UTF_8), ModelObjective.BINARY);
        window = new CandleWindow(OneSecondCandles.DEFAULT_WINDOW_SECONDS);
        for (next = 0; next < window.capacity(); next++) window.push(candles.get(next));
        row = new double[features.featureCount()];
        fixedRow = features.compute(window);
    }

    @TearDown
    public void tearDown() {
        predictor.close();
    }

    /** The next closed candle into the window (wrapping to a fresh window at the end of the series). */
    private void nextSecond() {
        if (next == candles.size()) {
            window = new CandleWindow(OneSecondCandles.DEFAULT_WINDOW_SECONDS);
            for (next = 0; next < window.capacity(); next++) window.push(candles.get(next));
            return;
        }
        window.push(candles.get(next++));
    }

    @Benchmark
    public double decision() {
        nextSecond();
        features.compute(window, row);
        return predictor.confidence(row);
    }

    @Benchmark
    public double featuresOnly() {
        nextSecond();
        features.compute(window, row);
        return row[0] + row[row.length - 1];
    }

    @Benchmark
    public double predictOnly() {
        return predictor.confidence(fixedRow);
    }

    /** A seeded random walk with volatility regimes, a few trades per second, the side by the tick rule. */
    static List<Trade> syntheticTrades(int seconds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Trade> trades = new ArrayList<>();
        double price = 100;
        double previous = price;
        TradeSide side = null;
        double volatility = 0.0003;
        long t0 = 1_700_000_000_000L;
        for (int s = 0; s < seconds; s++) {
            if (s % 600 == 0) volatility = 0.0001 + random.nextDouble() * 0.0006;
            int n = random.nextInt(5);
            for (int k = 0; k < n; k++) {
                price *= 1 + volatility * random.nextGaussian();
                side = TradeSide.byTickRule(price, previous, side);
                previous = price;
                trades.add(new Trade(t0 + s * 1000L + k * 150L, price, 0.01 + random.nextDouble(), side));
            }
        }
        return trades;
    }
}
