package dev.botfleet.ml.model;

/** A model file refused by {@link ModelLoader}, with the reason a user can act on. */
public final class ModelRejectedException extends Exception {

    public enum Reason {
        /** Empty, binary, not LightGBM's text format, or LightGBM could not load it. */
        NOT_A_MODEL,
        /** Larger than the loader's limit. */
        TOO_LARGE,
        /** Not a binary classifier (or not a regressor when one was declared), or more than one class. */
        WRONG_OBJECTIVE,
        /** No known feature set has that many features. */
        WRONG_FEATURE_COUNT,
        /** The count matches a feature set but the names do not. */
        WRONG_FEATURE_NAMES
    }

    private final Reason reason;

    public ModelRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
