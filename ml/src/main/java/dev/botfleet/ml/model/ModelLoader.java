package dev.botfleet.ml.model;

import dev.botfleet.ml.features.FeatureSet;
import dev.botfleet.ml.features.FeatureSets;
import dev.botfleet.ml.model.ModelRejectedException.Reason;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads a LightGBM model file and checks it can serve a bot (docs/ml.md "Models"): at most {@code maxBytes}, text
 * in LightGBM's model format (LightGBM writes no other model file; a binary upload such as a pickle is refused
 * before the native loader sees it), structurally sound ({@link ModelTextCheck}: LightGBM's loader trusts its input
 * and a truncated file can crash the JVM), of the declared objective with one class, loadable by LightGBM, and with
 * the feature count and names of a feature set botfleet knows. Each refusal names its reason.
 */
public final class ModelLoader {

    /** 20 MiB: a few thousand trees of a small model; a larger file is almost certainly not one of ours. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    private final FeatureSets featureSets;
    private final long maxBytes;

    public ModelLoader(FeatureSets featureSets, long maxBytes) {
        this.featureSets = featureSets;
        this.maxBytes = maxBytes;
    }

    public ModelLoader() {
        this(FeatureSets.builtIn(), DEFAULT_MAX_BYTES);
    }

    /** A validated, ready predictor; the caller closes it. */
    public Predictor load(byte[] file, ModelObjective declared) throws ModelRejectedException {
        if (file.length > maxBytes) {
            throw new ModelRejectedException(Reason.TOO_LARGE,
                    "the model file has " + file.length + " bytes; at most " + maxBytes + " are accepted");
        }
        String text = asModelText(file);
        Map<String, String> header = ModelTextCheck.check(file);
        checkObjective(header, declared);
        FeatureSet set;
        try (LGBMBooster booster = loadForChecks(text)) {
            set = checkFeatures(booster);
        } catch (LGBMException e) {
            throw new ModelRejectedException(Reason.NOT_A_MODEL, "LightGBM cannot read the model: " + e.getMessage());
        }
        return new Predictor(SingleRowModel.load(text, set.featureCount()), set, declared, text);
    }

    private static LGBMBooster loadForChecks(String text) throws ModelRejectedException {
        try {
            return LGBMBooster.loadModelFromString(text);
        } catch (LGBMException | RuntimeException e) {
            throw new ModelRejectedException(Reason.NOT_A_MODEL, "LightGBM cannot load the file: " + e.getMessage());
        }
    }

    private static String asModelText(byte[] file) throws ModelRejectedException {
        if (file.length == 0) {
            throw new ModelRejectedException(Reason.NOT_A_MODEL, "the model file is empty");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelRejectedException(Reason.NOT_A_MODEL,
                    "the file is binary; LightGBM models are text files (save_model / model_to_string)");
        }
        if (text.indexOf('\0') >= 0) {
            throw new ModelRejectedException(Reason.NOT_A_MODEL,
                    "the file is binary; LightGBM models are text files (save_model / model_to_string)");
        }
        if (!text.startsWith("tree\n") && !text.startsWith("tree\r\n")) {
            throw new ModelRejectedException(Reason.NOT_A_MODEL,
                    "not a LightGBM model: a LightGBM model file begins with the line 'tree'");
        }
        return text;
    }

    private static void checkObjective(Map<String, String> header, ModelObjective declared)
            throws ModelRejectedException {
        String objective = header.get("objective");
        String kind = objective == null ? "" : objective.strip().split(" ")[0];
        if (!declared.accepts(kind)) {
            throw new ModelRejectedException(Reason.WRONG_OBJECTIVE, "the model's objective is '"
                    + (objective == null ? "missing" : objective.strip()) + "'; a "
                    + declared.name().toLowerCase(Locale.ROOT) + " model was expected");
        }
        if (!"1".equals(header.get("num_class").strip())) {
            throw new ModelRejectedException(Reason.WRONG_OBJECTIVE,
                    "the model has " + header.get("num_class").strip() + " classes; one output was expected");
        }
    }

    private FeatureSet checkFeatures(LGBMBooster booster) throws ModelRejectedException {
        try {
            int count = booster.getNumFeature();
            List<FeatureSet> candidates = featureSets.withCount(count);
            if (candidates.isEmpty()) {
                throw new ModelRejectedException(Reason.WRONG_FEATURE_COUNT, "the model has " + count
                        + " features; known feature sets: " + describe(featureSets.all()));
            }
            List<String> names = Arrays.asList(booster.getFeatureNames());
            return featureSets.byNames(names).orElseThrow(() -> new ModelRejectedException(
                    Reason.WRONG_FEATURE_NAMES, "the model's feature names " + names
                    + " do not match " + describe(candidates) + ": " + firstDifference(names, candidates.getFirst())));
        } catch (LGBMException e) {
            throw new ModelRejectedException(Reason.NOT_A_MODEL, "LightGBM cannot read the model: " + e.getMessage());
        }
    }

    private static String describe(List<FeatureSet> sets) {
        return sets.stream().map(s -> s.id() + " (" + s.featureCount() + " features)")
                .collect(Collectors.joining(", "));
    }

    private static String firstDifference(List<String> names, FeatureSet set) {
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals(set.featureNames().get(i))) {
                return "feature " + i + " is '" + names.get(i) + "', " + set.id() + " has '"
                        + set.featureNames().get(i) + "'";
            }
        }
        return "same names";
    }
}
