package dev.botfleet.engine.market;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What makes an {@link Instrument} a linear perpetual future rather than spot. Our quantities stay in the base asset
 * (0.002 BTC), so {@code contractSize} is how much base one venue contract holds: an adapter sends
 * {@code quantity / contractSize} contracts, and the instrument's lot size is a multiple of it.
 *
 * @param contractSize base asset per contract (1 where the venue counts in the base asset itself)
 * @param settleAsset the asset margin is held and PnL is paid in (USDT for B-BTC_USDT)
 * @param maxLeverage the venue's highest leverage for this instrument
 * @param maintenanceMarginRate the fraction of notional below which the position is liquidated (0.005 = 0.5 %)
 */
public record Derivative(BigDecimal contractSize, String settleAsset, BigDecimal maxLeverage,
                         BigDecimal maintenanceMarginRate) {

    public Derivative {
        Objects.requireNonNull(contractSize, "contractSize");
        Objects.requireNonNull(settleAsset, "settleAsset");
        Objects.requireNonNull(maxLeverage, "maxLeverage");
        Objects.requireNonNull(maintenanceMarginRate, "maintenanceMarginRate");
        if (contractSize.signum() <= 0) throw new IllegalArgumentException("contractSize must be positive");
        if (maxLeverage.compareTo(BigDecimal.ONE) < 0) throw new IllegalArgumentException("maxLeverage must be >= 1");
        if (maintenanceMarginRate.signum() < 0 || maintenanceMarginRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("maintenanceMarginRate must be in [0, 1)");
        }
    }
}
