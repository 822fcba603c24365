package dev.botfleet.server.backtest.hyperopt;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Body of POST /api/v1/hyperopts. Plain types so a wrong value gets our message naming the field.
 *
 * @param config      a Freqtrade config.json object over the shipped datasets (as POST /backtests takes it)
 * @param strategy    overrides the config's "strategy"
 * @param params      overrides (pins) values of the config's "strategy_params"
 * @param spaces      roi, stoploss, trailing, params (or all, default)
 * @param paramRanges narrows the params space: {@code name -> "lo:hi"} or {@code "a,b,c"}; only these are searched
 * @param loss        a Freqtrade loss class name; default SharpeHyperOptLoss
 * @param epochs      default 100, at most {@code botfleet.hyperopt.max-epochs}
 * @param sampler     tpe (default), random or grid
 * @param seed        default 0
 * @param minTrades   Freqtrade's hyperopt_min_trades, default 1
 */
public record HyperoptRequest(JsonNode config, String strategy, Map<String, Object> params, List<String> spaces,
                              Map<String, String> paramRanges, String loss, Integer epochs, String sampler, Long seed,
                              Integer minTrades) {
}
