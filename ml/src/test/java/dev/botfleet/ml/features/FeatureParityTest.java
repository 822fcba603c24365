package dev.botfleet.ml.features;

import dev.botfleet.ml.TestData;
import dev.botfleet.ml.candles.OneSecondCandles;
import dev.botfleet.ml.candles.Trade;
import dev.botfleet.ml.training.TrainingSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live path (trades one at a time into {@link OneSecondCandles}, features at each decision time) and the
 * training path ({@link TrainingSet} over the whole series) give bit-identical features for the same trades.
 */
class FeatureParityTest {

    @Test
    void liveAndTrainingFeaturesAreBitIdentical() {
        List<Trade> trades = TestData.tradesOf(TestData.ltcCandles().slice(0, 600));
        TrainingSet training = TrainingSet.build(OneSecondCandles.of(trades), new SeedV1Features(),
                TestData.BARRIER, 2);

        SeedV1Features features = new SeedV1Features();
        OneSecondCandles live = new OneSecondCandles();
        int next = 0;
        int compared = 0;
        for (int row = 0; row < training.rows(); row++) {
            long decision = training.seconds()[row] + 1000; // the row's second has just closed
            while (next < trades.size() && trades.get(next).time() < decision) live.onTrade(trades.get(next++));
            live.advanceTo(decision);
            double[] liveRow = features.compute(live.window());
            for (int f = 0; f < liveRow.length; f++) {
                assertThat(Double.doubleToRawLongBits(liveRow[f]))
                        .as("row %d feature %s", row, features.featureNames().get(f))
                        .isEqualTo(Double.doubleToRawLongBits(training.features()[row][f]));
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(500);
    }
}
