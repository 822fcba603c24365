package dev.botfleet.server.backtest.config;

import dev.botfleet.engine.backtest.freqtrade.PairMarket;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A Freqtrade {@code config.json} as a backtest uses it, after {@link FreqtradeConfigParser} checked every key. Names
 * follow Freqtrade's keys (camel case); a null value means "not given here, the strategy or the engine decides", as in
 * Freqtrade where a strategy attribute fills a key the configuration leaves out.
 *
 * @param pairs              {@code exchange.pair_whitelist} (or top-level {@code pairs}), minus {@code pair_blacklist},
 *                           in the whitelist order, which is the order pairs are visited in
 * @param stakeAmount        a positive amount of the stake currency, or null for {@code "unlimited"}
 *                           (wallet divided by the free slots)
 * @param maxOpenTrades      -1 for unlimited (also what {@code Infinity} becomes); null: the strategy's
 * @param dryRunWallet       starting balance in the stake currency (Freqtrade's default 1000)
 * @param minimalRoi         minutes since entry -> minimum profit ratio; null: the strategy's
 * @param stoploss           a negative ratio; null: the strategy's
 * @param fee                a fraction per side (0.001 = 0.1 %); null: the exchange's fee
 * @param timerange          null: all the data
 * @param startupCandleCount warm-up candles loaded before the timerange; null: the strategy's
 * @param protections        each {@code {"method": ..., params...}} as given; checked by the protections themselves
 * @param enableProtections  {@code enable_protections} / {@code --enable-protections}: protections apply only then
 * @param leverage           botfleet's extension {@code "leverage"} (futures only, default 1): what a Freqtrade strategy's
 *                           {@code leverage()} callback returns, which botfleet's catalog strategies do not state
 * @param markets            botfleet's extension {@code "markets"} / {@code --markets FILE}: the whitelisted pairs'
 *                           precision and stake limits as ccxt gives them ({@link MarketsParser}); empty: none
 * @param strategy           a botfleet catalog strategy id
 * @param strategyParams     botfleet's extension {@code "strategy_params": {name: value}}: the strategy's parameters
 * @param datadir            where the pairs' candle files are ({@code datadir}); null: the caller's default
 * @param notes              keys accepted but without effect on a backtest, each in plain words
 */
public record FreqtradeConfig(
        List<String> pairs,
        String stakeCurrency,
        Double stakeAmount,
        Integer maxOpenTrades,
        double dryRunWallet,
        double tradableBalanceRatio,
        NavigableMap<Integer, Double> minimalRoi,
        Double stoploss,
        Trailing trailing,
        ExitRules exitRules,
        Double fee,
        String timeframe,
        Timerange timerange,
        Integer startupCandleCount,
        OrderTypes orderTypes,
        UnfilledTimeout unfilledTimeout,
        boolean positionAdjustmentEnable,
        int maxEntryPositionAdjustment,
        List<Map<String, Object>> protections,
        boolean enableProtections,
        TradingMode tradingMode,
        MarginMode marginMode,
        double leverage,
        Map<String, PairMarket> markets,
        String timeframeDetail,
        String strategy,
        Map<String, Object> strategyParams,
        String datadir,
        List<String> notes) {

    public FreqtradeConfig {
        pairs = List.copyOf(pairs);
        protections = List.copyOf(protections);
        strategyParams = Map.copyOf(strategyParams);
        notes = List.copyOf(notes);
        markets = markets == null ? Map.of() : Map.copyOf(markets);
    }

    /** Freqtrade's default {@code dry_run_wallet}. */
    public static final double DEFAULT_WALLET = 1000;
    /** Freqtrade's default {@code tradable_balance_ratio}: 1 % stays aside for fees and rounding. */
    public static final double DEFAULT_TRADABLE_BALANCE_RATIO = 0.99;

    /** True when {@code stake_amount} is {@code "unlimited"}. */
    public boolean unlimitedStake() {
        return stakeAmount == null;
    }

    /**
     * @param enabled              {@code trailing_stop}, default false
     * @param positive             {@code trailing_stop_positive}; null: trail at the stoploss distance
     * @param positiveOffset       {@code trailing_stop_positive_offset}, default 0
     * @param onlyOffsetIsReached  {@code trailing_only_offset_is_reached}, default false
     */
    public record Trailing(boolean enabled, Double positive, double positiveOffset, boolean onlyOffsetIsReached) {
        public static final Trailing OFF = new Trailing(false, null, 0.0, false);
    }

    /**
     * @param useExitSignal           {@code use_exit_signal}, default true
     * @param exitProfitOnly          {@code exit_profit_only}, default false
     * @param exitProfitOffset        {@code exit_profit_offset}, default 0
     * @param ignoreRoiIfEntrySignal  {@code ignore_roi_if_entry_signal}, default false
     */
    public record ExitRules(boolean useExitSignal, boolean exitProfitOnly, double exitProfitOffset,
                            boolean ignoreRoiIfEntrySignal) {
        public static final ExitRules DEFAULTS = new ExitRules(true, false, 0.0, false);
    }

    /** {@code order_types.entry} and {@code .exit}; Freqtrade's default is limit for both. */
    public record OrderTypes(OrderType entry, OrderType exit) {
        public static final OrderTypes DEFAULTS = new OrderTypes(OrderType.LIMIT, OrderType.LIMIT);
    }

    public enum OrderType { LIMIT, MARKET }

    /**
     * {@code unfilledtimeout}: how long an order may stay open before it is cancelled.
     *
     * @param entry            null: never times out (no key given)
     * @param exit             null: never times out
     * @param unit             minutes (Freqtrade's default) or seconds
     * @param exitTimeoutCount after this many exit timeouts the trade is force-exited; 0 (default) means never
     */
    public record UnfilledTimeout(Double entry, Double exit, TimeUnit unit, int exitTimeoutCount) {
        public static final UnfilledTimeout NONE = new UnfilledTimeout(null, null, TimeUnit.MINUTES, 0);

        /** Entry timeout in seconds, or null. */
        public Double entrySeconds() {
            return entry == null ? null : entry * unit.seconds;
        }

        /** Exit timeout in seconds, or null. */
        public Double exitSeconds() {
            return exit == null ? null : exit * unit.seconds;
        }
    }

    public enum TimeUnit {
        MINUTES(60), SECONDS(1);

        final long seconds;

        TimeUnit(long seconds) {
            this.seconds = seconds;
        }
    }

    public enum TradingMode { SPOT, MARGIN, FUTURES }

    /** {@code margin_mode}; NONE for spot ("" in Freqtrade). */
    public enum MarginMode { NONE, ISOLATED, CROSS }
}
