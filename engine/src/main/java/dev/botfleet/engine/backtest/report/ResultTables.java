package dev.botfleet.engine.backtest.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Freqtrade's result tables, each sorted by total profit (highest first; equal totals keep their order) and ending
 * with the TOTAL row over all the table's trades.
 *
 * @param perPair       every pair of the pair list, traded or not (generate_pair_metrics)
 * @param perEnterTag   one row per enter tag; trades without a tag only count in TOTAL (pandas' groupby drops
 *                      missing keys); rows in tag order before the profit sort
 * @param perExitReason one row per exit reason (exit_reason_summary)
 * @param perMixTag     one row per (enter tag, exit reason), trades without an enter tag left out (mix_tag_stats)
 * @param leftOpen      the force-exited trades per pair, only pairs that have one, then TOTAL (left_open_trades)
 */
public record ResultTables(List<ResultLine> perPair, List<ResultLine> perEnterTag, List<ResultLine> perExitReason,
                           List<ResultLine> perMixTag, List<ResultLine> leftOpen) {

    static final String TOTAL = "TOTAL";
    static final String FORCE_EXIT = "force_exit";

    public ResultTables {
        perPair = List.copyOf(perPair);
        perEnterTag = List.copyOf(perEnterTag);
        perExitReason = List.copyOf(perExitReason);
        perMixTag = List.copyOf(perMixTag);
        leftOpen = List.copyOf(leftOpen);
    }

    static ResultTables of(List<String> pairs, List<ReportTrade> trades, double balance) {
        List<ReportTrade> forced = trades.stream().filter(t -> FORCE_EXIT.equals(t.exitReason())).toList();
        return new ResultTables(
                pairTable(pairs, trades, balance, false),
                groupedTable(trades, t -> t.enterTag() == null ? null : List.of(t.enterTag()), balance),
                groupedTable(trades, t -> List.of(t.exitReason()), balance),
                groupedTable(trades, t -> t.enterTag() == null ? null : List.of(t.enterTag(), t.exitReason()),
                        balance),
                pairTable(pairs, forced, balance, true));
    }

    /** The TOTAL row of the per-pair table. */
    public ResultLine total() {
        return perPair.getLast();
    }

    private static List<ResultLine> pairTable(List<String> pairs, List<ReportTrade> trades, double balance,
                                              boolean skipEmpty) {
        List<ResultLine> rows = new ArrayList<>();
        for (String pair : pairs) {
            List<ReportTrade> ofPair = trades.stream().filter(t -> t.pair().equals(pair)).toList();
            // Freqtrade's skip_nan drops pairs whose profit column is all NaN, which an empty selection is.
            if (skipEmpty && ofPair.isEmpty()) {
                continue;
            }
            rows.add(ResultLine.of(List.of(pair), ofPair, balance));
        }
        return sortedWithTotal(rows, trades, balance);
    }

    /** A trade whose key function returns null has no group (pandas drops None keys) but counts in TOTAL. */
    private static List<ResultLine> groupedTable(List<ReportTrade> trades, Function<ReportTrade, List<String>> key,
                                                 double balance) {
        Map<List<String>, List<ReportTrade>> groups = new TreeMap<>(ResultTables::compareKeys);
        for (ReportTrade t : trades) {
            List<String> k = key.apply(t);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
            }
        }
        List<ResultLine> rows = new ArrayList<>();
        groups.forEach((k, group) -> rows.add(ResultLine.of(k, group, balance)));
        return sortedWithTotal(rows, trades, balance);
    }

    private static List<ResultLine> sortedWithTotal(List<ResultLine> rows, List<ReportTrade> all, double balance) {
        List<ResultLine> sorted = new ArrayList<>(rows);
        // List.sort is stable, like Python's sorted: equal totals keep the pair-list / key order.
        sorted.sort(Comparator.comparingDouble(ResultLine::profitTotalAbs).reversed());
        sorted.add(ResultLine.of(List.of(TOTAL), all, balance));
        return sorted;
    }

    /** Tuples compare element by element, like Python's sorted group keys (code-point order for strings). */
    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Objects.compare(a.get(i), b.get(i), String::compareTo);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
