package dev.botfleet.engine.strategy.definition;

import java.math.BigDecimal;
import java.util.List;

/**
 * One tunable parameter of a strategy. Drives both validation of a bot's config and the dashboard's generated form.
 *
 * @param min inclusive lower bound for numbers, or null
 * @param max inclusive upper bound for numbers, or null
 * @param exclusiveMin when true, {@code min} itself is not allowed (e.g. quantity &gt; 0)
 * @param required when true and no default exists, the parameter must be given
 * @param liveEditable when true a running bot takes a new value at its next turn (PUT on an ACTIVE bot); otherwise the
 *                     parameter shapes the strategy (its indicators, its structure) and changing it needs a stop
 */
public record ParameterDefinition(
        String name,
        ParameterType type,
        Object defaultValue,
        BigDecimal min,
        boolean exclusiveMin,
        BigDecimal max,
        BigDecimal step,
        List<String> options,
        String unit,
        String description,
        boolean required,
        boolean liveEditable) {

    public ParameterDefinition {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static Builder decimal(String name) { return new Builder(name, ParameterType.DECIMAL); }
    public static Builder integer(String name) { return new Builder(name, ParameterType.INTEGER); }
    public static Builder bool(String name) { return new Builder(name, ParameterType.BOOLEAN); }
    public static Builder text(String name) { return new Builder(name, ParameterType.STRING); }
    public static Builder json(String name) { return new Builder(name, ParameterType.JSON); }

    public static Builder choice(String name, String... options) {
        Builder b = new Builder(name, ParameterType.ENUM);
        b.options = List.of(options);
        return b;
    }

    /** The same parameter, editable on a running bot. */
    public ParameterDefinition asLiveEditable() {
        return new ParameterDefinition(name, type, defaultValue, min, exclusiveMin, max, step, options, unit,
                description, required, true);
    }

    /** Human description of the allowed range, used in validation messages ("must be > 0 and <= 100"). */
    public String rangeText() {
        StringBuilder s = new StringBuilder();
        if (min != null) s.append(exclusiveMin ? "> " : ">= ").append(min.toPlainString());
        if (max != null) s.append(s.isEmpty() ? "" : " and ").append("<= ").append(max.toPlainString());
        return s.toString();
    }

    public static final class Builder {
        private final String name;
        private final ParameterType type;
        private Object defaultValue;
        private BigDecimal min;
        private boolean exclusiveMin;
        private BigDecimal max;
        private BigDecimal step;
        private List<String> options = List.of();
        private String unit;
        private String description = "";
        private boolean required;
        private boolean liveEditable;

        private Builder(String name, ParameterType type) {
            this.name = name;
            this.type = type;
        }

        public Builder defaultValue(Object value) { this.defaultValue = value; return this; }
        public Builder min(String value) { this.min = new BigDecimal(value); return this; }
        /** Strictly greater than {@code value}. */
        public Builder greaterThan(String value) { this.min = new BigDecimal(value); this.exclusiveMin = true; return this; }
        public Builder max(String value) { this.max = new BigDecimal(value); return this; }
        public Builder step(String value) { this.step = new BigDecimal(value); return this; }
        public Builder unit(String value) { this.unit = value; return this; }
        public Builder description(String value) { this.description = value; return this; }
        public Builder required() { this.required = true; return this; }
        /** A running bot may take a new value (the strategy applies it at its next turn, keeping its position). */
        public Builder liveEditable() { this.liveEditable = true; return this; }

        public ParameterDefinition build() {
            return new ParameterDefinition(name, type, defaultValue, min, exclusiveMin, max, step, options, unit,
                    description, required, liveEditable);
        }
    }
}
