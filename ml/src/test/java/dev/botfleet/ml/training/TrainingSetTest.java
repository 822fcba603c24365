package dev.botfleet.ml.training;

import dev.botfleet.ml.candles.CandleWindow;
import dev.botfleet.ml.candles.OneSecondCandle;
import dev.botfleet.ml.features.SeedV1Features;
import dev.botfleet.ml.labels.TripleBarrier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingSetTest {

    @Test
    void rowsStartWhenWarmFollowTheStrideAndStopWhereTheHoldingTimeLeavesTheData() {
        // 70 seconds at 100, then candle 66 jumps to 102: a take profit for the entries at 63 and 65
        List<OneSecondCandle> series = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            double c = i == 66 ? 102 : 100;
            series.add(new OneSecondCandle(i * 1000L, c, c, c, c, 1, 0, c, 1));
        }
        SeedV1Features features = new SeedV1Features();
        TrainingSet set = TrainingSet.build(series, features, new TripleBarrier(0.01, 0.01, 3), 2);

        // decisions at 59, 61, 63, 65; 67 would hold until candle 70, past the data
        assertThat(set.seconds()).containsExactly(59_000, 61_000, 63_000, 65_000);
        assertThat(set.labels()).containsExactly(0, 0, 1, 1);
        assertThat(set.featureSetId()).isEqualTo("seed-v1");

        CandleWindow window = new CandleWindow(60);
        for (int i = 6; i <= 65; i++) window.push(series.get(i));
        assertThat(set.features()[3]).containsExactly(features.compute(window));
    }
}
