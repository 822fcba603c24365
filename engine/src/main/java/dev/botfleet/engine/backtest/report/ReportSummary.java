package dev.botfleet.engine.backtest.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The run-level figures of Freqtrade's generate_strategy_stats (names follow its keys in camel case).
 *
 * @param pairlist             the backtested pairs (closesByPair's keys)
 * @param finalBalance         starting balance + the profits added one by one in result order (Freqtrade's wallet)
 * @param backtestDays         whole days from start to end, at least 1
 * @param maxOpenTrades        min(max_open_trades, number of pairs), as Freqtrade reports it
 * @param maxOpenTradesSetting the setting, −1 for unlimited
 * @param tradesPerDay         trades / backtestDays rounded to 2 decimals
 * @param totalVolume          sum of the stakes
 * @param avgStakeAmount       mean stake; null without trades (Freqtrade: 0)
 * @param profitMean           mean profit_ratio; null without trades (Freqtrade: 0)
 * @param profitMedian         median profit_ratio; null without trades (Freqtrade: 0)
 * @param profitTotal          total profit_abs / starting balance
 * @param marketChange         mean over pairs of (last close − first close) / first close; null without pairs
 * @param bestPair             the pair row with the highest profit_sum (sum of ratios), first on ties; null without
 *                             pairs
 * @param worstPair            the pair row with the lowest profit_sum
 * @param bestTrade            the trade with the highest profit_ratio, first on ties; null without trades
 * @param worstTrade           the trade with the lowest profit_ratio
 */
public record ReportSummary(List<String> pairlist, String stakeCurrency, double startingBalance, double finalBalance,
                            long backtestStart, long backtestEnd, long backtestDays, int maxOpenTrades,
                            int maxOpenTradesSetting, int totalTrades, int tradeCountLong, int tradeCountShort,
                            double tradesPerDay, double totalVolume, Double avgStakeAmount, Double profitMean,
                            Double profitMedian, double profitTotal, double profitTotalLong, double profitTotalShort,
                            double profitTotalAbs, double profitTotalLongAbs, double profitTotalShortAbs,
                            Double marketChange, ResultLine bestPair, ResultLine worstPair, ReportTrade bestTrade,
                            ReportTrade worstTrade) {

    public ReportSummary {
        pairlist = List.copyOf(pairlist);
    }

    /** Final balance as the exact decimal of the double (for JSON). */
    public BigDecimal finalBalanceExact() {
        return PyMath.exact(finalBalance);
    }

    /** Absolute profit as the exact decimal of the double (for JSON). */
    public BigDecimal profitTotalAbsExact() {
        return PyMath.exact(profitTotalAbs);
    }
}
