package dev.botfleet.server.backtest;

import java.util.Map;

/**
 * Body of POST /backtests. Strings and plain objects (not enums or BigDecimal) so that a wrong value gets our message
 * naming the field; decimals may be JSON numbers or strings.
 *
 * @param dataset an id from GET /backtests/datasets, e.g. "LTC_BTC-5m"
 */
public record BacktestRequest(String strategy, String dataset, Map<String, Object> params, String fillModel,
                              Object fee, Object balance, Object slippageTicks, Object stoploss) {
}
