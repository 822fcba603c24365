package dev.botfleet.engine.backtest.freqtrade;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Freqtrade's {@code recalc_trade_from_orders}, needed once a trade has more than one entry or a partial exit
 * (position adjustment): the filled orders are replayed in exact decimals. Entries raise the amount and the stake at
 * their price and reset the average price (Σ price·amount / Σ amount, truncated to 18 decimals as FtPrecise divides);
 * exits take amount and stake out at the average price and realize {@code profit_abs} against it.
 */
final class OrderReplay {

    /** Profit realized by the exits replayed: Σ profit_abs, and that over Σ entry value (with fees) × leverage. */
    record Realized(double profitAbs, double profitRatio) {
    }

    private OrderReplay() {
    }

    /**
     * Replays {@code trade}'s filled orders; {@code closing} when the last one closes the trade (its exit then
     * carries the trade's funding). While some amount is left the trade's open rate, amount, stake, entry
     * value and realized profit are updated (and the stop moved up from the new average, never down). Returns what the
     * exits realized.
     */
    static Realized recalc(RunningTrade trade, boolean closing) {
        int last = trade.filledOrders.size() - 1;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal stake = BigDecimal.ZERO;
        BigDecimal average = BigDecimal.ZERO;
        double totalStake = 0.0; // Σ entry value incl. fee: exits never subtract from it
        double profitAbs = 0.0;
        double profitRatio = 0.0;
        for (int i = 0; i <= last; i++) {
            FreqtradeOrder order = trade.filledOrders.get(i);
            boolean exit = !order.isEntry();
            BigDecimal qty = order.amount();
            BigDecimal price = exit ? average : order.price();
            if (qty.signum() > 0) {
                amount = exit ? amount.subtract(qty) : amount.add(qty);
                BigDecimal value = price.multiply(qty);
                stake = exit ? stake.subtract(value) : stake.add(value);
                if (amount.signum() > 0 && !exit) {
                    average = stake.divide(amount, 18, RoundingMode.DOWN);
                }
            }
            if (exit) {
                double qtyD = qty.doubleValue();
                double closeValue = FtMath.valueWithFee(qtyD, order.price().doubleValue(), trade.fee, trade.isShort);
                if (closing && i == last) {
                    // Freqtrade applies the funding only to the closing order, all of it (recalc_trade_from_orders)
                    closeValue = trade.withFunding(closeValue, trade.fundingOfOrders);
                }
                double openValue = FtMath.valueWithFee(qtyD, average.doubleValue(), trade.fee, !trade.isShort);
                profitAbs += FtMath.round8(trade.isShort ? openValue - closeValue : closeValue - openValue);
                if (totalStake > 0) {
                    profitRatio = (profitAbs / totalStake) * trade.leverage;
                }
            } else {
                totalStake += FtMath.valueWithFee(qty.doubleValue(), order.price().doubleValue(), trade.fee,
                        !trade.isShort);
            }
        }
        if (profitRatio != 0.0) {
            trade.realizedProfit = profitAbs;
        }
        double left = FtMath.amountToPrecision(amount.doubleValue(), trade.amountStep);
        if (left > 0.0) {
            trade.openRate = stake.divide(amount, 18, RoundingMode.DOWN).doubleValue();
            trade.amount = left;
            trade.stakeAmount = stake.doubleValue() / trade.leverage;
            trade.openTradeValue = trade.openTradeValue(trade.amount, trade.openRate);
            trade.adjustStopLoss(trade.openRate, trade.stopLossPct);
        } else if (totalStake > 0) {
            profitRatio = (profitAbs / totalStake) * trade.leverage;
        }
        return new Realized(profitAbs, profitRatio);
    }
}
