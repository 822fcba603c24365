package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.BacktestProgress;
import dev.botfleet.server.backtest.config.FreqtradeConfig;
import dev.botfleet.server.backtest.config.LoadedPairs;
import dev.botfleet.server.backtest.config.PortfolioBacktests;

import java.util.Map;

/** Test double of the portfolio run: records what it was called with and answers a fixed report. */
final class RecordingPortfolioBacktests implements PortfolioBacktests {
    FreqtradeConfig config;
    LoadedPairs pairs;
    StrategySource strategy;
    Map<String, Object> params;
    int calls;
    String failure;

    @Override
    public PortfolioOutcome run(FreqtradeConfig config, LoadedPairs pairs, StrategySource strategy,
                                Map<String, Object> params, BacktestProgress progress) {
        this.config = config;
        this.pairs = pairs;
        this.strategy = strategy;
        this.params = params;
        calls++;
        progress.onProgress(1, 1);
        return new PortfolioOutcome(Map.of("trades", 0, "pairs", pairs.pairs().size()), failure);
    }
}
