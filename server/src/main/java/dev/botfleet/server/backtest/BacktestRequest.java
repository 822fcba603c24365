package dev.botfleet.server.backtest;

import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Body of POST /backtests. Strings and plain objects (not enums or BigDecimal) so that a wrong value gets our message
 * naming the field; decimals may be JSON numbers or strings.
 *
 * @param dataset an id from GET /backtests/datasets, e.g. "LTC_BTC-5m"
 * @param leverage set: the market is backtested as a linear perpetual at this leverage (shorts, margin, funding)
 * @param fundingRates a perpetual run's funding-rate history: CSV {@code time,rate} lines or Freqtrade's
 *                     funding_rate JSON, as text
 * @param config a Freqtrade config.json object: a multi-pair run over the shipped datasets. Then {@code strategy}
 *               (if given) overrides the config's "strategy" and {@code params} its "strategy_params"; the
 *               single-symbol fields (dataset, fillModel, fee, ...) must be left out: the config states them
 * @param sweep {ranges: {param: "from:to:step" or [values]}, search: grid|random, samples, seed, metric}: the run
 *              backtests every combination and answers their ranking instead of one report (SweepRequests)
 * @param walkForward {folds, inSample}: with {@code sweep}, a walk-forward analysis over consecutive folds
 */
public record BacktestRequest(String strategy, String dataset, Map<String, Object> params, String fillModel,
                              Object fee, Object balance, Object slippageTicks, Object stoploss, Object leverage,
                              String fundingRates, JsonNode config, JsonNode sweep, JsonNode walkForward) {

    public BacktestRequest(String strategy, String dataset, Map<String, Object> params, String fillModel,
                           Object fee, Object balance, Object slippageTicks, Object stoploss, Object leverage,
                           String fundingRates, JsonNode config) {
        this(strategy, dataset, params, fillModel, fee, balance, slippageTicks, stoploss, leverage, fundingRates, config,
                null, null);
    }

    public BacktestRequest(String strategy, String dataset, Map<String, Object> params, String fillModel,
                           Object fee, Object balance, Object slippageTicks, Object stoploss, Object leverage,
                           String fundingRates) {
        this(strategy, dataset, params, fillModel, fee, balance, slippageTicks, stoploss, leverage, fundingRates, null);
    }

    public BacktestRequest(String strategy, String dataset, Map<String, Object> params, String fillModel, Object fee,
                           Object balance, Object slippageTicks, Object stoploss) {
        this(strategy, dataset, params, fillModel, fee, balance, slippageTicks, stoploss, null, null);
    }
}
