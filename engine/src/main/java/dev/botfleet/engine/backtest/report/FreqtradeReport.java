package dev.botfleet.engine.backtest.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Freqtrade's backtest report (freqtrade/optimize/optimize_reports, version 2024.10) over a list of closed trades,
 * with its exact formulas and float arithmetic (see {@link PyMath}). Differences, all deliberate and documented on
 * the records: undefined values are null instead of Freqtrade's sentinels, buckets use {@link ReportInput#zone()}
 * (Freqtrade: UTC), and SQN is added.
 */
public final class FreqtradeReport {

    private FreqtradeReport() {
    }

    public static BacktestReport compute(ReportInput in) {
        List<ReportTrade> trades = in.trades();
        // pandas sorts by close_date before the drawdown and the resampling; a stable sort keeps ties in result order.
        List<ReportTrade> byClose = new ArrayList<>(trades);
        byClose.sort(Comparator.comparingLong(ReportTrade::closeTime));
        List<String> pairs = List.copyOf(in.closesByPair().keySet());
        double balance = in.startingBalance();

        ResultTables tables = ResultTables.of(pairs, trades, balance);
        double finalBalance = balance + sequentialSum(trades);
        Drawdown drawdown = Drawdown.of(byClose, trades, balance);
        RiskRatios ratios = RiskRatios.of(trades, in.start(), in.end(), balance, finalBalance,
                drawdown.maxDrawdownAccount());
        Map<Period, List<PeriodStats>> periodic = new EnumMap<>(Period.class);
        for (Period p : Period.values()) {
            periodic.put(p, Breakdowns.periodic(byClose, p, in.zone()));
        }
        return new BacktestReport(summary(in, tables, finalBalance), tables, ratios, drawdown,
                TradingStats.of(trades), Breakdowns.daily(byClose, in.zone()), periodic);
    }

    private static ReportSummary summary(ReportInput in, ResultTables tables, double finalBalance) {
        List<ReportTrade> trades = in.trades();
        double balance = in.startingBalance();
        int n = trades.size();
        long days = Math.floorDiv(in.end() - in.start(), 86_400_000L);
        long backtestDays = days == 0 ? 1 : days;
        int pairCount = in.closesByPair().size();
        int maxOpen = in.maxOpenTrades() == -1 ? pairCount : Math.min(in.maxOpenTrades(), pairCount);
        List<ReportTrade> longs = trades.stream().filter(t -> !t.isShort()).toList();
        List<ReportTrade> shorts = trades.stream().filter(ReportTrade::isShort).toList();
        double[] stakes = trades.stream().mapToDouble(ReportTrade::stakeAmount).toArray();
        double[] ratios = Breakdowns.profits(trades, true);
        double totalAbs = PyMath.sum(Breakdowns.profits(trades, false));
        double longAbs = PyMath.sum(Breakdowns.profits(longs, false));
        double shortAbs = PyMath.sum(Breakdowns.profits(shorts, false));
        List<ResultLine> pairRows = tables.perPair().subList(0, tables.perPair().size() - 1);
        return new ReportSummary(List.copyOf(in.closesByPair().keySet()), in.stakeCurrency(), balance, finalBalance,
                in.start(), in.end(), backtestDays, maxOpen, in.maxOpenTrades(), n, longs.size(), shorts.size(),
                PyMath.round((double) n / backtestDays, 2), PyMath.sum(stakes), PyMath.mean(stakes),
                PyMath.mean(ratios), PyMath.median(ratios), totalAbs / balance, longAbs / balance,
                shortAbs / balance, totalAbs, longAbs, shortAbs, MarketChange.of(in.closesByPair()),
                extreme(pairRows, Comparator.comparingDouble(ResultLine::profitSum)),
                extreme(pairRows, Comparator.comparingDouble(ResultLine::profitSum).reversed()),
                extreme(trades, Comparator.comparingDouble(ReportTrade::profitRatio)),
                extreme(trades, Comparator.comparingDouble(ReportTrade::profitRatio).reversed()));
    }

    /** The first element that no later element beats (Python's max with a key), or null for none. */
    private static <T> T extreme(List<T> items, Comparator<T> order) {
        T best = null;
        for (T item : items) {
            if (best == null || order.compare(item, best) > 0) {
                best = item;
            }
        }
        return best;
    }

    /** Python's built-in sum (left to right), which Freqtrade's wallet uses for the closed profit. */
    private static double sequentialSum(List<ReportTrade> trades) {
        double sum = 0;
        for (ReportTrade t : trades) {
            sum += t.profitAbs();
        }
        return sum;
    }
}
