package dev.botfleet.engine.backtest.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of a Freqtrade result table (per pair, per enter tag, per exit reason, the TOTAL row): Freqtrade's
 * {@code _generate_result_line}. Wins, draws and losses count {@code profit_abs} &gt; 0, = 0, &lt; 0.
 *
 * @param key                the pair, tag or exit reason; {@code "TOTAL"} for the total row; for the mixed table
 *                           "enterTag / exitReason" (see {@link #keyParts})
 * @param keyParts           the key's parts (one element, two for the enter tag × exit reason table)
 * @param profitMean         mean profit_ratio (0 without trades, as Freqtrade)
 * @param profitMeanPct      profitMean × 100 rounded to 2 decimals (numpy rounding)
 * @param profitSum          sum of profit_ratio
 * @param profitTotalAbs     sum of profit_abs, quote currency
 * @param profitTotal        profitTotalAbs / starting balance
 * @param durationAvgMinutes mean trade_duration rounded half-even to whole minutes (0 without trades)
 * @param durationAvg        Freqtrade's text form of it, e.g. "3:21:00" or "1 day, 0:05:00" ("0:00" without trades)
 * @param winrate            wins / trades (0 without trades)
 */
public record ResultLine(String key, List<String> keyParts, int trades, double profitMean, double profitMeanPct,
                         double profitSum, double profitSumPct, double profitTotalAbs, double profitTotal,
                         double profitTotalPct, long durationAvgMinutes, String durationAvg, int wins, int draws,
                         int losses, double winrate) {

    public ResultLine {
        keyParts = List.copyOf(keyParts);
    }

    static ResultLine of(List<String> keyParts, List<ReportTrade> trades, double startingBalance) {
        double[] ratios = new double[trades.size()];
        double[] abs = new double[trades.size()];
        double[] minutes = new double[trades.size()];
        int wins = 0;
        int draws = 0;
        int losses = 0;
        for (int i = 0; i < trades.size(); i++) {
            ReportTrade t = trades.get(i);
            ratios[i] = t.profitRatio();
            abs[i] = t.profitAbs();
            minutes[i] = t.durationMinutes();
            if (t.profitAbs() > 0) {
                wins++;
            } else if (t.profitAbs() == 0) {
                draws++;
            } else {
                losses++;
            }
        }
        int n = trades.size();
        double mean = n > 0 ? PyMath.mean(ratios) : 0.0;
        double profitSum = PyMath.sum(ratios);
        double totalAbs = PyMath.sum(abs);
        double total = totalAbs / startingBalance;
        long avgMinutes = n > 0 ? PyMath.roundToLong(PyMath.mean(minutes)) : 0;
        return new ResultLine(String.join(" / ", keyParts), keyParts, n, mean,
                n > 0 ? PyMath.numpyRound(mean * 100.0, 2) : 0.0, profitSum, PyMath.numpyRound(profitSum * 100.0, 2),
                totalAbs, total, PyMath.numpyRound(total * 100.0, 2), avgMinutes,
                n > 0 ? PyMath.timedelta(avgMinutes) : "0:00", wins, draws, losses,
                n > 0 ? (double) wins / n : 0.0);
    }

    /** The total profit as the exact decimal of the double (for JSON). */
    public BigDecimal profitTotalAbsExact() {
        return PyMath.exact(profitTotalAbs);
    }
}
