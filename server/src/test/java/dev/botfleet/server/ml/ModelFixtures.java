package dev.botfleet.server.ml;

import dev.botfleet.engine.data.CandleLoader;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.ml.labels.TripleBarrier;
import dev.botfleet.ml.training.CandleTraining;
import dev.botfleet.ml.training.TrainingParameters;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Model files for the registry tests: a small seed-v1 model trained on a shipped dataset, and wrong ones. */
final class ModelFixtures {
    private static String small;

    private ModelFixtures() {
    }

    static CandleSeries ltc() {
        try (InputStream in = ModelFixtures.class.getResourceAsStream("/datasets/LTC_BTC-5m.json")) {
            return CandleLoader.parse("LTC_BTC-5m.json", new String(in.readAllBytes(), StandardCharsets.UTF_8), null,
                    null).series();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 10 trees on the LTC/BTC candles (trained once per test JVM). */
    static synchronized byte[] smallModel() {
        if (small == null) {
            small = CandleTraining.train(ltc(), new TripleBarrier(0.004, 0.004, 30), 0.25,
                    TrainingParameters.defaults().withIterations(10)).modelText();
        }
        return small.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid LightGBM binary classifier on 3 random features: not one of botfleet's feature sets. */
    static byte[] threeFeatureModel() throws Exception {
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
                return booster.saveModelToString(0, 0, LGBMBooster.FeatureImportanceType.SPLIT)
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
