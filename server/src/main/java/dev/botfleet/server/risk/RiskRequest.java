package dev.botfleet.server.risk;

import dev.botfleet.server.common.Violations;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Body of PUT /me/risk. Values are kept as JSON gave them (string or number) so that a bad one gets our message
 * naming {@code dailyLossLimits.<ASSET>} instead of a parse error.
 *
 * @param dailyLossLimits quote asset -> the loss (a decimal > 0) after which that day's LIVE trading in it stops;
 *                        null or empty clears every limit
 */
public record RiskRequest(Map<String, Object> dailyLossLimits) {
    static final int MAX_ASSETS = 50;
    static final BigDecimal MAX_LIMIT = new BigDecimal("1000000000000");
    /** Upper case like the venues' asset codes, so "usdt" is not a second, never-matching USDT. */
    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,16}");
    private static final int MAX_SCALE = 18;  // the column's NUMERIC(38, 18)

    /** The validated limits by asset (name order), or a 400 naming every bad entry. */
    Map<String, BigDecimal> validated() {
        Map<String, BigDecimal> limits = new TreeMap<>();
        if (dailyLossLimits == null) return limits;
        Violations v = new Violations();
        if (dailyLossLimits.size() > MAX_ASSETS) {
            v.add("dailyLossLimits", "must have at most " + MAX_ASSETS + " assets", null).throwIfAny();
        }
        dailyLossLimits.forEach((asset, value) -> {
            String field = "dailyLossLimits." + asset;
            if (!ASSET.matcher(asset).matches()) {
                v.add(field, "is not an asset: use 1 to 16 upper-case letters or digits (e.g. USDT)", asset);
                return;
            }
            BigDecimal limit = decimal(value);
            if (limit == null) {
                v.add(field, "must be a decimal number greater than 0 (e.g. \"250\")", value);
            } else if (limit.signum() <= 0) {
                v.add(field, "must be greater than 0; leave the asset out to have no limit", value);
            } else if (limit.compareTo(MAX_LIMIT) > 0) {
                v.add(field, "must be at most " + MAX_LIMIT.toPlainString(), value);
            } else if (limit.stripTrailingZeros().scale() > MAX_SCALE) {
                v.add(field, "must have at most " + MAX_SCALE + " decimal places", value);
            } else {
                limits.put(asset, limit.stripTrailingZeros());
            }
        });
        v.throwIfAny();
        return limits;
    }

    private static BigDecimal decimal(Object value) {
        try {
            if (value instanceof BigDecimal d) return d;
            if (value instanceof Number n) return new BigDecimal(n.toString());
            if (value instanceof String s && !s.isBlank()) return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            // not a decimal: refused below
        }
        return null;
    }
}
