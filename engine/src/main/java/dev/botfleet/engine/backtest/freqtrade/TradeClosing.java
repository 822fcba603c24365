package dev.botfleet.engine.backtest.freqtrade;

import java.math.BigDecimal;

/**
 * Freqtrade's accounting when the exit fills: {@code profit_abs} is the close value minus the entry value (both with
 * fees) rounded to 8 decimals, and the trade's {@code profit_ratio} is that rounded amount over the entry value, times
 * leverage. (The unrounded ratio, used for ROI decisions, can differ in the last digits.)
 */
final class TradeClosing {

    private TradeClosing() {
    }

    /** Closes {@code trade} with its exit order {@code exit} filled at the candle starting {@code time}. */
    static FreqtradeTrade close(RunningTrade trade, RunningTrade.Order exit, long time) {
        double rate = exit.price();
        trade.fundingOnFill(time);
        trade.record(exit, time);
        double profitAbs;
        double profitRatio;
        if (trade.adjusted()) {
            // Several entries or partial exits: profit over all exits, ratio over all entries' value.
            OrderReplay.Realized realized = OrderReplay.recalc(trade, true);
            profitAbs = realized.profitAbs();
            profitRatio = realized.profitRatio();
        } else {
            double openValue = trade.openTradeValue(trade.amount, trade.openRate);
            double closeValue = trade.closeValue(rate);
            profitAbs = FtMath.round8(trade.isShort ? openValue - closeValue : closeValue - openValue);
            profitRatio = openValue > 0 ? (profitAbs / openValue) * trade.leverage : 0.0;
        }
        return new FreqtradeTrade(
                trade.pair,
                trade.openTime,
                time,
                FtMath.exact(trade.openRate),
                FtMath.exact(rate),
                FtMath.exact(trade.amount),
                FtMath.exact(trade.stakeAmount),
                FtMath.exact(entryFee(trade)),
                FtMath.exact(FtMath.feeCost(trade.amount, rate, trade.fee)),
                profitRatio,
                FtMath.exact(profitAbs),
                trade.exitType,
                trade.exitReason,
                trade.enterTag,
                trade.isShort,
                trade.leverage,
                FtMath.exact(Double.isNaN(trade.minRate) ? trade.openRate : trade.minRate),
                FtMath.exact(Double.isNaN(trade.maxRate) ? trade.openRate : trade.maxRate),
                FtMath.exact(trade.initialStopLoss),
                trade.initialStopLossPct,
                FtMath.exact(trade.stopLoss),
                trade.stopLossPct,
                trade.filledOrders,
                FtMath.exact(trade.fundingFees),
                Double.isNaN(trade.liquidationPrice) ? null : FtMath.exact(trade.liquidationPrice));
    }

    /** The fee paid on the entries: fee × amount × open rate, or with several entries fee × Σ entry cost. */
    private static double entryFee(RunningTrade trade) {
        if (!trade.adjusted()) {
            return FtMath.feeCost(trade.amount, trade.openRate, trade.fee);
        }
        BigDecimal cost = BigDecimal.ZERO;
        for (FreqtradeOrder order : trade.filledOrders) {
            if (order.isEntry()) {
                cost = cost.add(order.cost());
            }
        }
        return trade.fee * cost.doubleValue(); // Freqtrade: fee_open_cost = fee_open * float(max_stake_amount)
    }
}
