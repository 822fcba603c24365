package dev.botfleet.engine.strategy.definition;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated, normalized strategy config: every declared parameter present (defaults filled in), decimals as
 * {@link BigDecimal}, integers as {@link Long}, booleans as {@link Boolean}, enums and strings as {@link String},
 * JSON parameters as the parsed structure (maps and lists). Only {@link StrategyDefinition#validate} makes one.
 */
public final class StrategyConfig {
    private final Map<String, Object> values;

    StrategyConfig(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** For tests and code that builds a config directly; prefer {@link StrategyDefinition#validate}. */
    public static StrategyConfig of(Map<String, Object> values) {
        return new StrategyConfig(values);
    }

    public Map<String, Object> asMap() { return values; }

    public boolean has(String name) { return values.get(name) != null; }

    public BigDecimal decimal(String name) {
        Object v = values.get(name);
        if (v == null) return null;
        if (v instanceof BigDecimal d) return d;
        if (v instanceof Number n) return new BigDecimal(n.toString());
        return new BigDecimal(v.toString());
    }

    public long integer(String name) {
        Object v = values.get(name);
        if (v instanceof Number n) return n.longValue();
        return Long.parseLong(String.valueOf(v));
    }

    public boolean bool(String name) {
        Object v = values.get(name);
        return v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v));
    }

    public String text(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    public Object raw(String name) { return values.get(name); }

    @Override
    public String toString() { return values.toString(); }
}
