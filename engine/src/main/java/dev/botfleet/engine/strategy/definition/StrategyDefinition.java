package dev.botfleet.engine.strategy.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a strategy is and which parameters it takes. Served by GET /api/v1/strategies; a bot's config is validated
 * against it before the bot is stored.
 *
 * @param canShort true when the strategy may sell first: on a perpetual that opens a short (the scalper with
 *                 firstOrder SELL); on spot it sells coins the account already holds
 */
public record StrategyDefinition(
        String id,
        String name,
        String description,
        List<ParameterDefinition> parameters,
        List<ConfigRule> rules,
        boolean canShort) {

    public StrategyDefinition(String id, String name, String description, List<ParameterDefinition> parameters,
                              List<ConfigRule> rules) {
        this(id, name, description, parameters, rules, false);
    }

    /** The same definition, saying the strategy can open shorts on a perpetual. */
    public StrategyDefinition withShorts() {
        return new StrategyDefinition(id, name, description, parameters, rules, true);
    }

    public StrategyDefinition {
        parameters = List.copyOf(parameters);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public StrategyDefinition(String id, String name, String description, List<ParameterDefinition> parameters) {
        this(id, name, description, parameters, List.of());
    }

    /**
     * Checks a raw config (as parsed from JSON) and returns either the normalized config or every violation found.
     * Unknown parameters are refused so that a typo never silently falls back to a default.
     */
    public Validation validate(Map<String, ?> raw) {
        Map<String, ?> input = raw == null ? Map.of() : raw;
        List<ParameterViolation> violations = new ArrayList<>();
        Set<String> known = new java.util.HashSet<>();
        Map<String, Object> normalized = new LinkedHashMap<>();
        for (ParameterDefinition p : parameters) {
            known.add(p.name());
            Object value = input.get(p.name());
            if (value == null) {
                if (p.defaultValue() == null && p.required()) {
                    violations.add(new ParameterViolation(p.name(), "is required", null));
                    continue;
                }
                value = p.defaultValue();
                if (value == null) {
                    normalized.put(p.name(), null);
                    continue;
                }
            }
            Object converted = ParameterValues.convert(p, value, violations);
            if (converted != null) normalized.put(p.name(), converted);
        }
        for (String key : input.keySet()) {
            if (!known.contains(key)) {
                violations.add(new ParameterViolation(key, "is not a parameter of strategy '" + id + "'", input.get(key)));
            }
        }
        if (!violations.isEmpty()) return new Validation(null, violations);
        StrategyConfig config = new StrategyConfig(normalized);
        for (ConfigRule rule : rules) violations.addAll(rule.check(config));
        return violations.isEmpty() ? new Validation(config, List.of()) : new Validation(null, violations);
    }

    /** Whether a running bot may take a new value of this parameter ({@link ParameterDefinition#liveEditable()}). */
    public boolean isLiveEditable(String parameter) {
        return parameters.stream().anyMatch(p -> p.name().equals(parameter) && p.liveEditable());
    }

    /**
     * The parameters whose value differs between two configs of this strategy, in definition order. Numbers compare
     * by value, wherever they are (1.50 equals 1.5, a decimal stored as text equals the same number, 5 equals 5L).
     */
    public List<String> changed(StrategyConfig before, StrategyConfig after) {
        List<String> out = new ArrayList<>();
        for (ParameterDefinition p : parameters) {
            boolean numeric = p.type() == ParameterType.DECIMAL || p.type() == ParameterType.INTEGER;
            if (!same(before.raw(p.name()), after.raw(p.name()), numeric)) out.add(p.name());
        }
        return out;
    }

    private static boolean same(Object a, Object b, boolean numeric) {
        if (a == null || b == null) return a == b;
        if (numeric || (a instanceof Number && b instanceof Number)) {
            try {
                return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString())) == 0;
            } catch (NumberFormatException e) {
                return a.equals(b);
            }
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) return false;
            return x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k), false));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!same(x.get(i), y.get(i), false)) return false;
            return true;
        }
        return a.equals(b);
    }

    /** Either {@code config} (valid) or a non-empty {@code violations}. */
    public record Validation(StrategyConfig config, List<ParameterViolation> violations) {
        public boolean valid() { return violations.isEmpty(); }
    }

}
