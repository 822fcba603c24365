package dev.botfleet.engine.position;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The liquidation price of an isolated linear perpetual position: where the loss has eaten the initial margin down to
 * the maintenance margin. With entry E, leverage L and maintenance margin rate m (trading-formulas: isolated margin,
 * fees and funding ignored, as Bybit and Binance document for the estimate):
 * <pre>
 *   long:  E × (1 − 1/L + m)
 *   short: E × (1 + 1/L − m)
 * </pre>
 * Worked example: a long at 50,000 with 10× and m = 0.5 % liquidates at 50,000 × (1 − 0.1 + 0.005) = 45,250; the same
 * short at 54,750. Venues that report their own figure (which counts fees and tiers) override this estimate.
 */
public final class Liquidation {
    private Liquidation() {
    }

    /**
     * @param quantity signed position (negative: short); zero gives null
     * @param tickSize the price grid: a long's price rounds up and a short's down, so the figure is never optimistic
     */
    public static BigDecimal price(BigDecimal quantity, BigDecimal entry, BigDecimal leverage,
                                   BigDecimal maintenanceMarginRate, BigDecimal tickSize) {
        if (quantity.signum() == 0 || entry == null) return null;
        // E × (L ∓ 1 ± m·L) / L: one division, last, so 1/L is never rounded on its own.
        BigDecimal mL = maintenanceMarginRate.multiply(leverage);
        BigDecimal numerator = quantity.signum() > 0
                ? leverage.subtract(BigDecimal.ONE).add(mL)
                : leverage.add(BigDecimal.ONE).subtract(mL);
        BigDecimal raw = entry.multiply(numerator).divide(leverage, 20, RoundingMode.HALF_EVEN);
        if (raw.signum() <= 0) return BigDecimal.ZERO;
        RoundingMode mode = quantity.signum() > 0 ? RoundingMode.CEILING : RoundingMode.FLOOR;
        BigDecimal units = raw.divide(tickSize, 0, mode);
        return units.multiply(tickSize).setScale(Math.max(0, tickSize.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
    }
}
