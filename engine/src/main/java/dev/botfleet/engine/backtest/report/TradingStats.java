package dev.botfleet.engine.backtest.report;

import java.util.List;

/**
 * Freqtrade's generate_trading_stats. Unlike the result tables these classify by profit_ratio (&gt; 0 win, = 0 draw,
 * &lt; 0 loss), and the streaks count every non-winning trade (draws too) as a loss, in result order.
 *
 * @param holdingAvgMinutes       mean trade_duration rounded half-even to minutes (0 without trades)
 * @param winnerHoldingAvgMinutes the same over winners (0 without winners, as Freqtrade's timedelta())
 * @param loserHoldingAvgMinutes  the same over losers
 */
public record TradingStats(int wins, int losses, int draws, double winrate, long holdingAvgMinutes,
                           long winnerHoldingAvgMinutes, long loserHoldingAvgMinutes, int maxConsecutiveWins,
                           int maxConsecutiveLosses) {

    static TradingStats of(List<ReportTrade> trades) {
        List<ReportTrade> winners = trades.stream().filter(t -> t.profitRatio() > 0).toList();
        List<ReportTrade> losers = trades.stream().filter(t -> t.profitRatio() < 0).toList();
        int draws = (int) trades.stream().filter(t -> t.profitRatio() == 0).count();
        int longestWin = 0;
        int longestLoss = 0;
        int run = 0;
        Boolean runIsWin = null;
        for (ReportTrade t : trades) {
            boolean win = t.profitRatio() > 0;
            run = Boolean.valueOf(win).equals(runIsWin) ? run + 1 : 1;
            runIsWin = win;
            if (win) {
                longestWin = Math.max(longestWin, run);
            } else {
                longestLoss = Math.max(longestLoss, run);
            }
        }
        return new TradingStats(winners.size(), losers.size(), draws,
                trades.isEmpty() ? 0.0 : (double) winners.size() / trades.size(), averageMinutes(trades),
                averageMinutes(winners), averageMinutes(losers), longestWin, longestLoss);
    }

    private static long averageMinutes(List<ReportTrade> trades) {
        if (trades.isEmpty()) {
            return 0;
        }
        double[] minutes = trades.stream().mapToDouble(ReportTrade::durationMinutes).toArray();
        return PyMath.roundToLong(PyMath.mean(minutes));
    }

    public String holdingAvg() {
        return PyMath.timedelta(holdingAvgMinutes);
    }

    public String winnerHoldingAvg() {
        return PyMath.timedelta(winnerHoldingAvgMinutes);
    }

    public String loserHoldingAvg() {
        return PyMath.timedelta(loserHoldingAvgMinutes);
    }
}
