package dev.botfleet.engine.backtest.freqtrade;

/**
 * The liquidation price Freqtrade 2024.10 gives an isolated futures trade in a backtest ({@code
 * update_liquidation_prices} → {@code Exchange.get_liquidation_price} → the generic {@code dry_run_liquidation_price},
 * Gate's and OKX's documented formula; Binance and Bybit override it with their own). With the trade's own margin as
 * the wallet (isolated: {@code wallet_balance = stake_amount}), value = stake_amount / amount, m = the maintenance
 * margin ratio and t = the taker fee:
 * <pre>
 *   long:  (open_rate − value) / (1 − (m + t))
 *   short: (open_rate + value) / (1 + (m + t))
 * </pre>
 * then moved towards the entry by {@code liquidation_buffer} × |open_rate − that| (docs/leverage.md, "Understand
 * liquidation_buffer") and never below 0. Worked example: a long at 100 with 10× (value 10), m = 0.005, t = 0 and the
 * default buffer 0.05: 90 / 0.995 = 90.4523: + 0.05 × 9.5477 = 90.9296.
 *
 * @param maintenanceMarginRate m (Freqtrade reads it from the exchange's leverage tiers)
 * @param takerFee              t (Freqtrade: the market's taker fee; botfleet: the run's fee)
 * @param buffer                {@code liquidation_buffer}
 */
record LiquidationPrice(double maintenanceMarginRate, double takerFee, double buffer) {

    /** Freqtrade's figure for a trade holding {@code amount} at {@code openRate} on {@code stakeAmount} of margin. */
    double of(double openRate, double stakeAmount, double amount, boolean isShort) {
        double value = stakeAmount / amount;
        double marginAndFee = maintenanceMarginRate + takerFee;
        double exchange = isShort ? (openRate + value) / (1 + marginAndFee) : (openRate - value) / (1 - marginAndFee);
        double safety = Math.abs(openRate - exchange) * buffer;
        return Math.max(isShort ? exchange - safety : exchange + safety, 0.0);
    }
}
