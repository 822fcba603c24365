package dev.botfleet.server.backtest.portfolio;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.botfleet.engine.backtest.freqtrade.PortfolioResult;
import dev.botfleet.engine.backtest.freqtrade.protections.Lock;
import dev.botfleet.engine.backtest.report.BacktestReport;
import dev.botfleet.engine.backtest.report.FreqtradeExport;
import dev.botfleet.engine.backtest.report.ReportText;
import dev.botfleet.engine.backtest.report.ReportTrade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a config-driven multi-pair run produced, typed for the text and HTML reports and written as JSON in the shape
 * docs/backtest-results.md describes ({@link #toJson}).
 *
 * @param trades    closed trades in closing order, as the report reads them
 * @param locks     every protection lock set (empty when protections are off)
 * @param result    the engine's counters and final wallet
 * @param equity    wallet + open trades per candle, and the drawdown from its peak
 * @param notes     what the run decided for keys the config left open (defaults, precision)
 * @param warnings  what the strategy's signal recording reported, each prefixed with its pair
 */
public record PortfolioRunResult(String strategy, String timeframe, BacktestReport report, List<ReportTrade> trades,
                                 List<Lock> locks, PortfolioResult result, EquityCurve equity, List<String> notes,
                                 List<String> warnings) {

    public PortfolioRunResult {
        trades = List.copyOf(trades);
        locks = List.copyOf(locks);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /** Freqtrade's backtest tables, as its command line prints them. */
    public String text() {
        return ReportText.render(report);
    }

    @JsonValue
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy", strategy);
        m.put("timeframe", timeframe);
        m.put("report", report);
        m.put("trades", FreqtradeExport.trades(trades));
        m.put("locks", locks.stream().map(PortfolioRunResult::lock).toList());
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("rejectedSignals", result.rejectedSignals());
        counters.put("timedOutEntryOrders", result.timedOutEntryOrders());
        counters.put("timedOutExitOrders", result.timedOutExitOrders());
        counters.put("canceledEntryOrders", result.canceledEntryOrders());
        counters.put("replacedEntryOrders", result.replacedEntryOrders());
        counters.put("canceledTradeEntries", result.canceledTradeEntries());
        m.put("counters", counters);
        m.put("finalWallet", result.finalWallet());
        m.put("equity", points(equity.time(), equity.equity(), null));
        m.put("drawdown", points(equity.time(), equity.drawdown(), equity.drawdownAbs()));
        m.put("notes", notes);
        m.put("warnings", warnings);
        return m;
    }

    private static Map<String, Object> lock(Lock l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pair", l.pair());
        m.put("lock_time", FreqtradeExport.date(l.from()));
        m.put("lock_end_time", FreqtradeExport.date(l.until()));
        m.put("lock_timestamp", l.from());
        m.put("lock_end_timestamp", l.until());
        m.put("reason", l.reason());
        m.put("side", l.side());
        return m;
    }

    /** [{time, value}] or, with {@code abs}, [{time, value, abs}]: compact rows for charts. */
    private static List<Map<String, Object>> points(long[] time, double[] value, double[] abs) {
        List<Map<String, Object>> rows = new ArrayList<>(time.length);
        for (int i = 0; i < time.length; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("time", time[i]);
            p.put("value", value[i]);
            if (abs != null) p.put("abs", abs[i]);
            rows.add(p);
        }
        return rows;
    }
}
