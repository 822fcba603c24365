package dev.botfleet.server.backtest.config;

import dev.botfleet.server.backtest.StrategySource;

import java.util.Map;

/** Everything a config-driven run needs, checked: what {@link PortfolioBacktests#run} is called with. */
public record ConfigRun(FreqtradeConfig config, StrategySource strategy, Map<String, Object> params, LoadedPairs pairs) {
}
