package dev.botfleet.server.backtest.optimize;

import dev.botfleet.engine.backtest.BacktestProgress;
import dev.botfleet.engine.backtest.optimize.RoiSpace;
import dev.botfleet.engine.backtest.optimize.TrailingSpace;
import dev.botfleet.engine.backtest.optimize.TrialOutcome;
import dev.botfleet.engine.backtest.signals.SignalCache;
import dev.botfleet.server.backtest.config.ConfigRun;
import dev.botfleet.server.backtest.config.FreqtradeConfig;
import dev.botfleet.server.backtest.config.PortfolioBacktests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One hyperopt trial = one portfolio run of the checked config with the trial's values applied: the roi_* values
 * replace {@code minimal_roi} (Freqtrade's generated table), {@code stoploss} the stoploss, the trailing_* values the
 * trailing settings, and every other value is a strategy parameter laid over the config's {@code strategy_params}.
 * The loss then reads the run's trades ({@link PortfolioTrades}).
 *
 * <p>The trials of one objective share a {@link SignalCache}: a pair's signals depend only on the strategy
 * parameters, so a search of roi / stoploss / trailing records each pair once, and a params search once per distinct
 * parameter set still kept.
 */
public final class TrialObjective implements Function<Map<String, Object>, TrialOutcome> {
    private final ConfigRun run;
    private final PortfolioBacktests portfolio;
    private final SignalCache signals;

    public TrialObjective(ConfigRun run, PortfolioBacktests portfolio, SignalCache signals) {
        this.run = run;
        this.portfolio = portfolio;
        this.signals = signals;
    }

    /** The recorded signals the trials share (its counters say how often a pair was recorded). */
    public SignalCache signals() {
        return signals;
    }

    @Override
    public TrialOutcome apply(Map<String, Object> trial) {
        FreqtradeConfig config = configFor(run.config(), trial);
        Map<String, Object> params = strategyParams(run.params(), trial);
        long start = run.pairs().startMillis();
        long end = Math.max(start, run.pairs().stopMillis() != null ? run.pairs().stopMillis() : lastCandle(run));
        try {
            run.strategy().configure(params);
        } catch (IllegalArgumentException refused) {
            // A combination the definition's rules refuse (e.g. rsi's oversold above overbought) cannot trade: no
            // trades, so the trial gets Freqtrade's MAX_LOSS through min_trades (at least 1) instead of ending the run.
            return new TrialOutcome(List.of(), config.dryRunWallet(), start, end);
        }
        PortfolioBacktests.PortfolioOutcome outcome = portfolio.run(config, run.pairs(), run.strategy(), params,
                BacktestProgress.NONE, signals);
        if (outcome.failure() != null) throw new IllegalStateException("the run stopped: " + outcome.failure());
        return PortfolioTrades.outcome(outcome.report(), config.dryRunWallet(), start, end);
    }

    /** The config's strategy parameters with the trial's strategy parameters laid over them. */
    public static Map<String, Object> strategyParams(Map<String, Object> base, Map<String, Object> trial) {
        Map<String, Object> params = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> e : trial.entrySet()) {
            if (!isFreqtradeSpace(e.getKey())) params.put(e.getKey(), e.getValue());
        }
        return params;
    }

    /** True for the names of Freqtrade's generated roi / stoploss / trailing dimensions. */
    public static boolean isFreqtradeSpace(String name) {
        return RoiSpace.NAMES.contains(name) || name.equals("stoploss") || name.startsWith("trailing_");
    }

    /** The config with the trial's ROI table, stoploss and trailing settings, where the trial has them. */
    public static FreqtradeConfig configFor(FreqtradeConfig c, Map<String, Object> trial) {
        var roi = c.minimalRoi();
        if (trial.containsKey("roi_t1")) roi = new TreeMap<>(RoiSpace.table(trial));
        Double stoploss = trial.get("stoploss") instanceof Number n ? n.doubleValue() : c.stoploss();
        FreqtradeConfig.Trailing trailing = c.trailing();
        if (trial.containsKey("trailing_stop")) {
            TrailingSpace.TrailingParams t = TrailingSpace.params(trial);
            trailing = new FreqtradeConfig.Trailing(t.trailingStop(), t.trailingStopPositive(),
                    t.trailingStopPositiveOffset(), t.trailingOnlyOffsetIsReached());
        }
        return new FreqtradeConfig(c.pairs(), c.stakeCurrency(), c.stakeAmount(), c.maxOpenTrades(), c.dryRunWallet(),
                c.tradableBalanceRatio(), roi, stoploss, trailing, c.exitRules(), c.fee(), c.timeframe(), c.timerange(),
                c.startupCandleCount(), c.orderTypes(), c.unfilledTimeout(), c.positionAdjustmentEnable(),
                c.maxEntryPositionAdjustment(), c.protections(), c.enableProtections(), c.tradingMode(), c.marginMode(),
                c.leverage(), c.markets(), c.timeframeDetail(), c.strategy(), c.strategyParams(), c.datadir(), c.notes());
    }

    private static long lastCandle(ConfigRun run) {
        long last = run.pairs().startMillis();
        for (var p : run.pairs().pairs()) {
            if (!p.candles().isEmpty()) last = Math.max(last, p.candles().openTime(p.candles().size() - 1));
        }
        return last;
    }
}
