package dev.botfleet.ml.training;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeSplitTest {

    /** 20 rows at seconds 0, 2, 4, ...; labels read 5 seconds ahead (3 rows at stride 2). */
    private static TrainingSet twentyRows() {
        long[] seconds = new long[20];
        double[][] features = new double[20][];
        int[] labels = new int[20];
        for (int i = 0; i < 20; i++) {
            seconds[i] = i * 2000L;
            features[i] = new double[]{i};
            labels[i] = i % 2;
        }
        return new TrainingSet("test-v1", List.of("x"), 5, 2, seconds, features, labels);
    }

    @Test
    void theLastRowsValidateAndTheRowsWhoseLabelsReachIntoThemAreDropped() {
        TimeSplit split = TimeSplit.of(twentyRows(), 0.25);

        // cut at row 15; rows 12..14 read labels up to 5 s ahead, into row 15's time: embargoed
        assertThat(split.validation().seconds()).containsExactly(30_000, 32_000, 34_000, 36_000, 38_000);
        assertThat(split.train().seconds()).hasSize(12).startsWith(0).endsWith(22_000);
        assertThat(split.train().features()[11]).containsExactly(11);
    }

    @Test
    void tooFewRowsOrABadFractionAreRefused() {
        assertThatThrownBy(() -> TimeSplit.of(twentyRows(), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeSplit.of(twentyRows().slice(0, 3), 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few rows");
    }

    @Test
    void trainingParametersOutOfRangeAreRefusedByTheirLightGbmName() {
        TrainingParameters d = TrainingParameters.defaults();
        assertThatThrownBy(() -> d.withIterations(0)).hasMessage("num_iterations must be 1 to 10000, was 0");
        assertThatThrownBy(() -> new TrainingParameters(10, 0, 15, 20, 0.9, 0.8, 1, 1, 255, 1))
                .hasMessageStartingWith("learning_rate");
        assertThatThrownBy(() -> new TrainingParameters(10, 0.1, 15, 20, 1.5, 0.8, 1, 1, 255, 1))
                .hasMessageStartingWith("feature_fraction");
    }
}
