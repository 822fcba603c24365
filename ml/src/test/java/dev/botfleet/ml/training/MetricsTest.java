package dev.botfleet.ml.training;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {

    @Test
    void aucIsOneForAPerfectRankingZeroForAReversedOneAndHalfForTies() {
        int[] labels = {0, 0, 1, 1};
        assertThat(Metrics.auc(new double[]{0.1, 0.2, 0.8, 0.9}, labels)).isEqualTo(1);
        assertThat(Metrics.auc(new double[]{0.9, 0.8, 0.2, 0.1}, labels)).isEqualTo(0);
        assertThat(Metrics.auc(new double[]{0.5, 0.5, 0.5, 0.5}, labels)).isEqualTo(0.5);
    }

    @Test
    void aucCountsPairsCorrectlyOrdered() {
        // positives 0.6, 0.3; negatives 0.4, 0.1: pairs (0.6>0.4, 0.6>0.1, 0.3<0.4, 0.3>0.1) -> 3 of 4
        assertThat(Metrics.auc(new double[]{0.6, 0.4, 0.3, 0.1}, new int[]{1, 0, 1, 0})).isEqualTo(0.75);
        assertThat(Metrics.auc(new double[]{0.6, 0.4}, new int[]{1, 1})).isNaN();
    }

    @Test
    void precisionAndRecallAtAThreshold() {
        double[] scores = {0.9, 0.7, 0.6, 0.4, 0.2};
        int[] labels = {1, 0, 1, 1, 0};

        Metrics.ThresholdMetrics m = Metrics.atThreshold(scores, labels, 0.6);
        assertThat(m.predictedPositives()).isEqualTo(3);
        assertThat(m.precision()).isEqualTo(2 / 3.0);
        assertThat(m.recall()).isEqualTo(2 / 3.0);

        Metrics.ThresholdMetrics none = Metrics.atThreshold(scores, labels, 0.95);
        assertThat(none.predictedPositives()).isZero();
        assertThat(none.precision()).isNaN();
        assertThat(none.recall()).isZero();
    }
}
