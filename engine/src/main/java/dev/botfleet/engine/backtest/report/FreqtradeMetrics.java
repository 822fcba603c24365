package dev.botfleet.engine.backtest.report;

/**
 * Freqtrade's freqtrade/data/metrics.py (2024.10) over a run's closed trades: Sharpe, Sortino, Calmar, the drawdown
 * series, expectancy and profit factor. The one implementation behind both the report ({@link RiskRatios},
 * {@link Drawdown}) and the hyperopt losses ({@code optimize.FreqtradeLoss}), with the float arithmetic of pandas and
 * numpy ({@link PyMath}: pairwise sums, left-to-right standard deviations), so both give Freqtrade's numbers.
 *
 * <p>Where Freqtrade answers a sentinel instead of a value (a ratio of 0 without trades, −100 for a zero deviation,
 * an expectancy ratio of 100 without losses) or raises ValueError, these answer null or say so; each caller picks
 * what it shows: the losses take Freqtrade's sentinels (they steer the search), the report says "undefined".
 */
public final class FreqtradeMetrics {
    static final long DAY_MS = 86_400_000L;

    private FreqtradeMetrics() {
    }

    /** Freqtrade's guard before a ratio: without trades or for an empty range it answers 0. */
    public static boolean measurable(int trades, long start, long end) {
        return trades > 0 && start != end;
    }

    /** {@code max(1, (max_date - min_date).days)}: whole days of the range, at least one. */
    public static long daysPeriod(long start, long end) {
        return Math.max(1, Math.floorDiv(end - start, DAY_MS));
    }

    /**
     * calculate_sharpe for a measurable run: (Σ(profit_abs / balance) / days) / σ(profit_abs / balance) × √365,
     * σ with ddof 0; null where the deviation is 0 (Freqtrade: −100).
     */
    public static Double sharpe(double[] profitAbs, double balance, long start, long end) {
        double[] returns = divide(profitAbs, balance);
        return ratio(PyMath.sum(returns) / daysPeriod(start, end), PyMath.std(returns, 0));
    }

    /**
     * calculate_sortino for a measurable run: the same mean over σ (ddof 0) of the losing trades' returns only; null
     * without losing trades or with a zero deviation (Freqtrade: −100).
     */
    public static Double sortino(double[] profitAbs, double balance, long start, long end) {
        double[] returns = divide(profitAbs, balance);
        double[] losing = java.util.Arrays.stream(returns).filter(r -> r < 0).toArray();
        return ratio(PyMath.sum(returns) / daysPeriod(start, end), PyMath.std(losing, 0));
    }

    /**
     * calculate_calmar for a measurable run: (Σprofit_abs / balance / days × 100) / max_drawdown × √365, where
     * max_drawdown is the relative account drawdown at the largest absolute drawdown ({@link #maxDrawdownIndex});
     * null when it is 0 (Freqtrade: −100).
     */
    public static Double calmar(double[] profitAbs, double balance, long start, long end, double maxDrawdownAccount) {
        double mean = PyMath.sum(profitAbs) / balance / daysPeriod(start, end) * 100;
        return maxDrawdownAccount != 0 ? mean / maxDrawdownAccount * Math.sqrt(365) : null;
    }

    private static Double ratio(double dailyMean, Double deviation) {
        if (deviation == null || deviation == 0 || deviation.isNaN()) return null;
        return dailyMean / deviation * Math.sqrt(365);
    }

    private static double[] divide(double[] values, double by) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i] / by;
        return out;
    }

    /**
     * Freqtrade's _calc_drawdown_series over profit_abs in close order: cumulative profit, its running high (which
     * starts at the first cumulative value, not at 0, as pandas cummax), drawdown = cumulative − high and the
     * relative drawdown ((balance + high) − (balance + cumulative)) / (balance + high), or (high − cumulative) / high
     * with a starting balance of 0.
     */
    public record Underwater(double[] cumulative, double[] high, double[] drawdown, double[] relative) {
    }

    /** The drawdown series of {@code profitAbsByClose} (sorted stably by close time); null without trades. */
    public static Underwater underwater(double[] profitAbsByClose, double startingBalance) {
        int n = profitAbsByClose.length;
        if (n == 0) return null;
        double[] cum = new double[n];
        double[] high = new double[n];
        double[] dd = new double[n];
        double[] rel = new double[n];
        double running = 0;
        for (int i = 0; i < n; i++) {
            running += profitAbsByClose[i];  // pandas cumsum adds left to right
            cum[i] = running;
            high[i] = i == 0 ? running : Math.max(high[i - 1], running);
            dd[i] = cum[i] - high[i];
            if (startingBalance != 0) {
                double balance = startingBalance + cum[i];
                double highBalance = startingBalance + high[i];
                rel[i] = (highBalance - balance) / highBalance;
            } else {
                rel[i] = (high[i] - cum[i]) / high[i];
            }
        }
        return new Underwater(cum, high, dd, rel);
    }

    /**
     * calculate_max_drawdown's index (relative=False): the first position of the lowest drawdown, as pandas idxmin.
     * 0 is where Freqtrade raises "No losing trade, therefore no drawdown."
     */
    public static int maxDrawdownIndex(Underwater s) {
        return firstIndexOfMin(s.drawdown());
    }

    /**
     * The relative account drawdown at the largest absolute drawdown (calculate_max_drawdown's
     * relative_account_drawdown), 0 without trades or without a drawdown (where Freqtrade raises and its callers
     * take 0).
     */
    public static double maxDrawdownAccount(double[] profitAbsByClose, double startingBalance) {
        Underwater s = underwater(profitAbsByClose, startingBalance);
        if (s == null) return 0;
        int idx = maxDrawdownIndex(s);
        return idx == 0 ? 0 : s.relative()[idx];
    }

    static int firstIndexOfMin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) if (values[i] < values[best]) best = i;
        return best;
    }

    static int firstIndexOfMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    /**
     * calculate_expectancy.
     *
     * @param expectancy winrate × average win − loserate × average loss (profit_abs)
     * @param ratio      (1 + average win / average loss) × winrate − 1; null without losing trades (Freqtrade: 100)
     */
    public record Expectancy(double expectancy, Double ratio) {
    }

    /** The expectancy of these profits; null without trades (Freqtrade: 0 and a ratio of 100). */
    public static Expectancy expectancy(double[] profitAbs) {
        if (profitAbs.length == 0) return null;
        double[] wins = java.util.Arrays.stream(profitAbs).filter(p -> p > 0).toArray();
        double[] losses = java.util.Arrays.stream(profitAbs).filter(p -> p < 0).toArray();
        double averageWin = wins.length > 0 ? PyMath.sum(wins) / wins.length : 0;
        double averageLoss = losses.length > 0 ? Math.abs(PyMath.sum(losses)) / losses.length : 0;
        double winRate = (double) wins.length / profitAbs.length;
        double lossRate = (double) losses.length / profitAbs.length;
        Double ratio = averageLoss > 0 ? (1 + averageWin / averageLoss) * winRate - 1 : null;
        return new Expectancy(winRate * averageWin - lossRate * averageLoss, ratio);
    }

    /** Σ winning profit_abs / |Σ losing profit_abs|; null without losses (Freqtrade: 0). */
    public static Double profitFactor(double[] profitAbs) {
        double winning = PyMath.sum(java.util.Arrays.stream(profitAbs).filter(p -> p > 0).toArray());
        double losing = PyMath.sum(java.util.Arrays.stream(profitAbs).filter(p -> p < 0).toArray());
        return losing != 0 ? winning / Math.abs(losing) : null;
    }

    /** numpy's sum of these values (pairwise, as pandas' Series.sum). */
    public static double sum(double[] values) {
        return PyMath.sum(values);
    }
}
