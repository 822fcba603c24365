package dev.botfleet.ml;

import dev.botfleet.engine.data.CandleLoader;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.ml.candles.OneSecondCandle;
import dev.botfleet.ml.candles.OneSecondCandles;
import dev.botfleet.ml.candles.Trade;
import dev.botfleet.ml.candles.TradeSide;
import dev.botfleet.ml.features.SeedV1Features;
import dev.botfleet.ml.labels.TripleBarrier;
import dev.botfleet.ml.training.TimeSplit;
import dev.botfleet.ml.training.Trainer;
import dev.botfleet.ml.training.TrainingParameters;
import dev.botfleet.ml.training.TrainingSet;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trades for the tests, made from the shared candle data (../shared/data/candles, copied into this module's test
 * resources like the engine's tests do): each 5-minute candle becomes two seconds of trades, open and the nearer
 * extreme in the first, the other extreme and the close in the second (the engine's O-H-L-C / O-L-H-C path),
 * a quarter of the candle's volume each, the aggressor by the tick rule. Real price shapes, compressed in time.
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
        List<Trade> trades = new ArrayList<>();
        long start = 1_700_000_000_000L;
        double previous = Double.NaN;
        TradeSide side = null;
        for (int k = 0; k < candles.size(); k++) {
            double o = candles.open(k);
            double h = candles.high(k);
            double l = candles.low(k);
            double c = candles.close(k);
            double q = candles.volume(k) / 4;
            boolean lowFirst = o - l < h - o;
            double[] path = {o, lowFirst ? l : h, lowFirst ? h : l, c};
            long second = start + 2000L * k;
            for (int p = 0; p < 4; p++) {
                side = Double.isNaN(previous) ? TradeSide.BUY : TradeSide.byTickRule(path[p], previous, side);
                trades.add(new Trade(second + (p < 2 ? 100 + p * 100 : 1100 + (p - 2) * 100), path[p], q, side));
                previous = path[p];
            }
        }
        return trades;
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
