package dev.botfleet.engine.backtest.report;

import java.util.List;

/**
 * Freqtrade's ratio metrics (freqtrade/data/metrics.py, 2024.10, computed by {@link FreqtradeMetrics}). Each is null where Freqtrade returns a sentinel
 * instead of a value: Sharpe, Sortino and Calmar are 0 in Freqtrade without trades or for a zero-length range, and
 * −100 when the deviation (or the drawdown) is 0 or undefined; expectancy ratio is 100 without losing trades; profit
 * factor is 0 without losing trades. Those sentinels exist to steer hyperopt losses, not to describe the run, so a
 * report showing "-100" for a run with no losing trade would mislead; null says "undefined" and the text report
 * prints "N/A".
 *
 * @param cagr            (final / start)^(365 / days) − 1, days = whole days of the range or 1; null if final &lt; 0
 *                        (Freqtrade: 0)
 * @param sharpe          (Σ(profit_abs / start) / days) / σ(profit_abs / start) × √365, σ with ddof 0
 * @param sortino         same numerator over σ of the losing trades only (ddof 0); null with fewer than 2 losers
 *                        or equal losses
 * @param calmar          (Σprofit_abs / start / days × 100) / max_drawdown_account × √365
 * @param sqn             √n × mean(profit_abs / start) / σ (ddof 1): Van Tharp's System Quality Number as later
 *                        Freqtrade versions compute it (2024.10 has no SQN); null for n &lt; 2 or σ = 0
 * @param expectancy      winrate × average win − loserate × average loss (profit_abs); null without trades
 * @param expectancyRatio (1 + average win / average loss) × winrate − 1; null without losses
 * @param profitFactor    Σ winning profit_abs / |Σ losing profit_abs|; null without losses
 */
public record RiskRatios(Double cagr, Double sharpe, Double sortino, Double calmar, Double sqn, Double expectancy,
                         Double expectancyRatio, Double profitFactor) {

    private static final long DAY_MS = 86_400_000L;

    static RiskRatios of(List<ReportTrade> trades, long start, long end, double balance, double finalBalance,
                         double maxDrawdownAccount) {
        double[] abs = Breakdowns.profits(trades, false);
        double[] relative = new double[abs.length];
        for (int i = 0; i < abs.length; i++) {
            relative[i] = abs[i] / balance;
        }
        Double sharpe = null;
        Double sortino = null;
        Double calmar = null;
        if (FreqtradeMetrics.measurable(abs.length, start, end)) {
            sharpe = FreqtradeMetrics.sharpe(abs, balance, start, end);
            sortino = FreqtradeMetrics.sortino(abs, balance, start, end);
            calmar = FreqtradeMetrics.calmar(abs, balance, start, end, maxDrawdownAccount);
        }
        FreqtradeMetrics.Expectancy expectancy = FreqtradeMetrics.expectancy(abs);
        return new RiskRatios(cagr(start, end, balance, finalBalance), sharpe, sortino, calmar, sqn(relative),
                expectancy == null ? null : expectancy.expectancy(), expectancy == null ? null : expectancy.ratio(),
                FreqtradeMetrics.profitFactor(abs));
    }

    /** calculate_cagr with generate_strategy_stats' day count ({@code (max_date - min_date).days or 1}). */
    static Double cagr(long start, long end, double balance, double finalBalance) {
        if (finalBalance < 0) {
            return null;
        }
        long days = Math.floorDiv(end - start, DAY_MS);
        if (days == 0) {
            days = 1;
        }
        return StrictMath.pow(finalBalance / balance, 1 / (days / 365.0)) - 1;
    }

    private static Double sqn(double[] relative) {
        Double deviation = PyMath.std(relative, 1);
        if (deviation == null || deviation == 0) {
            return null;
        }
        return Math.sqrt(relative.length) * (PyMath.mean(relative) / deviation);
    }
}
