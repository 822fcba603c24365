package dev.botfleet.fakes.perp;

import java.math.BigDecimal;

/**
 * What the ledger needs to know of one linear perpetual (quantities in the base asset, prices in the quote asset).
 *
 * @param venueSymbol the market's name in the matching engine, e.g. "BTCUSD"
 * @param settleAsset the asset margin, PnL, fees and funding are booked in, e.g. "USD"
 * @param maxLeverage the highest leverage an account may set
 * @param maintenanceMarginRate fraction of notional below which an isolated position is liquidated (0.005 = 0.5 %)
 * @param defaultLeverage the leverage of an account that never set one
 */
public record PerpTerms(String venueSymbol, String settleAsset, BigDecimal maxLeverage, BigDecimal maintenanceMarginRate,
                        BigDecimal defaultLeverage) {

    public PerpTerms {
        if (maxLeverage.compareTo(BigDecimal.ONE) < 0) throw new IllegalArgumentException("maxLeverage must be >= 1");
        if (defaultLeverage.compareTo(BigDecimal.ONE) < 0 || defaultLeverage.compareTo(maxLeverage) > 0) {
            throw new IllegalArgumentException("defaultLeverage must lie in [1, maxLeverage]");
        }
        if (maintenanceMarginRate.signum() < 0 || maintenanceMarginRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("maintenanceMarginRate must lie in [0, 1)");
        }
    }
}
