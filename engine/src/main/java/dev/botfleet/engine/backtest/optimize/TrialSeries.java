package dev.botfleet.engine.backtest.optimize;

import dev.botfleet.engine.backtest.report.FreqtradeMetrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A trial's trades as the columns Freqtrade's metrics read ({@link FreqtradeMetrics}, shared with the report), plus
 * the daily series only the *Daily losses use. Where Freqtrade returns a sentinel, the losses' side of it is here.
 */
final class TrialSeries {
    static final long DAY_MS = 86_400_000L;
    /** Freqtrade's ratio when the deviation (or drawdown) is 0 or undefined. */
    static final double NO_DEVIATION = -100;

    private TrialSeries() {
    }

    /** profit_abs in trade order. */
    static double[] profitAbs(TrialOutcome o) {
        return o.trades().stream().mapToDouble(TrialTrade::profitAbs).toArray();
    }

    /** profit_abs sorted by close time (stable: ties keep the given order), as Freqtrade sorts for the drawdown. */
    static double[] profitAbsByClose(TrialOutcome o) {
        List<TrialTrade> sorted = new ArrayList<>(o.trades());
        sorted.sort(Comparator.comparingLong(TrialTrade::closeTime));
        return sorted.stream().mapToDouble(TrialTrade::profitAbs).toArray();
    }

    static boolean measurable(TrialOutcome o) {
        return FreqtradeMetrics.measurable(o.trades().size(), o.start(), o.end());
    }

    /** calculate_sharpe with Freqtrade's sentinels: 0 when not measurable, −100 for a zero deviation. */
    static double sharpe(TrialOutcome o) {
        if (!measurable(o)) return 0;
        Double r = FreqtradeMetrics.sharpe(profitAbs(o), o.startingBalance(), o.start(), o.end());
        return r != null ? r : NO_DEVIATION;
    }

    /** calculate_sortino with Freqtrade's sentinels (−100 also without losing trades). */
    static double sortino(TrialOutcome o) {
        if (!measurable(o)) return 0;
        Double r = FreqtradeMetrics.sortino(profitAbs(o), o.startingBalance(), o.start(), o.end());
        return r != null ? r : NO_DEVIATION;
    }

    /** calculate_calmar with Freqtrade's sentinels (−100 without a drawdown). */
    static double calmar(TrialOutcome o) {
        if (!measurable(o)) return 0;
        double drawdown = FreqtradeMetrics.maxDrawdownAccount(profitAbsByClose(o), o.startingBalance());
        Double r = FreqtradeMetrics.calmar(profitAbs(o), o.startingBalance(), o.start(), o.end(), drawdown);
        return r != null ? r : NO_DEVIATION;
    }

    /** calculate_expectancy's ratio with Freqtrade's sentinel: 100 without trades or without losing trades. */
    static double expectancyRatio(TrialOutcome o) {
        FreqtradeMetrics.Expectancy e = FreqtradeMetrics.expectancy(profitAbs(o));
        return e == null || e.ratio() == null ? 100 : e.ratio();
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

    static double mean(double[] values) {
        double s = 0;
        for (double v : values) s += v;
        return s / values.length;
    }

    /** pandas Series.std (ddof=1) summed left to right; NaN for fewer than two values. */
    static double sampleStd(double[] values) {
        if (values.length < 2) return Double.NaN;
        double m = mean(values), s = 0;
        for (double v : values) s += (v - m) * (v - m);
        return Math.sqrt(s / (values.length - 1));
    }
}
