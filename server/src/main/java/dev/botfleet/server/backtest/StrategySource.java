package dev.botfleet.server.backtest;

import dev.botfleet.engine.strategy.StrategyFactory;
import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strategy a backtest can run: a catalog strategy (with its definition, so parameters are validated and defaulted)
 * or a user's own class (validated by its own {@code definition()} if it declares one, else given the raw values).
 *
 * @param name       the catalog id or the class name, for reports
 * @param definition null for a user class without a definition
 */
public record StrategySource(String name, StrategyDefinition definition, StrategyFactory factory) {

    /** Thrown when parameters are refused; each violation names the parameter. */
    public static final class InvalidParameters extends IllegalArgumentException {
        private final List<ParameterViolation> violations;

        InvalidParameters(List<ParameterViolation> violations) {
            super(String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList()));
            this.violations = List.copyOf(violations);
        }

        public List<ParameterViolation> violations() { return violations; }
    }

    /** The parameter through which catalog strategies choose their candle width. */
    static final String TIMEFRAME = "timeframe";

    /**
     * The given parameters plus what the data decides: a strategy with a {@code timeframe} parameter (live bots default
     * it to 1m) computes on the data's own candles unless told otherwise. A timeframe shorter than the data's cannot
     * be built from it and is refused.
     */
    public Map<String, Object> forData(Map<String, Object> given, dev.botfleet.engine.market.Timeframe data) {
        Map<String, Object> params = new LinkedHashMap<>(given);
        if (definition == null || definition.parameters().stream().noneMatch(p -> p.name().equals(TIMEFRAME))) {
            return params;
        }
        Object wanted = params.get(TIMEFRAME);
        if (wanted == null) {
            params.put(TIMEFRAME, data.code());
        } else {
            long millis;
            try {
                millis = dev.botfleet.engine.data.Timeframes.parse(wanted.toString()).millis();
            } catch (IllegalArgumentException e) {
                return params;  // the definition's validation names the allowed values
            }
            if (millis < data.millis()) {
                throw new InvalidParameters(List.of(new ParameterViolation(TIMEFRAME, "must be at least the data's "
                        + data.code() + " candles (shorter candles cannot be built from them)", wanted)));
            }
        }
        return params;
    }

    /** Validates {@code raw} (strings, numbers, booleans, maps and lists as parsed from JSON or a command line). */
    public StrategyConfig configure(Map<String, ?> raw) {
        if (definition == null) return StrategyConfig.of(new LinkedHashMap<>(raw));
        StrategyDefinition.Validation v = definition.validate(raw);
        if (!v.valid()) throw new InvalidParameters(v.violations());
        return v.config();
    }
}
