package dev.botfleet.engine.backtest.report;

import java.util.List;

/**
 * Freqtrade's drawdown figures (calculate_max_drawdown over profit_abs, trades sorted by close time; the series is
 * {@link FreqtradeMetrics#underwater}).
 * <p>
 * Freqtrade's running high starts at the FIRST trade's cumulative profit, not at zero: a first trade that loses
 * is no drawdown. Without a drawdown after the first trade Freqtrade reports 0 and dates of 1970; here the amounts
 * are 0 (there was no drawdown) and the dates, values and duration are null.
 *
 * @param maxDrawdownAccount  the relative drawdown (high balance − balance) / high balance at the point of the
 *                            largest absolute drawdown (max_drawdown_account, "Absolute Drawdown (Account)")
 * @param maxRelativeDrawdown the largest relative drawdown anywhere (max_relative_drawdown, "Max % of account
 *                            underwater"); it can sit elsewhere than the absolute one
 * @param maxDrawdownAbs      the largest fall of cumulative profit below its running high, quote currency
 * @param start               close time of the trade where the high was first reached (drawdown_start), epoch ms
 * @param end                 close time of the trade at the low (drawdown_end), epoch ms
 * @param high                cumulative profit at the high (max_drawdown_high; profit, not balance)
 * @param low                 cumulative profit at the low (max_drawdown_low)
 * @param durationMinutes     end − start in minutes (newer Freqtrade's "Drawdown duration")
 * @param csumMin             lowest balance after any trade, starting balance + cumulative profit (csum_min);
 *                            null without trades
 * @param csumMax             highest such balance (csum_max)
 */
public record Drawdown(double maxDrawdownAccount, double maxRelativeDrawdown, double maxDrawdownAbs, Long start,
                       Long end, Double high, Double low, Long durationMinutes, Double csumMin, Double csumMax) {

    /**
     * Computes the drawdown of {@code byClose} (the trades sorted stably by close time, as Freqtrade sorts) and the
     * balance range of {@code inResultOrder} (Freqtrade's calculate_csum does not sort).
     */
    static Drawdown of(List<ReportTrade> byClose, List<ReportTrade> inResultOrder, double startingBalance) {
        int n = byClose.size();
        if (n == 0) {
            return new Drawdown(0, 0, 0, null, null, null, null, null, null, null);
        }
        FreqtradeMetrics.Underwater series = FreqtradeMetrics.underwater(Breakdowns.profits(byClose, false),
                startingBalance);
        double[] cumulative = series.cumulative();
        double[] high = series.high();
        double[] relative = series.relative();
        double running = 0;
        double csumMin = Double.POSITIVE_INFINITY;
        double csumMax = Double.NEGATIVE_INFINITY;
        for (ReportTrade t : inResultOrder) {
            running += t.profitAbs();
            csumMin = Math.min(csumMin, running);
            csumMax = Math.max(csumMax, running);
        }
        // calculate_csum adds the balance to the min/max of the cumulative sum, in that order.
        Double csumLow = csumMin + startingBalance;
        Double csumHigh = csumMax + startingBalance;
        int absIdx = FreqtradeMetrics.maxDrawdownIndex(series);
        int relIdx = FreqtradeMetrics.firstIndexOfMax(relative);
        if (absIdx == 0 || relIdx == 0) {
            // Freqtrade raises "No losing trade, therefore no drawdown." for either and reports zeros.
            return new Drawdown(0, 0, 0, null, null, null, null, null, csumLow, csumHigh);
        }
        // The high is where the running high first reached its value before the low (idxmax of high_value).
        int highIdx = FreqtradeMetrics.firstIndexOfMax(java.util.Arrays.copyOf(high, absIdx));
        long start = byClose.get(highIdx).closeTime();
        long end = byClose.get(absIdx).closeTime();
        return new Drawdown(relative[absIdx], relative[relIdx], Math.abs(series.drawdown()[absIdx]), start, end,
                cumulative[highIdx], cumulative[absIdx], (end - start) / 60_000L, csumLow, csumHigh);
    }
}
