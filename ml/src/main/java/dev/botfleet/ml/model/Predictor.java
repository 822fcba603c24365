package dev.botfleet.ml.model;

import dev.botfleet.ml.features.FeatureSet;

/**
 * A validated model ready to answer: {@link #confidence} takes one row of its {@link #featureSet()}'s features.
 * Holds a native LightGBM model on LightGBM's single-row fast path ({@link SingleRowModel}): close it when the bot
 * lets go of the model. Meant for one bot's turn at a time (the single-writer rule), not for concurrent calls.
 */
public final class Predictor implements AutoCloseable {

    private final SingleRowModel model;
    private final FeatureSet featureSet;
    private final ModelObjective objective;
    private final String modelText;

    Predictor(SingleRowModel model, FeatureSet featureSet, ModelObjective objective, String modelText) {
        this.model = model;
        this.featureSet = featureSet;
        this.objective = objective;
        this.modelText = modelText;
    }

    /**
     * The model's answer for one row: for a BINARY model the probability (0..1) that the take profit comes first,
     * for a REGRESSION model its predicted value.
     */
    public double confidence(double[] features) {
        if (features.length != featureSet.featureCount()) {
            throw new IllegalArgumentException("the model takes " + featureSet.featureCount() + " features ("
                    + featureSet.id() + "), got " + features.length);
        }
        return model.predict(features);
    }

    public FeatureSet featureSet() { return featureSet; }

    public ModelObjective objective() { return objective; }

    /** The model as LightGBM text, as loaded. */
    public String modelText() { return modelText; }

    @Override
    public void close() {
        model.close();
    }
}
