package dev.botfleet.engine.backtest.freqtrade;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of a portfolio backtest: the closed trades of all pairs in closing order (force-exited ones last),
 * Freqtrade's counters (see {@link FreqtradeResult}) and the final wallet.
 *
 * @param finalWallet Freqtrade's {@code final_balance}: {@code dry_run_wallet} plus the profit of all closed trades
 */
public record PortfolioResult(
        List<FreqtradeTrade> trades,
        int rejectedSignals,
        int timedOutEntryOrders,
        int timedOutExitOrders,
        int canceledEntryOrders,
        int replacedEntryOrders,
        int canceledTradeEntries,
        double finalWallet) {

    public PortfolioResult {
        trades = List.copyOf(trades);
    }

    /** The trades of one pair, in closing order. */
    public List<FreqtradeTrade> tradesOf(String pair) {
        return trades.stream().filter(t -> t.pair().equals(pair)).toList();
    }

    public BigDecimal profitAbsTotal() {
        return trades.stream().map(FreqtradeTrade::profitAbs).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The same numbers as a single-pair {@link FreqtradeResult}. */
    public FreqtradeResult toFreqtradeResult() {
        return new FreqtradeResult(trades, rejectedSignals, timedOutEntryOrders, timedOutExitOrders,
                canceledEntryOrders, replacedEntryOrders, canceledTradeEntries);
    }
}
