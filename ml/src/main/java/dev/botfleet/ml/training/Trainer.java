package dev.botfleet.ml.training;

import com.microsoft.ml.lightgbm.PredictionType;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Trains a LightGBM binary classifier on a {@link TimeSplit} with lightgbm4j: a fixed number of boosting
 * iterations (no early stopping, so the model does not depend on when validation peaked), then the model as
 * LightGBM text (feature names = the feature set's names) and a {@link TrainingReport}.
 */
public final class Trainer {

    private final TrainingParameters parameters;

    public Trainer(TrainingParameters parameters) {
        this.parameters = parameters;
    }

    /** The model text and its report. */
    public record TrainedModel(String modelText, TrainingReport report) {
    }

    public TrainedModel train(TimeSplit split) {
        TrainingSet train = split.train();
        TrainingSet validation = split.validation();
        int cols = train.featureNames().size();
        String params = parameters.toLightGbm();
        try (LGBMDataset trainData = LGBMDataset.createFromMat(train.flatFeatures(), train.rows(), cols, true,
                params, null);
             LGBMDataset validData = LGBMDataset.createFromMat(validation.flatFeatures(), validation.rows(), cols,
                     true, params, trainData)) {
            trainData.setFeatureNames(train.featureNames().toArray(String[]::new));
            trainData.setField("label", toFloats(train.labels()));
            validData.setField("label", toFloats(validation.labels()));
            try (LGBMBooster booster = LGBMBooster.create(trainData, params)) {
                booster.addValidData(validData);
                int iterations = 0;
                while (iterations < parameters.iterations()) {
                    iterations++;
                    if (booster.updateOneIter()) break; // LightGBM found nothing more to split
                }
                String text = booster.saveModelToString(0, 0, LGBMBooster.FeatureImportanceType.SPLIT);
                TrainingReport report = report(booster, train, validation, params, iterations);
                return new TrainedModel(text, report);
            }
        } catch (LGBMException e) {
            throw new IllegalStateException("LightGBM training failed: " + e.getMessage(), e);
        }
    }

    private static TrainingReport report(LGBMBooster booster, TrainingSet train, TrainingSet validation,
                                         String params, int iterations) throws LGBMException {
        double[] trainScores = predict(booster, train);
        double[] validScores = predict(booster, validation);
        List<Metrics.ThresholdMetrics> thresholds = new ArrayList<>();
        for (double t : TrainingReport.THRESHOLDS) {
            thresholds.add(Metrics.atThreshold(validScores, validation.labels(), t));
        }
        double[] gain = booster.featureImportance(0, LGBMBooster.FeatureImportanceType.GAIN);
        double[] splits = booster.featureImportance(0, LGBMBooster.FeatureImportanceType.SPLIT);
        List<TrainingReport.FeatureImportance> importance = new ArrayList<>();
        for (int i = 0; i < gain.length; i++) {
            importance.add(new TrainingReport.FeatureImportance(train.featureNames().get(i), gain[i],
                    (int) splits[i]));
        }
        importance.sort(Comparator.comparingDouble(TrainingReport.FeatureImportance::gain).reversed());
        return new TrainingReport(train.featureSetId(), params, iterations, train.rows(), validation.rows(),
                train.positiveRate(), validation.positiveRate(), Metrics.auc(trainScores, train.labels()),
                Metrics.auc(validScores, validation.labels()), thresholds, importance);
    }

    private static double[] predict(LGBMBooster booster, TrainingSet set) throws LGBMException {
        return booster.predictForMat(set.flatFeatures(), set.rows(), set.featureNames().size(), true,
                PredictionType.C_API_PREDICT_NORMAL);
    }

    private static float[] toFloats(int[] labels) {
        float[] out = new float[labels.length];
        for (int i = 0; i < labels.length; i++) out[i] = labels[i];
        return out;
    }
}
