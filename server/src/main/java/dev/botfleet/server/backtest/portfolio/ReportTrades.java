package dev.botfleet.server.backtest.portfolio;

import dev.botfleet.engine.backtest.freqtrade.FreqtradeOrder;
import dev.botfleet.engine.backtest.freqtrade.FreqtradeTrade;
import dev.botfleet.engine.backtest.report.ReportOrder;
import dev.botfleet.engine.backtest.report.ReportTrade;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The engine's {@link FreqtradeTrade} as the report's {@link ReportTrade}, in the order given (closing order). */
final class ReportTrades {
    private ReportTrades() {
    }

    /** @param fee the fee RATE of both sides ({@code FreqtradeTrade} holds the fee costs, the report wants rates) */
    static List<ReportTrade> of(List<FreqtradeTrade> trades, double fee) {
        List<ReportTrade> out = new ArrayList<>(trades.size());
        for (FreqtradeTrade t : trades) out.add(of(t, fee));
        return out;
    }

    static ReportTrade of(FreqtradeTrade t, double fee) {
        List<ReportOrder> orders = new ArrayList<>();
        BigDecimal entryCost = BigDecimal.ZERO;
        int entries = 0;
        for (FreqtradeOrder o : t.orders()) {
            // a long enters with a buy and exits with a sell; a short the other way round
            boolean buy = o.isEntry() != t.isShort();
            orders.add(new ReportOrder(o.amount().doubleValue(), o.price().doubleValue(), buy ? "buy" : "sell",
                    o.fillTime(), o.isEntry(), o.tag()));
            if (o.isEntry()) {
                entryCost = entryCost.add(o.cost());
                entries++;
            }
        }
        double stake = t.stakeAmount().doubleValue();
        // Freqtrade's max_stake_amount: the stake after all entries; differs from stake_amount only with position
        // adjustment (several entry orders). Partial exits in between are not subtracted (an upper bound then).
        double maxStake = entries > 1 ? Math.max(stake, entryCost.doubleValue() / t.leverage()) : stake;
        return new ReportTrade(t.pair(), t.openTime(), t.closeTime(), t.openRate().doubleValue(),
                t.closeRate().doubleValue(), t.amount().doubleValue(), stake, maxStake, fee, fee, t.profitRatio(),
                t.profitAbs().doubleValue(), t.exitReason(), t.enterTag(), t.isShort(), t.leverage(),
                t.minRate().doubleValue(), t.maxRate().doubleValue(), t.initialStopLoss().doubleValue(),
                t.initialStopLossRatio(), t.stopLoss().doubleValue(), t.stopLossRatio(), orders,
                t.fundingFees().doubleValue(), t.liquidationPrice() == null ? null : t.liquidationPrice().doubleValue());
    }
}
