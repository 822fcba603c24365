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

    /** Refuses values LightGBM would reject or misread, naming the parameter by its LightGBM name. */
    public TrainingParameters {
        require(iterations >= 1 && iterations <= 10_000, "num_iterations", "1 to 10000", iterations);
        require(learningRate > 0 && learningRate <= 1, "learning_rate", "above 0, at most 1", learningRate);
        require(numLeaves >= 2 && numLeaves <= 1024, "num_leaves", "2 to 1024", numLeaves);
        require(minDataInLeaf >= 1, "min_data_in_leaf", "at least 1", minDataInLeaf);
        require(featureFraction > 0 && featureFraction <= 1, "feature_fraction", "above 0, at most 1", featureFraction);
        require(baggingFraction > 0 && baggingFraction <= 1, "bagging_fraction", "above 0, at most 1", baggingFraction);
        require(baggingFreq >= 0, "bagging_freq", "0 or more", baggingFreq);
        require(lambdaL2 >= 0 && Double.isFinite(lambdaL2), "lambda_l2", "0 or more", lambdaL2);
        require(maxBin >= 2 && maxBin <= 65_535, "max_bin", "2 to 65535", maxBin);
    }

    private static void require(boolean ok, String name, String range, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(name + " must be " + range + ", was " + value);
        }
    }

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
