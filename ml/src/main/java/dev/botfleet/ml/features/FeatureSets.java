package dev.botfleet.ml.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The feature sets botfleet knows, by id. A model is matched to a set by its feature names, so no two sets may
 * have the same name list: a new version that redefines a feature also renames it.
 */
public final class FeatureSets {

    private final Map<String, FeatureSet> byId = new LinkedHashMap<>();

    public FeatureSets(List<FeatureSet> sets) {
        for (FeatureSet set : sets) {
            if (byId.putIfAbsent(set.id(), set) != null) {
                throw new IllegalArgumentException("two feature sets with id " + set.id());
            }
            for (FeatureSet other : byId.values()) {
                if (other != set && other.featureNames().equals(set.featureNames())) {
                    throw new IllegalArgumentException(set.id() + " has the same feature names as " + other.id());
                }
            }
        }
    }

    /** Every set shipped with botfleet. */
    public static FeatureSets builtIn() {
        return new FeatureSets(List.of(new SeedV1Features()));
    }

    public Optional<FeatureSet> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The set whose names are exactly {@code names}, in order. */
    public Optional<FeatureSet> byNames(List<String> names) {
        return byId.values().stream().filter(s -> s.featureNames().equals(names)).findFirst();
    }

    /** The sets with {@code count} features. */
    public List<FeatureSet> withCount(int count) {
        List<FeatureSet> out = new ArrayList<>();
        for (FeatureSet s : byId.values()) {
            if (s.featureCount() == count) out.add(s);
        }
        return out;
    }

    public List<FeatureSet> all() { return List.copyOf(byId.values()); }
}
