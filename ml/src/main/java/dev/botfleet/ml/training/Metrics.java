package dev.botfleet.ml.training;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Classification metrics of the training report. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Area under the ROC curve as the Mann-Whitney statistic, ties counted as half (average ranks). NaN when the
     * labels hold only one class.
     */
    public static double auc(double[] scores, int[] labels) {
        int n = scores.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double rankSumPositives = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) j++;
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    rankSumPositives += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) return Double.NaN;
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Precision and recall when a score at or above {@code threshold} counts as a positive prediction. */
    public static ThresholdMetrics atThreshold(double[] scores, int[] labels, double threshold) {
        int truePositives = 0;
        int predicted = 0;
        int actual = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean hit = scores[i] >= threshold;
            if (hit) predicted++;
            if (labels[i] == 1) {
                actual++;
                if (hit) truePositives++;
            }
        }
        double precision = predicted == 0 ? Double.NaN : (double) truePositives / predicted;
        double recall = actual == 0 ? Double.NaN : (double) truePositives / actual;
        return new ThresholdMetrics(threshold, predicted, precision, recall);
    }

    /**
     * @param predictedPositives rows at or above the threshold (the entries a bot would have taken)
     * @param precision          NaN when no row clears the threshold
     * @param recall             NaN when there is no positive row
     */
    public record ThresholdMetrics(double threshold, int predictedPositives, double precision, double recall) {
    }
}
