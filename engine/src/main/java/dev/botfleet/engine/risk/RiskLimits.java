package dev.botfleet.engine.risk;

import java.math.BigDecimal;

/**
 * Per-bot limits on top of the instrument's own rules. A null limit is not checked.
 *
 * @param maxPositionQuantity largest absolute position in the base asset, counting open orders on the same side
 * @param maxOpenOrders most orders working at once
 * @param maxOrderNotional largest single order value in the quote asset
 */
public record RiskLimits(BigDecimal maxPositionQuantity, int maxOpenOrders, BigDecimal maxOrderNotional) {

    public static final RiskLimits NONE = new RiskLimits(null, Integer.MAX_VALUE, null);

    public RiskLimits {
        if (maxOpenOrders < 0) throw new IllegalArgumentException("maxOpenOrders must be >= 0");
    }
}
