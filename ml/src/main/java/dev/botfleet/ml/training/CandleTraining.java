package dev.botfleet.ml.training;

import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.ml.candles.CandleTrades;
import dev.botfleet.ml.features.FeatureSet;
import dev.botfleet.ml.features.SeedV1Features;
import dev.botfleet.ml.labels.TripleBarrier;

/**
 * Training from a candle dataset (the server's shipped datasets, the {@code train} command's files): the candles
 * become trades ({@link CandleTrades}: a candle lasts 2 seconds), then the same 1-second candles, features, labels,
 * time split and {@link Trainer} as from real trades. Decisions every {@link #STRIDE_SECONDS} seconds, as the seed's bot.
 */
public final class CandleTraining {

    /** The seed's bot decides every 2 seconds; training rows follow the same cadence. */
    public static final int STRIDE_SECONDS = 2;

    private CandleTraining() {
    }

    /** The feature set new models are trained on. */
    public static FeatureSet featureSet() {
        return new SeedV1Features();
    }

    /**
     * @throws IllegalArgumentException when the data gives too few rows for the split, or a value is out of range
     * @throws IllegalStateException    when LightGBM fails
     */
    public static Trainer.TrainedModel train(CandleSeries candles, TripleBarrier barrier, double validationShare,
                                             TrainingParameters parameters) {
        TrainingSet set = TrainingSet.build(CandleTrades.seconds(candles), featureSet(), barrier, STRIDE_SECONDS);
        return new Trainer(parameters).train(TimeSplit.of(set, validationShare));
    }
}
