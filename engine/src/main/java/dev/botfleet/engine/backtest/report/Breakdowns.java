package dev.botfleet.engine.backtest.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups trades by the calendar bucket of their close time (Freqtrade resamples on close_date). */
final class Breakdowns {

    private static final DateTimeFormatter FREQTRADE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Breakdowns() {
    }

    /**
     * Every bucket from the first close to the last, in order, empty buckets included, each with its trades in
     * close order. {@code trades} must already be sorted by close time (pandas sorts stably before resampling).
     */
    static Map<LocalDate, List<ReportTrade>> buckets(List<ReportTrade> byClose, Period period, ZoneId zone) {
        Map<LocalDate, List<ReportTrade>> buckets = new LinkedHashMap<>();
        if (byClose.isEmpty()) {
            return buckets;
        }
        LocalDate last = period.label(byClose.getLast().closeTime(), zone);
        for (LocalDate d = period.label(byClose.getFirst().closeTime(), zone); !d.isAfter(last); d = period.next(d)) {
            buckets.put(d, new ArrayList<>());
        }
        for (ReportTrade t : byClose) {
            buckets.get(period.label(t.closeTime(), zone)).add(t);
        }
        return buckets;
    }

    /** Freqtrade's generate_periodic_breakdown_stats. */
    static List<PeriodStats> periodic(List<ReportTrade> byClose, Period period, ZoneId zone) {
        List<PeriodStats> stats = new ArrayList<>();
        buckets(byClose, period, zone).forEach((label, trades) -> {
            int wins = 0;
            int draws = 0;
            int losses = 0;
            for (ReportTrade t : trades) {
                if (t.profitAbs() > 0) {
                    wins++;
                } else if (t.profitAbs() == 0) {
                    draws++;
                } else {
                    losses++;
                }
            }
            int n = wins + draws + losses;
            stats.add(new PeriodStats(label, label.format(FREQTRADE_DATE),
                    label.atStartOfDay(zone).toInstant().toEpochMilli(),
                    PyMath.numpyRound(PyMath.sum(profits(trades, false)), 10), wins, draws, losses,
                    n > 0 ? (double) wins / n : 0.0));
        });
        return stats;
    }

    /** Freqtrade's generate_daily_stats. */
    static DailyStats daily(List<ReportTrade> byClose, ZoneId zone) {
        Map<LocalDate, List<ReportTrade>> days = buckets(byClose, Period.DAY, zone);
        if (days.isEmpty()) {
            return new DailyStats(null, null, null, null, 0, 0, 0, List.of());
        }
        double bestRel = Double.NEGATIVE_INFINITY;
        double worstRel = Double.POSITIVE_INFINITY;
        double best = Double.NEGATIVE_INFINITY;
        double worst = Double.POSITIVE_INFINITY;
        int winning = 0;
        int draw = 0;
        int losing = 0;
        List<DailyStats.DayProfit> list = new ArrayList<>();
        for (Map.Entry<LocalDate, List<ReportTrade>> day : days.entrySet()) {
            double rel = PyMath.sum(profits(day.getValue(), true));
            double abs = PyMath.numpyRound(PyMath.sum(profits(day.getValue(), false)), 10);
            bestRel = Math.max(bestRel, rel);
            worstRel = Math.min(worstRel, rel);
            best = Math.max(best, abs);
            worst = Math.min(worst, abs);
            if (abs > 0) {
                winning++;
            } else if (abs == 0) {
                draw++;
            } else {
                losing++;
            }
            list.add(new DailyStats.DayProfit(day.getKey(), abs));
        }
        return new DailyStats(bestRel, worstRel, best, worst, winning, draw, losing, list);
    }

    static double[] profits(List<ReportTrade> trades, boolean ratio) {
        double[] values = new double[trades.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ratio ? trades.get(i).profitRatio() : trades.get(i).profitAbs();
        }
        return values;
    }
}
