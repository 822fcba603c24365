package dev.botfleet.ml.training;

import dev.botfleet.ml.TestData;
import dev.botfleet.ml.features.SeedV1Features;
import dev.botfleet.ml.model.ModelLoader;
import dev.botfleet.ml.model.ModelObjective;
import dev.botfleet.ml.model.Predictor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Trains small models on the shared LTC/BTC candles turned into trades (see {@link TestData}). */
class TrainerTest {

    private static TimeSplit split;

    @BeforeAll
    static void data() {
        split = TimeSplit.of(TestData.ltcTrainingSet(), 0.25);
    }

    private static Trainer.TrainedModel train(long seed) {
        return new Trainer(TrainingParameters.defaults().withIterations(30).withSeed(seed)).train(split);
    }

    @Test
    void theDataHasBothClassesAndTimeOrderedRows() {
        TrainingSet set = TestData.ltcTrainingSet();
        assertThat(set.rows()).isGreaterThan(5_000);
        assertThat(set.positiveRate()).isBetween(0.1, 0.9);
        assertThat(split.train().seconds()[split.train().rows() - 1]).isLessThan(split.validation().seconds()[0]);
    }

    @Test
    void trainingWritesATextModelNamedAfterTheFeatureSetAndAReport() throws Exception {
        Trainer.TrainedModel model = train(42);

        assertThat(model.modelText()).startsWith("tree\n").contains("objective=binary")
                .contains("feature_names=" + String.join(" ", new SeedV1Features().featureNames()));
        TrainingReport report = model.report();
        assertThat(report.featureSetId()).isEqualTo("seed-v1");
        assertThat(report.parameters()).contains("deterministic=true", "num_threads=1", "seed=42");
        assertThat(report.trainRows()).isEqualTo(split.train().rows());
        assertThat(report.validationRows()).isEqualTo(split.validation().rows());
        assertThat(report.iterations()).isEqualTo(30);
        // the model learned something about the data it saw, and is scored on data it did not see
        assertThat(report.trainAuc()).isGreaterThan(0.6);
        assertThat(report.validationAuc()).isBetween(0.0, 1.0);
        assertThat(report.validationThresholds()).extracting(Metrics.ThresholdMetrics::threshold)
                .containsExactly(0.3, 0.4, 0.5, 0.6, 0.7, 0.8);
        assertThat(report.featureImportance()).hasSize(26)
                .extracting(TrainingReport.FeatureImportance::feature)
                .containsExactlyInAnyOrderElementsOf(new SeedV1Features().featureNames());
        assertThat(report.featureImportance().getFirst().gain())
                .isGreaterThanOrEqualTo(report.featureImportance().getLast().gain()).isPositive();

        // the report's validation AUC is the saved model's: reload it and score the validation rows again
        try (Predictor predictor = new ModelLoader().load(model.modelText().getBytes(StandardCharsets.UTF_8),
                ModelObjective.BINARY)) {
            double[] scores = new double[split.validation().rows()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = predictor.confidence(split.validation().features()[i]);
            }
            assertThat(Metrics.auc(scores, split.validation().labels())).isEqualTo(report.validationAuc());
        }
    }

    @Test
    void theSameSeedGivesTheSameModelAndAnotherSeedAnotherOne() {
        String first = train(7).modelText();
        String again = train(7).modelText();
        String otherSeed = train(8).modelText();

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first); // bagging and feature sampling follow the seed
    }
}
