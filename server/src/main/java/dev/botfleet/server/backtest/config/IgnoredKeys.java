package dev.botfleet.server.backtest.config;

import java.util.Map;

/**
 * Keys of a Freqtrade configuration that never change a backtest, with the plain-word reason a user is told
 * ("telegram: ignored, it does not change a backtest"). Accepting them lets a live bot's config.json be backtested
 * as it is; naming them means nothing is ignored silently.
 */
final class IgnoredKeys {
    private IgnoredKeys() {
    }

    private static final String NO_EFFECT = "ignored, it does not change a backtest";
    private static final String LIVE_ONLY = "ignored, it applies to a running bot only";

    /** Top-level keys. */
    static final Map<String, String> TOP = Map.ofEntries(
            Map.entry("$schema", "ignored, an editor's schema reference"),
            Map.entry("bot_name", NO_EFFECT),
            Map.entry("initial_state", LIVE_ONLY),
            Map.entry("dry_run", "ignored, a backtest never trades for real"),
            Map.entry("db_url", "ignored, a backtest keeps its trades in memory"),
            Map.entry("telegram", NO_EFFECT),
            Map.entry("api_server", NO_EFFECT),
            Map.entry("webhook", NO_EFFECT),
            Map.entry("discord", NO_EFFECT),
            Map.entry("internals", LIVE_ONLY),
            Map.entry("force_entry_enable", LIVE_ONLY),
            Map.entry("cancel_open_orders_on_exit", LIVE_ONLY),
            Map.entry("fiat_display_currency", NO_EFFECT),
            Map.entry("user_data_dir", "ignored, give the candle directory with datadir or --datadir"),
            Map.entry("logfile", NO_EFFECT),
            Map.entry("verbosity", NO_EFFECT),
            Map.entry("strategy_path", "ignored, strategies come from botfleet's catalog"),
            Map.entry("recursive_strategy_search", "ignored, strategies come from botfleet's catalog"),
            Map.entry("process_only_new_candles", "ignored, a backtest analyses every candle once"),
            Map.entry("ignore_buying_expired_candle_after", LIVE_ONLY),
            Map.entry("external_message_consumer", LIVE_ONLY),
            Map.entry("export", "ignored, botfleet always stores the trades with the run"),
            Map.entry("exportfilename", "ignored, use --out for the result files"),
            Map.entry("backtest_cache", NO_EFFECT),
            Map.entry("backtest_breakdown", "ignored, the report always has the daily, weekly and monthly breakdown"),
            Map.entry("reduce_df_footprint", NO_EFFECT),
            Map.entry("order_time_in_force", "ignored, a backtest order is filled or timed out by unfilledtimeout"),
            Map.entry("dataformat_trades", "ignored, backtests read candles, not trades"),
            Map.entry("entry_pricing", "ignored, a backtest fills at the candle's open (Freqtrade's backtest too)"),
            Map.entry("exit_pricing", "ignored, a backtest fills at the candle's open (Freqtrade's backtest too)"));

    /** Keys of {@code exchange} other than the whitelist and blacklist. */
    static final Map<String, String> EXCHANGE = Map.ofEntries(
            Map.entry("name", "ignored, the candle files decide the market data"),
            Map.entry("key", "ignored, a backtest needs no credentials"),
            Map.entry("secret", "ignored, a backtest needs no credentials"),
            Map.entry("password", "ignored, a backtest needs no credentials"),
            Map.entry("uid", "ignored, a backtest needs no credentials"),
            Map.entry("walletAddress", "ignored, a backtest needs no credentials"),
            Map.entry("privateKey", "ignored, a backtest needs no credentials"),
            Map.entry("ccxt_config", LIVE_ONLY),
            Map.entry("ccxt_async_config", LIVE_ONLY),
            Map.entry("ccxt_sync_config", LIVE_ONLY),
            Map.entry("markets_refresh_interval", LIVE_ONLY),
            Map.entry("skip_pair_validation", LIVE_ONLY),
            Map.entry("skip_open_order_update", LIVE_ONLY),
            Map.entry("unknown_fee_rate", LIVE_ONLY),
            Map.entry("log_responses", LIVE_ONLY),
            Map.entry("only_from_ccxt", LIVE_ONLY),
            Map.entry("enable_ws", LIVE_ONLY),
            Map.entry("outdated_offset", LIVE_ONLY),
            Map.entry("sandbox", LIVE_ONLY));

    /** Keys of {@code order_types} other than entry and exit. */
    static final Map<String, String> ORDER_TYPES = Map.ofEntries(
            Map.entry("stoploss", "ignored, a backtest fills a stop at the stop price (Freqtrade's backtest too)"),
            Map.entry("emergency_exit", LIVE_ONLY),
            Map.entry("force_exit", LIVE_ONLY),
            Map.entry("force_entry", LIVE_ONLY),
            Map.entry("stoploss_on_exchange", "ignored, backtests assume a perfect stop (Freqtrade forces it off)"),
            Map.entry("stoploss_on_exchange_interval", LIVE_ONLY),
            Map.entry("stoploss_on_exchange_limit_ratio", LIVE_ONLY),
            Map.entry("stoploss_price_type", LIVE_ONLY));

    /**
     * Keys accepted only when they are absent or have Freqtrade's default value: another value would change the
     * backtest in a way botfleet does not simulate yet, which must be an error rather than a quietly different result.
     */
    static final Map<String, Object> ONLY_DEFAULT = Map.ofEntries(
            Map.entry("amend_last_stake_amount", false),
            Map.entry("last_stake_amount_min_ratio", 0.5),
            Map.entry("amount_reserve_percent", 0.05),
            Map.entry("custom_price_max_distance_ratio", 0.02),
            Map.entry("position_stacking", false),
            Map.entry("liquidation_buffer", 0.05));

    /** Whole sections accepted only when switched off ({@code "enabled": false}). */
    static final Map<String, String> ONLY_DISABLED = Map.of(
            "edge", "Edge positioning is not supported",
            "freqai", "FreqAI models are not supported");
}
