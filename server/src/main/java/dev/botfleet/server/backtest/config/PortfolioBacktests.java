package dev.botfleet.server.backtest.config;

import dev.botfleet.engine.backtest.BacktestProgress;
import dev.botfleet.engine.backtest.signals.SignalCache;
import dev.botfleet.server.backtest.StrategySource;

import java.util.Map;

/**
 * Runs a multi-pair Freqtrade-style backtest of a checked configuration: the seam between the configuration surface
 * (command line, REST) and the engine's portfolio loop. The command line and the REST service only call this.
 */
@FunctionalInterface
public interface PortfolioBacktests {
    /**
     * @param config   checked, with command-line / request overrides applied
     * @param pairs    each pair's candles, warm-up first ({@link LoadedPairs#startupCandles()} rows to drop after
     *                 indicators), in the visiting order
     * @param strategy the catalog strategy
     * @param params   the strategy's parameters, validated by {@code strategy.configure(params)} and with the data's
     *                 timeframe filled in ({@code StrategySource.forData})
     * @param progress told how far the run got
     * @throws IllegalArgumentException for a combination only the run can see (named, shown to the user as is)
     */
    PortfolioOutcome run(FreqtradeConfig config, LoadedPairs pairs, StrategySource strategy, Map<String, Object> params,
                         BacktestProgress progress);

    /**
     * The same run, taking each pair's recorded signals from {@code signals} when it has them: the many runs of one
     * optimisation record a pair once per strategy parameter set. Runs that record nothing ignore it.
     */
    default PortfolioOutcome run(FreqtradeConfig config, LoadedPairs pairs, StrategySource strategy,
                                 Map<String, Object> params, BacktestProgress progress, SignalCache signals) {
        return run(config, pairs, strategy, params, progress);
    }

    /**
     * @param report  the result as JSON-serialisable values (maps, lists, records): stored with the run and written
     *                to result.json
     * @param failure null on success; otherwise why the strategy stopped the run (exit code 1, status FAILED)
     */
    record PortfolioOutcome(Object report, String failure) {
    }
}
