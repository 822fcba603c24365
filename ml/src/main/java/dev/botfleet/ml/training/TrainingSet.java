package dev.botfleet.ml.training;

import dev.botfleet.ml.candles.CandleWindow;
import dev.botfleet.ml.candles.OneSecondCandle;
import dev.botfleet.ml.features.FeatureSet;
import dev.botfleet.ml.labels.BarrierOutcome;
import dev.botfleet.ml.labels.TripleBarrier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Labelled rows in time order: one per decision second (every {@code strideSeconds} once the feature set is warm),
 * features from the same {@link CandleWindow} + {@link FeatureSet} code a live bot runs, the label from the
 * {@link TripleBarrier}. Rows whose holding time runs past the end of the series are left out.
 */
public record TrainingSet(String featureSetId, List<String> featureNames, int holdingSeconds, int strideSeconds,
                          long[] seconds, double[][] features, int[] labels) {

    public int rows() { return labels.length; }

    /** @param series contiguous 1-second candles (carried seconds included), as {@code OneSecondCandles} emits them */
    public static TrainingSet build(List<OneSecondCandle> series, FeatureSet featureSet, TripleBarrier barrier,
                                    int strideSeconds) {
        if (strideSeconds < 1) {
            throw new IllegalArgumentException("stride must be at least 1 second, was " + strideSeconds);
        }
        CandleWindow window = new CandleWindow(featureSet.windowSeconds());
        List<Long> times = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int firstDecision = featureSet.windowSeconds() - 1;
        for (int t = 0; t < series.size(); t++) {
            window.push(series.get(t));
            if (t < firstDecision || (t - firstDecision) % strideSeconds != 0) continue;
            // only rows whose whole holding time is in the data: keeping the late rows that happen to touch a
            // barrier early would over-represent barrier hits at the end of the data
            if (t + barrier.holdingSeconds() >= series.size()) break;
            Optional<BarrierOutcome> outcome = barrier.outcome(series, t);
            times.add(series.get(t).second());
            rows.add(featureSet.compute(window));
            labels.add(outcome.get().label());
        }
        return new TrainingSet(featureSet.id(), featureSet.featureNames(), barrier.holdingSeconds(), strideSeconds,
                times.stream().mapToLong(Long::longValue).toArray(), rows.toArray(double[][]::new),
                labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Rows [from, to) as a new set. */
    public TrainingSet slice(int from, int to) {
        return new TrainingSet(featureSetId, featureNames, holdingSeconds, strideSeconds,
                java.util.Arrays.copyOfRange(seconds, from, to), java.util.Arrays.copyOfRange(features, from, to),
                java.util.Arrays.copyOfRange(labels, from, to));
    }

    /** The features row-major in one array, as LightGBM takes a matrix. */
    double[] flatFeatures() {
        int cols = featureNames.size();
        double[] flat = new double[rows() * cols];
        for (int r = 0; r < rows(); r++) System.arraycopy(features[r], 0, flat, r * cols, cols);
        return flat;
    }

    double positiveRate() {
        if (rows() == 0) return Double.NaN;
        long positives = java.util.Arrays.stream(labels).filter(l -> l == 1).count();
        return (double) positives / rows();
    }
}
