package dev.botfleet.server.backtest.config;

import dev.botfleet.engine.data.Timeframes;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.server.backtest.StrategyResolver;
import dev.botfleet.server.backtest.StrategySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * From a parsed config tree to a {@link ConfigRun}: parses the configuration, resolves the catalog strategy, checks
 * its parameters ({@code strategy_params}) and loads the pairs. Shared by the command line and POST /backtests so both
 * refuse the same things in the same words; every problem carries the config path it belongs to.
 */
public final class ConfigRunResolver {
    private ConfigRunResolver() {
    }

    /**
     * @param files where the pairs' candles are, given the checked config (its {@code datadir})
     * @throws FreqtradeConfigException every problem, by config path ({@code strategy_params.<name>} for parameters,
     *                                  {@code exchange.pair_whitelist} for pairs whose data is missing)
     */
    public static ConfigRun resolve(JsonNode root, String source, StrategyResolver strategies,
                                    Function<FreqtradeConfig, CandleFiles> files) {
        FreqtradeConfig config = FreqtradeConfigParser.parse(root, source);
        List<ConfigProblem> problems = new ArrayList<>();
        StrategySource strategy = null;
        if (config.strategy() == null || config.strategy().isBlank()) {
            problems.add(new ConfigProblem("strategy", "is required: a botfleet catalog strategy id"));
        } else {
            try {
                strategy = strategies.resolve(config.strategy());
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem("strategy", e.getMessage().replaceFirst("^--strategy: ", "")));
            }
        }
        Timeframe timeframe = null;
        if (config.timeframe() == null) {
            problems.add(new ConfigProblem("timeframe", "is required: the candle width of the data files, e.g. \"5m\""
                    + " (Freqtrade takes it from the strategy; botfleet's catalog strategies do not fix one)"));
        } else {
            timeframe = Timeframes.parse(config.timeframe());
        }
        Map<String, Object> params = null;
        if (strategy != null && timeframe != null) {
            try {
                params = strategy.forData(config.strategyParams(), timeframe);
                strategy.configure(params);
            } catch (StrategySource.InvalidParameters e) {
                for (ParameterViolation v : e.violations()) {
                    problems.add(new ConfigProblem("strategy_params." + v.field(), v.message()));
                }
            }
        }
        CandleFiles where = timeframe == null ? null : files.apply(config);
        if (timeframe != null && where == null) {
            problems.add(new ConfigProblem("datadir", "is required: the directory with the pairs' candle files"
                    + " (Freqtrade's user_data/data/<exchange>)"));
        }
        LoadedPairs pairs = null;
        if (where != null) {
            try {
                int startup = config.startupCandleCount() == null ? 0 : config.startupCandleCount();
                pairs = PairDataLoader.load(config.pairs(), timeframe, config.timerange(), startup,
                        config.tradingMode() == FreqtradeConfig.TradingMode.FUTURES, where);
            } catch (PairDataLoader.PairDataException e) {
                for (String p : e.problems()) problems.add(new ConfigProblem("exchange.pair_whitelist", p));
            }
        }
        if (!problems.isEmpty()) throw new FreqtradeConfigException(source, problems);
        return new ConfigRun(config, strategy, params, pairs);
    }
}
