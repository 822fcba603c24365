package dev.botfleet.engine.backtest.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything Freqtrade 2024.10's backtest report shows, computed by {@link FreqtradeReport#compute}. Undefined
 * values are null, never NaN or infinite.
 *
 * @param periodicBreakdown day, week and month buckets (see {@link Period}); empty lists without trades
 */
public record BacktestReport(ReportSummary summary, ResultTables tables, RiskRatios ratios, Drawdown drawdown,
                             TradingStats tradingStats, DailyStats dailyStats,
                             Map<Period, List<PeriodStats>> periodicBreakdown) {

    public BacktestReport {
        periodicBreakdown = java.util.Collections.unmodifiableMap(new EnumMap<>(periodicBreakdown));
    }

    public List<PeriodStats> breakdown(Period period) {
        return periodicBreakdown.get(period);
    }
}
