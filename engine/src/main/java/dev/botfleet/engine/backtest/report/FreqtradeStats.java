package dev.botfleet.engine.backtest.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as Freqtrade's backtest result JSON names it (the per-strategy object of
 * {@code backtest-result.json}: results_per_pair, sharpe, max_drawdown_account, periodic_breakdown, trades, …), as
 * maps and lists ready for a JSON writer. Floats are {@link BigDecimal}s of their shortest decimal (full precision);
 * undefined values are null where Freqtrade writes its sentinels (see {@link RiskRatios}). Keys about the run's
 * configuration (stoploss, minimal_roi, timeframe, …) are the caller's to add.
 */
public final class FreqtradeStats {

    private FreqtradeStats() {
    }

    public static Map<String, Object> toMap(BacktestReport report, List<ReportTrade> trades) {
        ReportSummary s = report.summary();
        ResultTables t = report.tables();
        RiskRatios r = report.ratios();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trades", FreqtradeExport.trades(trades));
        m.put("best_pair", s.bestPair() == null ? null : line(s.bestPair()));
        m.put("worst_pair", s.worstPair() == null ? null : line(s.worstPair()));
        m.put("results_per_pair", lines(t.perPair()));
        m.put("results_per_enter_tag", lines(t.perEnterTag()));
        m.put("exit_reason_summary", lines(t.perExitReason()));
        m.put("mix_tag_stats", lines(t.perMixTag()));
        m.put("left_open_trades", lines(t.leftOpen()));
        m.put("total_trades", s.totalTrades());
        m.put("trade_count_long", s.tradeCountLong());
        m.put("trade_count_short", s.tradeCountShort());
        m.put("total_volume", num(s.totalVolume()));
        m.put("avg_stake_amount", num(s.avgStakeAmount()));
        m.put("profit_mean", num(s.profitMean()));
        m.put("profit_median", num(s.profitMedian()));
        m.put("profit_total", num(s.profitTotal()));
        m.put("profit_total_long", num(s.profitTotalLong()));
        m.put("profit_total_short", num(s.profitTotalShort()));
        m.put("profit_total_abs", num(s.profitTotalAbs()));
        m.put("profit_total_long_abs", num(s.profitTotalLongAbs()));
        m.put("profit_total_short_abs", num(s.profitTotalShortAbs()));
        m.put("cagr", num(r.cagr()));
        m.put("expectancy", num(r.expectancy()));
        m.put("expectancy_ratio", num(r.expectancyRatio()));
        m.put("sortino", num(r.sortino()));
        m.put("sharpe", num(r.sharpe()));
        m.put("calmar", num(r.calmar()));
        m.put("sqn", num(r.sqn()));
        m.put("profit_factor", num(r.profitFactor()));
        m.put("backtest_start", PyFormat.date(s.backtestStart()));
        m.put("backtest_start_ts", s.backtestStart());
        m.put("backtest_end", PyFormat.date(s.backtestEnd()));
        m.put("backtest_end_ts", s.backtestEnd());
        m.put("backtest_days", s.backtestDays());
        m.put("trades_per_day", num(s.tradesPerDay()));
        m.put("market_change", num(s.marketChange()));
        m.put("pairlist", s.pairlist());
        m.put("stake_currency", s.stakeCurrency());
        m.put("stake_currency_decimals", PyFormat.decimalsPerCoin(s.stakeCurrency()));
        m.put("starting_balance", num(s.startingBalance()));
        m.put("dry_run_wallet", num(s.startingBalance()));
        m.put("final_balance", num(s.finalBalance()));
        m.put("max_open_trades", s.maxOpenTrades());
        m.put("max_open_trades_setting", s.maxOpenTradesSetting());
        m.put("periodic_breakdown", periodic(report));
        putDaily(m, report.dailyStats());
        putTrading(m, report.tradingStats());
        putDrawdown(m, report.drawdown());
        return Collections.unmodifiableMap(m);
    }

    /** One result-table row with Freqtrade's keys (the mixed table's key is the [enter_tag, exit_reason] list). */
    public static Map<String, Object> line(ResultLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", l.keyParts().size() == 1 ? l.key() : l.keyParts());
        m.put("trades", l.trades());
        m.put("profit_mean", num(l.profitMean()));
        m.put("profit_mean_pct", num(l.profitMeanPct()));
        m.put("profit_sum", num(l.profitSum()));
        m.put("profit_sum_pct", num(l.profitSumPct()));
        m.put("profit_total_abs", num(l.profitTotalAbs()));
        m.put("profit_total", num(l.profitTotal()));
        m.put("profit_total_pct", num(l.profitTotalPct()));
        m.put("duration_avg", l.durationAvg());
        m.put("wins", l.wins());
        m.put("draws", l.draws());
        m.put("losses", l.losses());
        m.put("winrate", num(l.winrate()));
        return Collections.unmodifiableMap(m);
    }

    private static List<Map<String, Object>> lines(List<ResultLine> rows) {
        return rows.stream().map(FreqtradeStats::line).toList();
    }

    private static Map<String, Object> periodic(BacktestReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Period p : Period.values()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PeriodStats b : report.breakdown(p)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("date", b.date());
                row.put("date_ts", b.dateTs());
                row.put("profit_abs", num(b.profitAbs()));
                row.put("wins", b.wins());
                row.put("draws", b.draws());
                row.put("loses", b.losses()); // sic: Freqtrade's key
                row.put("winrate", num(b.winrate()));
                rows.add(Collections.unmodifiableMap(row));
            }
            m.put(p.freqtradeName(), List.copyOf(rows));
        }
        return Collections.unmodifiableMap(m);
    }

    private static void putDaily(Map<String, Object> m, DailyStats d) {
        m.put("backtest_best_day", num(d.bestDay()));
        m.put("backtest_worst_day", num(d.worstDay()));
        m.put("backtest_best_day_abs", num(d.bestDayAbs()));
        m.put("backtest_worst_day_abs", num(d.worstDayAbs()));
        m.put("winning_days", d.winningDays());
        m.put("draw_days", d.drawDays());
        m.put("losing_days", d.losingDays());
        m.put("daily_profit", d.dailyProfit().stream()
                .map(p -> List.<Object>of(p.day().toString(), num(p.profitAbs()))).toList());
    }

    private static void putTrading(Map<String, Object> m, TradingStats t) {
        m.put("wins", t.wins());
        m.put("losses", t.losses());
        m.put("draws", t.draws());
        m.put("winrate", num(t.winrate()));
        m.put("holding_avg", t.holdingAvg());
        m.put("holding_avg_s", t.holdingAvgMinutes() * 60);
        m.put("winner_holding_avg", t.winnerHoldingAvg());
        m.put("winner_holding_avg_s", t.winnerHoldingAvgMinutes() * 60);
        m.put("loser_holding_avg", t.loserHoldingAvg());
        m.put("loser_holding_avg_s", t.loserHoldingAvgMinutes() * 60);
        m.put("max_consecutive_wins", t.maxConsecutiveWins());
        m.put("max_consecutive_losses", t.maxConsecutiveLosses());
    }

    private static void putDrawdown(Map<String, Object> m, Drawdown d) {
        m.put("max_drawdown_account", num(d.maxDrawdownAccount()));
        m.put("max_relative_drawdown", num(d.maxRelativeDrawdown()));
        m.put("max_drawdown_abs", num(d.maxDrawdownAbs()));
        m.put("drawdown_start", d.start() == null ? null : PyFormat.date(d.start()));
        m.put("drawdown_start_ts", d.start());
        m.put("drawdown_end", d.end() == null ? null : PyFormat.date(d.end()));
        m.put("drawdown_end_ts", d.end());
        m.put("drawdown_duration_minutes", d.durationMinutes());
        m.put("max_drawdown_low", num(d.low()));
        m.put("max_drawdown_high", num(d.high()));
        m.put("csum_min", num(d.csumMin()));
        m.put("csum_max", num(d.csumMax()));
    }

    private static BigDecimal num(Double value) {
        return value == null ? null : PyMath.exact(value);
    }
}
