package dev.botfleet.engine.backtest.freqtrade;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of one backtest: the closed trades in closing order (force-exited ones last, as Freqtrade lists them)
 * and Freqtrade's order counters.
 *
 * @param rejectedSignals      entry signals refused because no trade slot was free ({@code max_open_trades})
 * @param timedOutEntryOrders  entry orders that hit {@code unfilledtimeout.entry}
 * @param timedOutExitOrders   exit orders that hit {@code unfilledtimeout.exit} (the exit is retried)
 * @param canceledEntryOrders  entry orders cancelled or replaced by {@code adjust_entry_price}
 * @param replacedEntryOrders  entry orders replaced at a new price by {@code adjust_entry_price}
 * @param canceledTradeEntries trades dropped because {@code adjust_entry_price} cancelled their only entry order
 */
public record FreqtradeResult(
        List<FreqtradeTrade> trades,
        int rejectedSignals,
        int timedOutEntryOrders,
        int timedOutExitOrders,
        int canceledEntryOrders,
        int replacedEntryOrders,
        int canceledTradeEntries) {

    public FreqtradeResult {
        trades = List.copyOf(trades);
    }

    /** Sum of the trades' profit ratios, summed in trade order as Freqtrade's {@code profit_total} per-trade sum. */
    public double profitRatioSum() {
        double sum = 0;
        for (FreqtradeTrade trade : trades) {
            sum += trade.profitRatio();
        }
        return sum;
    }

    public BigDecimal profitAbsTotal() {
        return trades.stream().map(FreqtradeTrade::profitAbs).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
