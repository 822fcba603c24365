package dev.botfleet.ml.training;

import java.util.List;

/**
 * What a training run says about its model: sizes and positive rates, AUC on both parts, precision/recall on the
 * validation part at the {@link #THRESHOLDS}, and each feature's importance (total gain and split count), highest
 * gain first.
 */
public record TrainingReport(String featureSetId, String parameters, int iterations, int trainRows,
                             int validationRows, double trainPositiveRate, double validationPositiveRate,
                             double trainAuc, double validationAuc, List<Metrics.ThresholdMetrics> validationThresholds,
                             List<FeatureImportance> featureImportance) {

    public static final double[] THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8};

    public record FeatureImportance(String feature, double gain, int splits) {
    }
}
