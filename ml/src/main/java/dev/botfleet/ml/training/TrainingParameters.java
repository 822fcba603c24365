package dev.botfleet.ml.training;

import java.util.Locale;

/**
 * LightGBM parameters for a binary classifier, with the defaults documented in docs/ml.md "Training". Whatever
 * the values, training is deterministic for a seed: {@code deterministic=true}, {@code force_row_wise=true} and
 * one thread ({@code num_threads=1}), with every random seed of LightGBM derived from {@code seed}.
 */
public record TrainingParameters(int iterations, double learningRate, int numLeaves, int minDataInLeaf,
                                 double featureFraction, double baggingFraction, int baggingFreq, double lambdaL2,
                                 int maxBin, long seed) {

    public static TrainingParameters defaults() {
        return new TrainingParameters(100, 0.05, 15, 20, 0.9, 0.8, 1, 1.0, 255, 42);
    }

    public TrainingParameters withSeed(long newSeed) {
        return new TrainingParameters(iterations, learningRate, numLeaves, minDataInLeaf, featureFraction,
                baggingFraction, baggingFreq, lambdaL2, maxBin, newSeed);
    }

    public TrainingParameters withIterations(int n) {
        return new TrainingParameters(n, learningRate, numLeaves, minDataInLeaf, featureFraction, baggingFraction,
                baggingFreq, lambdaL2, maxBin, seed);
    }

    /** The parameter string handed to LightGBM (datasets and booster). */
    public String toLightGbm() {
        return String.format(Locale.ROOT,
                "objective=binary metric=auc learning_rate=%s num_leaves=%d min_data_in_leaf=%d"
                        + " feature_fraction=%s bagging_fraction=%s bagging_freq=%d lambda_l2=%s max_bin=%d"
                        + " seed=%d deterministic=true force_row_wise=true num_threads=1 verbosity=-1",
                learningRate, numLeaves, minDataInLeaf, featureFraction, baggingFraction, baggingFreq, lambdaL2,
                maxBin, seed);
    }
}
