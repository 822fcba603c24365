package dev.botfleet.ml.model;

import java.util.Set;

/** What a model's output means: a probability of the take profit (BINARY) or a declared regression value. */
public enum ModelObjective {
    BINARY, REGRESSION;

    private static final Set<String> REGRESSION_OBJECTIVES = Set.of("regression", "regression_l1", "huber", "fair",
            "poisson", "quantile", "mape", "gamma", "tweedie");

    /** Whether LightGBM's {@code objective=} value (its first word) is of this kind. */
    boolean accepts(String lightGbmObjective) {
        return switch (this) {
            case BINARY -> lightGbmObjective.equals("binary");
            case REGRESSION -> REGRESSION_OBJECTIVES.contains(lightGbmObjective);
        };
    }
}
