package dev.botfleet.server.ml;

import dev.botfleet.ml.training.TrainingParameters;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * LightGBM parameters by their LightGBM names (docs/ml.md "Training"), over the documented defaults, for the
 * endpoint's {@code params} and the command's {@code --param}. An unknown name or a value out of range is refused
 * naming the parameter.
 */
public final class TrainingParams {
    public static final List<String> NAMES = List.of("num_iterations", "learning_rate", "num_leaves",
            "min_data_in_leaf", "feature_fraction", "bagging_fraction", "bagging_freq", "lambda_l2", "max_bin");

    /** A refused parameter: {@code name} is the LightGBM name (or the unknown key as given). */
    public static final class BadParameter extends IllegalArgumentException {
        private final String name;

        BadParameter(String name, String message) {
            super(message);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    private TrainingParams() {
    }

    /** @param values LightGBM name to a number (or its text); {@code seed} is taken separately */
    public static TrainingParameters of(Map<String, ?> values, long seed) {
        TrainingParameters d = TrainingParameters.defaults().withSeed(seed);
        if (values == null) return d;
        for (String key : values.keySet()) {
            if (!NAMES.contains(key)) {
                throw new BadParameter(key, "is not a training parameter; known: " + String.join(", ", NAMES));
            }
        }
        try {
            return new TrainingParameters(
                    whole(values, "num_iterations", d.iterations()), number(values, "learning_rate", d.learningRate()),
                    whole(values, "num_leaves", d.numLeaves()), whole(values, "min_data_in_leaf", d.minDataInLeaf()),
                    number(values, "feature_fraction", d.featureFraction()),
                    number(values, "bagging_fraction", d.baggingFraction()),
                    whole(values, "bagging_freq", d.baggingFreq()), number(values, "lambda_l2", d.lambdaL2()),
                    whole(values, "max_bin", d.maxBin()), seed);
        } catch (BadParameter e) {
            throw e;
        } catch (IllegalArgumentException e) {  // "num_leaves must be 2 to 1024, was 1": the name comes first
            String message = e.getMessage();
            String name = message == null ? "params" : message.split(" ", 2)[0];
            throw new BadParameter(name, message);
        }
    }

    private static BigDecimal value(Map<String, ?> values, String name) {
        Object v = values.get(name);
        if (v == null) return null;
        try {
            return new BigDecimal(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new BadParameter(name, name + " must be a number");
        }
    }

    private static double number(Map<String, ?> values, String name, double fallback) {
        BigDecimal v = value(values, name);
        return v == null ? fallback : v.doubleValue();
    }

    private static int whole(Map<String, ?> values, String name, int fallback) {
        BigDecimal v = value(values, name);
        if (v == null) return fallback;
        try {
            return v.intValueExact();
        } catch (ArithmeticException e) {
            throw new BadParameter(name, name + " must be a whole number");
        }
    }
}
