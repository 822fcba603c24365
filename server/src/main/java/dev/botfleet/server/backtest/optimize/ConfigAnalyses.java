package dev.botfleet.server.backtest.optimize;

import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.analysis.LookaheadAnalysis;
import dev.botfleet.engine.backtest.analysis.LookaheadResult;
import dev.botfleet.engine.backtest.analysis.RecursiveAnalysis;
import dev.botfleet.engine.backtest.analysis.RecursiveResult;
import dev.botfleet.server.backtest.config.ConfigRun;
import dev.botfleet.server.backtest.config.LoadedPairs;
import dev.botfleet.server.backtest.portfolio.EnginePortfolioBacktests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Freqtrade's lookahead-analysis and recursive-analysis over every pair of a checked config: the engine's analyses
 * look at one candle series, so each pair is analysed on its own candles (warm-up included) and reported in a row
 * of its own, in the whitelist order.
 */
public final class ConfigAnalyses {
    private ConfigAnalyses() {
    }

    public static Map<String, LookaheadResult> lookahead(ConfigRun run, int targetTrades) {
        if (targetTrades < 1) throw new IllegalArgumentException("targeted_trade_amount: must be at least 1, was " + targetTrades);
        Map<String, LookaheadResult> out = new LinkedHashMap<>();
        for (LoadedPairs.Pair p : run.pairs().pairs()) out.put(p.pair(), LookaheadAnalysis.run(spec(run, p), targetTrades));
        return out;
    }

    public static Map<String, RecursiveResult> recursive(ConfigRun run, List<Integer> startupCandles, double thresholdPercent) {
        Map<String, RecursiveResult> out = new LinkedHashMap<>();
        for (LoadedPairs.Pair p : run.pairs().pairs()) {
            try {
                out.put(p.pair(), RecursiveAnalysis.run(spec(run, p), startupCandles, thresholdPercent));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(p.pair() + " (" + p.file() + "): " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The analyses compare decisions (signals, indicators), not money: the portfolio run's recording spec. */
    static BacktestSpec spec(ConfigRun run, LoadedPairs.Pair p) {
        return EnginePortfolioBacktests.spec(p, run.strategy(), run.strategy().configure(run.params()),
                run.config().fee() == null ? 0.001 : run.config().fee());
    }
}
