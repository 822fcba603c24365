package dev.botfleet.server.backtest.optimize;

import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.analysis.LookaheadAnalysis;
import dev.botfleet.engine.backtest.analysis.LookaheadResult;
import dev.botfleet.engine.backtest.analysis.RecursiveAnalysis;
import dev.botfleet.engine.backtest.analysis.RecursiveResult;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.server.backtest.config.ConfigRun;
import dev.botfleet.server.backtest.config.LoadedPairs;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Freqtrade's lookahead-analysis and recursive-analysis over every pair of a checked config: the engine's analyses
 * look at one candle series, so each pair is analysed on its own candles (warm-up included) and reported in a row
 * of its own, in the whitelist order.
 */
public final class ConfigAnalyses {
    static final BigDecimal SIGNAL_WALLET = new BigDecimal("1000000000000");

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

    /**
     * The analyses compare decisions (signals, indicators), not money. The signals are recorded by running the strategy
     * in the kernel, where a buy the wallet cannot pay for never happens; a config's dry_run_wallet (say 1 BTC) below
     * the strategy's order amount (say 100) would hide every entry. So the kernel gets a wallet no order can exceed
     * ({@link #SIGNAL_WALLET}), and the market's tick and lot are just fine enough (1e-8).
     */
    static BacktestSpec spec(ConfigRun run, LoadedPairs.Pair p) {
        String[] parts = p.pair().split("[/:]");
        BigDecimal fine = new BigDecimal("0.00000001");
        BigDecimal fee = BigDecimal.valueOf(run.config().fee() == null ? 0.001 : run.config().fee());
        Instrument market = new Instrument("backtest", p.pair(), parts[0], parts[1], fine, fine, fine, BigDecimal.ZERO,
                fee, fee);
        StrategyConfig config = run.strategy().configure(run.params());
        return BacktestSpec.of(run.strategy().name(), run.strategy().factory(), config, market, p.candles(),
                SIGNAL_WALLET);
    }
}
