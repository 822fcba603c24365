package dev.botfleet.engine.backtest.freqtrade.protections;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a strategy's Freqtrade {@code protections} list: {@code method} plus its other keys.
 * <p>
 * Example: {@code new ProtectionConfig("StoplossGuard", Map.of("lookback_period_candles", 24, "trade_limit", 4,
 * "stop_duration_candles", 4))}. Values are what a JSON parser gives: numbers ({@link Number}), booleans, strings.
 * {@link #validate(int)} (also run by {@link ProtectionManager}'s constructor) refuses an unknown method, a key the
 * method does not read, a value of the wrong type or range, and the combinations Freqtrade refuses, naming the entry
 * and key, e.g. {@code protections[1].stop_duration_candles must be a positive whole number, was 2.5}.
 *
 * @param method {@code CooldownPeriod}, {@code StoplossGuard}, {@code MaxDrawdown} or {@code LowProfitPairs}
 * @param params every key of the entry except {@code method}, in the order given
 */
public record ProtectionConfig(String method, Map<String, Object> params) {

    public ProtectionConfig {
        if (method == null || params == null) {
            throw new IllegalArgumentException("a protection needs a method and its params (an empty map for none),"
                    + " was method=" + method + ", params=" + params);
        }
        // A copy that keeps the order (for stable error messages) and null values (refused by validate, by name).
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Checks this entry; {@code index} is its position in the {@code protections} list (used in messages).
     *
     * @throws IllegalArgumentException naming {@code protections[index].key} and what is wrong
     */
    public void validate(int index) {
        Protection.create(this, index, 1);
    }
}
