package dev.botfleet.engine.backtest.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The parts of Freqtrade's freqtrade/data/metrics.py the loss functions use, over a trial's trades.
 * Where Freqtrade raises ValueError ("Trade dataframe empty", "No losing trade, therefore no drawdown") these
 * return {@code null} and the caller takes Freqtrade's except-branch.
 */
final class FreqtradeMetrics {
    static final long DAY_MS = 86_400_000L;

    private FreqtradeMetrics() {
    }

    /** Freqtrade's _calc_drawdown_series over trades sorted by close date (stable: ties keep the given order). */
    record DrawdownSeries(double[] cumulative, double[] high, double[] drawdown, double[] relative) {
    }

    /** Freqtrade's DrawDownResult, the two fields the losses read. */
    record MaxDrawdown(double drawdownAbs, double relativeAccountDrawdown) {
    }

    static List<TrialTrade> byCloseTime(List<TrialTrade> trades) {
        List<TrialTrade> sorted = new ArrayList<>(trades);
        sorted.sort(Comparator.comparingLong(TrialTrade::closeTime));
        return sorted;
    }

    /** calculate_underwater(value_col="profit_abs"); null when there are no trades. */
    static DrawdownSeries underwater(List<TrialTrade> trades, double startingBalance) {
        if (trades.isEmpty()) return null;
        List<TrialTrade> sorted = byCloseTime(trades);
        int n = sorted.size();
        double[] cum = new double[n], high = new double[n], dd = new double[n], rel = new double[n];
        double running = 0;
        for (int i = 0; i < n; i++) {
            running += sorted.get(i).profitAbs();
            cum[i] = running;
            // the running high starts at the first cumulative value, not at 0, as pandas cummax does
            high[i] = i == 0 ? running : Math.max(high[i - 1], running);
            dd[i] = cum[i] - high[i];
            if (startingBalance != 0) {
                double cumulativeBalance = startingBalance + cum[i];
                double maxBalance = startingBalance + high[i];
                rel[i] = (maxBalance - cumulativeBalance) / maxBalance;
            } else {
                rel[i] = (high[i] - cum[i]) / high[i];
            }
        }
        return new DrawdownSeries(cum, high, dd, rel);
    }

    /** calculate_max_drawdown(value_col="profit_abs", relative=False); null where Freqtrade raises ValueError. */
    static MaxDrawdown maxDrawdown(List<TrialTrade> trades, double startingBalance) {
        DrawdownSeries s = underwater(trades, startingBalance);
        if (s == null) return null;
        int idxmin = 0;  // first position of the minimum, as pandas idxmin
        for (int i = 1; i < s.drawdown().length; i++) if (s.drawdown()[i] < s.drawdown()[idxmin]) idxmin = i;
        if (idxmin == 0) return null;
        return new MaxDrawdown(Math.abs(s.drawdown()[idxmin]), s.relative()[idxmin]);
    }

    /** Whole days between min_date and max_date, at least 1: max(1, (max_date - min_date).days). */
    static long daysPeriod(TrialOutcome o) {
        return Math.max(1, Math.floorDiv(o.end() - o.start(), DAY_MS));
    }

    /** Freqtrade's guard: no trades or an empty range gives a ratio of 0. */
    static boolean noRatio(TrialOutcome o) {
        return o.trades().isEmpty() || o.start() == o.end();
    }

    /** calculate_sharpe. */
    static double sharpe(TrialOutcome o) {
        if (noRatio(o)) return 0;
        double[] ratios = o.trades().stream().mapToDouble(t -> t.profitAbs() / o.startingBalance()).toArray();
        double mean = sum(ratios) / daysPeriod(o);
        double std = populationStd(ratios);
        return std != 0 ? mean / std * Math.sqrt(365) : -100;
    }

    /** calculate_sortino: the deviation is over losing trades only; none or one losing trade gives -100. */
    static double sortino(TrialOutcome o) {
        if (noRatio(o)) return 0;
        double[] ratios = o.trades().stream().mapToDouble(t -> t.profitAbs() / o.startingBalance()).toArray();
        double mean = sum(ratios) / daysPeriod(o);
        double[] losing = o.trades().stream().filter(t -> t.profitAbs() < 0)
                .mapToDouble(t -> t.profitAbs() / o.startingBalance()).toArray();
        double downStd = populationStd(losing);  // NaN when there is no losing trade, as np.std([])
        return downStd != 0 && !Double.isNaN(downStd) ? mean / downStd * Math.sqrt(365) : -100;
    }

    /** calculate_calmar: daily mean return in percent over the relative account drawdown. */
    static double calmar(TrialOutcome o) {
        if (noRatio(o)) return 0;
        double totalProfit = o.totalProfitAbs() / o.startingBalance();
        double mean = totalProfit / daysPeriod(o) * 100;
        MaxDrawdown dd = maxDrawdown(o.trades(), o.startingBalance());
        double maxDrawdown = dd == null ? 0 : dd.relativeAccountDrawdown();
        return maxDrawdown != 0 ? mean / maxDrawdown * Math.sqrt(365) : -100;
    }

    /** calculate_expectancy: {expectancy, expectancy_ratio}; the ratio is 100 when there is no losing trade. */
    static double[] expectancy(List<TrialTrade> trades) {
        double expectancy = 0, ratio = 100;
        if (!trades.isEmpty()) {
            double profitSum = 0, lossSum = 0;
            int wins = 0, losses = 0;
            for (TrialTrade t : trades) {
                if (t.profitAbs() > 0) { profitSum += t.profitAbs(); wins++; }
                if (t.profitAbs() < 0) { lossSum += t.profitAbs(); losses++; }
            }
            lossSum = Math.abs(lossSum);
            double averageWin = wins > 0 ? profitSum / wins : 0;
            double averageLoss = losses > 0 ? lossSum / losses : 0;
            double winrate = (double) wins / trades.size();
            double loserate = (double) losses / trades.size();
            expectancy = winrate * averageWin - loserate * averageLoss;
            if (averageLoss > 0) ratio = (1 + averageWin / averageLoss) * winrate - 1;
        }
        return new double[]{expectancy, ratio};
    }

    /**
     * The daily series the *Daily losses use: per UTC day from min_date's day to max_date's day (both included),
     * the sum of (profit_ratio - slippagePerTrade) of the trades closing that day, 0 for days without trades.
     * Trades closing outside those days are dropped, as Freqtrade's reindex drops them.
     */
    static double[] dailyProfitRatios(TrialOutcome o, double slippagePerTrade) {
        long firstDay = Math.floorDiv(o.start(), DAY_MS);
        long lastDay = Math.floorDiv(o.end(), DAY_MS);
        long days = lastDay - firstDay + 1;
        if (days > 100_000_000L) throw new IllegalArgumentException("the trial range spans " + days + " days");
        double[] daily = new double[(int) days];
        for (TrialTrade t : o.trades()) {
            long day = Math.floorDiv(t.closeTime(), DAY_MS);
            if (day >= firstDay && day <= lastDay) daily[(int) (day - firstDay)] += t.profitRatio() - slippagePerTrade;
        }
        return daily;
    }

    static double sum(double[] values) {
        double s = 0;
        for (double v : values) s += v;
        return s;
    }

    static double mean(double[] values) { return sum(values) / values.length; }

    /** np.std (ddof=0); NaN for no values. */
    static double populationStd(double[] values) {
        if (values.length == 0) return Double.NaN;
        return Math.sqrt(sumSquaredDeviations(values) / values.length);
    }

    /** pandas Series.std (ddof=1); NaN for fewer than two values. */
    static double sampleStd(double[] values) {
        if (values.length < 2) return Double.NaN;
        return Math.sqrt(sumSquaredDeviations(values) / (values.length - 1));
    }

    private static double sumSquaredDeviations(double[] values) {
        double m = mean(values), s = 0;
        for (double v : values) s += (v - m) * (v - m);
        return s;
    }
}
