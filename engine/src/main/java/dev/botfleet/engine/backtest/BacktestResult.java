package dev.botfleet.engine.backtest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What one backtest produced.
 *
 * @param finalBalances every asset of the account after the last candle (open orders canceled, the position kept)
 * @param openPosition  the position still open after the last candle, marked at its close; null when flat
 * @param stopReason    why the strategy stopped before the data ended (done or failed), or null
 * @param failed        true when the strategy threw: the run stopped there and its numbers cover the candles before
 * @param warnings      the first denied or rejected orders and strategy errors of the run
 */
public record BacktestResult(String strategy, FillModel fillModel, int candles, List<BacktestTrade> trades,
                             EquityCurve equity, Metrics metrics, Map<String, BigDecimal> finalBalances,
                             OpenPosition openPosition, String stopReason, boolean failed, List<String> warnings) {
    public BacktestResult {
        trades = List.copyOf(trades);
        finalBalances = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(finalBalances));
        warnings = List.copyOf(warnings);
    }
}
