package dev.botfleet.ml.model;

import com.microsoft.ml.lightgbm.PredictionType;
import dev.botfleet.ml.TestData;
import dev.botfleet.ml.features.FeatureSets;
import dev.botfleet.ml.features.SeedV1Features;
import dev.botfleet.ml.model.ModelRejectedException.Reason;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModelLoaderTest {

    private final ModelLoader loader = new ModelLoader();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ModelRejectedException rejection(ModelLoader loader, byte[] file, ModelObjective objective) {
        try (Predictor ignored = loader.load(file, objective)) {
            throw new AssertionError("the model was accepted");
        } catch (ModelRejectedException e) {
            return e;
        }
    }

    private ModelRejectedException rejection(byte[] file) {
        return rejection(loader, file, ModelObjective.BINARY);
    }

    @Test
    void aSeedModelLoadsAndAnswersAProbability() throws Exception {
        try (Predictor predictor = loader.load(bytes(TestData.smallModel()), ModelObjective.BINARY)) {
            assertThat(predictor.featureSet().id()).isEqualTo("seed-v1");
            assertThat(predictor.objective()).isEqualTo(ModelObjective.BINARY);
            double[] row = TestData.ltcTrainingSet().features()[100];
            double confidence = predictor.confidence(row);
            assertThat(confidence).isBetween(0.0, 1.0);
            // the same row again: the same answer
            assertThat(predictor.confidence(row)).isEqualTo(confidence);
            assertThatThrownBy(() -> predictor.confidence(new double[3]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 26 features");
        }
    }

    @Test
    void predictionsOfTheSameModelTextAreIdenticalAcrossLoads() throws Exception {
        double[][] rows = TestData.ltcTrainingSet().features();
        try (Predictor a = loader.load(bytes(TestData.smallModel()), ModelObjective.BINARY);
             Predictor b = loader.load(bytes(TestData.smallModel()), ModelObjective.BINARY)) {
            for (int i = 0; i < rows.length; i += 97) {
                assertThat(b.confidence(rows[i])).isEqualTo(a.confidence(rows[i]));
            }
        }
    }

    @Test
    void theFastSingleRowPathAnswersExactlyWhatLightGbm4jAnswers() throws Exception {
        double[][] rows = TestData.ltcTrainingSet().features();
        try (Predictor predictor = loader.load(bytes(TestData.smallModel()), ModelObjective.BINARY);
             LGBMBooster reference = LGBMBooster.loadModelFromString(TestData.smallModel())) {
            for (int i = 0; i < rows.length; i += 53) {
                assertThat(predictor.confidence(rows[i])).isEqualTo(
                        reference.predictForMatSingleRow(rows[i], PredictionType.C_API_PREDICT_NORMAL));
            }
        }
    }

    @Test
    void aClosedPredictorRefusesToAnswer() throws Exception {
        Predictor predictor = loader.load(bytes(TestData.smallModel()), ModelObjective.BINARY);
        predictor.close();
        predictor.close(); // twice is harmless
        assertThatThrownBy(() -> predictor.confidence(new double[26])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void anEmptyOrBinaryFileIsNotAModel() {
        assertThat(rejection(new byte[0]).reason()).isEqualTo(Reason.NOT_A_MODEL);
        byte[] binary = new byte[512];
        new Random(1).nextBytes(binary);
        ModelRejectedException e = rejection(binary);
        assertThat(e.reason()).isEqualTo(Reason.NOT_A_MODEL);
        assertThat(e.getMessage()).contains("binary");
    }

    @Test
    void textThatIsNotAModelIsRefusedBeforeLightGbmSeesIt() {
        ModelRejectedException e = rejection(bytes("confidence_threshold,0.4\nmodel,none\n"));
        assertThat(e.reason()).isEqualTo(Reason.NOT_A_MODEL);
        assertThat(e.getMessage()).contains("begins with the line 'tree'");
    }

    @Test
    void aTruncatedModelIsRefusedBeforeLightGbmReadsPastItsEnd() {
        // LightGBM would follow tree_sizes beyond the end of this text (and crash the JVM): the check stops it
        String model = TestData.smallModel();
        ModelRejectedException e = rejection(bytes(model.substring(0, model.indexOf("Tree=3"))));
        assertThat(e.reason()).isEqualTo(Reason.NOT_A_MODEL);
        assertThat(e.getMessage()).contains("malformed LightGBM model", "lies outside the file");

        ModelRejectedException noTrees = rejection(bytes(model.substring(0, model.indexOf("Tree=0"))));
        assertThat(noTrees.getMessage()).contains("malformed LightGBM model", "no trees");
    }

    @Test
    void noTruncationOfAModelGetsPastTheChecksOrCrashesTheLoader() {
        String model = TestData.smallModel();
        int endOfTrees = model.indexOf("end of trees");
        int refused = 0;
        for (int cut = 1; cut < endOfTrees; cut += endOfTrees / 60) {
            try (Predictor ignored = loader.load(bytes(model.substring(0, cut)), ModelObjective.BINARY)) {
                throw new AssertionError("a model cut at " + cut + " of " + model.length() + " was accepted");
            } catch (ModelRejectedException e) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(60);
    }

    @Test
    void aTreeThatIsNotATreeIsRefused() {
        String model = TestData.smallModel();
        String tree1 = model.substring(model.indexOf("Tree=1\n"), model.indexOf("Tree=2\n"));
        String leftChildren = tree1.lines().filter(l -> l.startsWith("left_child=")).findFirst().orElseThrow();
        String splitFeatures = tree1.lines().filter(l -> l.startsWith("split_feature=")).findFirst().orElseThrow();

        // a child pointing back to its own node (same length, so tree_sizes still fit): prediction would loop
        String loop = leftChildren.replaceFirst("=\\d+", "=0");
        assertThat(rejection(bytes(model.replace(tree1, tree1.replace(leftChildren, loop)))).getMessage())
                .contains("tree 1 node 0 has a bad child 0");

        // a split on a feature the model does not have
        String outside = splitFeatures.replaceFirst(" \\d\\d( |$)", " 99$1"); // a two-digit index, same length
        assertThat(outside).hasSameSizeAs(splitFeatures).isNotEqualTo(splitFeatures);
        ModelRejectedException e = rejection(bytes(model.replace(tree1, tree1.replace(splitFeatures, outside))));
        assertThat(e.reason()).isEqualTo(Reason.NOT_A_MODEL);
        assertThat(e.getMessage()).contains("tree 1 splits on feature 99; the model has 26");
    }

    @Test
    void aFileOverTheLimitIsTooLarge() {
        byte[] model = bytes(TestData.smallModel());
        ModelLoader small = new ModelLoader(FeatureSets.builtIn(), model.length - 1);
        ModelRejectedException e = rejection(small, model, ModelObjective.BINARY);
        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e.getMessage()).contains(model.length + " bytes", "at most " + (model.length - 1));
    }

    @Test
    void aRegressionModelIsRefusedAsBinaryAndAcceptedWhenDeclared() throws Exception {
        byte[] regression = bytes(TestData.smallModel().replace("objective=binary sigmoid:1", "objective=regression"));

        ModelRejectedException e = rejection(regression);
        assertThat(e.reason()).isEqualTo(Reason.WRONG_OBJECTIVE);
        assertThat(e.getMessage()).contains("'regression'", "binary model was expected");

        try (Predictor predictor = loader.load(regression, ModelObjective.REGRESSION)) {
            assertThat(predictor.objective()).isEqualTo(ModelObjective.REGRESSION);
            // a regressor answers its raw score, here the classifier's log-odds
            double[] row = TestData.ltcTrainingSet().features()[100];
            try (Predictor binary = loader.load(bytes(TestData.smallModel()), ModelObjective.BINARY)) {
                double p = binary.confidence(row);
                assertThat(predictor.confidence(row)).isCloseTo(Math.log(p / (1 - p)), within(1e-9));
            }
        }
    }

    @Test
    void aModelWithMoreThanOneOutputIsTheWrongObjective() {
        ModelRejectedException e = rejection(bytes(TestData.smallModel().replace("num_class=1\n", "num_class=3\n")));
        assertThat(e.reason()).isEqualTo(Reason.WRONG_OBJECTIVE);
        assertThat(e.getMessage()).contains("3 classes");
    }

    @Test
    void aModelWithAnotherFeatureCountIsRefusedNamingTheKnownSets() throws Exception {
        ModelRejectedException e = rejection(bytes(threeFeatureModel()));
        assertThat(e.reason()).isEqualTo(Reason.WRONG_FEATURE_COUNT);
        assertThat(e.getMessage()).contains("has 3 features", "seed-v1 (26 features)");
    }

    @Test
    void aModelWithTheRightCountButOtherNamesIsRefusedNamingTheFirstDifference() {
        String renamed = TestData.smallModel().replace("feature_names=ret_1 ", "feature_names=return_1s ");
        ModelRejectedException e = rejection(bytes(renamed));
        assertThat(e.reason()).isEqualTo(Reason.WRONG_FEATURE_NAMES);
        assertThat(e.getMessage()).contains("feature 0 is 'return_1s', seed-v1 has 'ret_1'");
    }

    @Test
    void featureSetsMustBeTellApartByTheirNames() {
        assertThatThrownBy(() -> new FeatureSets(java.util.List.of(new SeedV1Features(), new SeedV1Features())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two feature sets with id seed-v1");
    }

    /** A binary classifier on 3 random features, as someone else's model might be. */
    private static String threeFeatureModel() throws Exception {
        Random random = new Random(3);
        int rows = 200;
        double[] x = new double[rows * 3];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 3; j++) x[i * 3 + j] = random.nextGaussian();
            y[i] = x[i * 3] > 0 ? 1 : 0;
        }
        String params = "objective=binary num_threads=1 deterministic=true verbosity=-1 min_data_in_leaf=5";
        try (LGBMDataset data = LGBMDataset.createFromMat(x, rows, 3, true, params, null)) {
            data.setField("label", y);
            try (LGBMBooster booster = LGBMBooster.create(data, params)) {
                for (int i = 0; i < 3; i++) booster.updateOneIter();
                return booster.saveModelToString(0, 0, LGBMBooster.FeatureImportanceType.SPLIT);
            }
        }
    }
}
