package dev.botfleet.ml.features;

import dev.botfleet.ml.candles.CandleWindow;

import java.util.List;

/**
 * A named, versioned recipe turning a window of 1-second candles into a {@code double[]} in a fixed order
 * ({@link #featureNames()}). A model is trained on one feature set and only ever fed that set: its LightGBM feature
 * names are this set's names. A formula never changes under the same name and version (docs/ml.md).
 */
public interface FeatureSet {

    /** e.g. {@code seed}. */
    String name();

    int version();

    /** {@code <name>-v<version>}, e.g. {@code seed-v1}: how models, the API and the docs refer to the set. */
    default String id() { return name() + "-v" + version(); }

    /** The names of the output, in output order. */
    List<String> featureNames();

    default int featureCount() { return featureNames().size(); }

    /** How many closed 1-second candles {@link #compute} needs (its warm-up, in seconds). */
    int windowSeconds();

    /**
     * Writes the features of the newest {@link #windowSeconds()} candles of {@code window} into {@code out}
     * (length {@link #featureCount()}). Allocates nothing.
     *
     * @throws IllegalStateException while the window holds fewer candles than the warm-up
     */
    void compute(CandleWindow window, double[] out);

    default double[] compute(CandleWindow window) {
        double[] out = new double[featureCount()];
        compute(window, out);
        return out;
    }
}
