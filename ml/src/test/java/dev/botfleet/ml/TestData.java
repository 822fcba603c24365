package dev.botfleet.ml;

import dev.botfleet.engine.data.CandleLoader;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.ml.candles.CandleTrades;
import dev.botfleet.ml.candles.OneSecondCandle;
import dev.botfleet.ml.candles.OneSecondCandles;
import dev.botfleet.ml.candles.Trade;
import dev.botfleet.ml.features.SeedV1Features;
import dev.botfleet.ml.labels.TripleBarrier;
import dev.botfleet.ml.training.TimeSplit;
import dev.botfleet.ml.training.Trainer;
import dev.botfleet.ml.training.TrainingParameters;
import dev.botfleet.ml.training.TrainingSet;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Trades for the tests, made from the shared candle data (../shared/data/candles, copied into this module's test
 * resources like the engine's tests do) by {@link CandleTrades}. Real price shapes, compressed in time.
 */
public final class TestData {

    public static final TripleBarrier BARRIER = new TripleBarrier(0.004, 0.004, 30);

    private static String cachedModel;

    private TestData() {
    }

    public static CandleSeries ltcCandles() {
        try {
            return CandleLoader.load(Path.of(TestData.class.getResource("/candles/LTC_BTC-5m.json").toURI()))
                    .series();
        } catch (URISyntaxException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Trade> tradesOf(CandleSeries candles) {
        return CandleTrades.of(candles);
    }

    public static List<OneSecondCandle> ltcSeconds() {
        return OneSecondCandles.of(tradesOf(ltcCandles()));
    }

    public static TrainingSet ltcTrainingSet() {
        return TrainingSet.build(ltcSeconds(), new SeedV1Features(), BARRIER, 2);
    }

    /** A small seed-v1 model trained on the LTC data (trained once per test JVM). */
    public static synchronized String smallModel() {
        if (cachedModel == null) {
            TrainingParameters p = TrainingParameters.defaults().withIterations(20);
            cachedModel = new Trainer(p).train(TimeSplit.of(ltcTrainingSet(), 0.25)).modelText();
        }
        return cachedModel;
    }
}
