package dev.botfleet.server.backtest.config;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FreqtradeConfigParserTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Shaped like Freqtrade's config_examples/config_full.example.json, trimmed to what a live spot bot has. */
    static final String REAL_WORLD = """
            {
              "$schema": "https://schema.freqtrade.io/schema.json",
              "max_open_trades": 3,
              "stake_currency": "BTC",
              "stake_amount": 0.05,
              "tradable_balance_ratio": 0.99,
              "fiat_display_currency": "USD",
              "timeframe": "5m",
              "dry_run": true,
              "dry_run_wallet": 1,
              "cancel_open_orders_on_exit": false,
              "trading_mode": "spot",
              "margin_mode": "",
              "minimal_roi": {"40": 0.0, "30": 0.01, "20": 0.02, "0": 0.04},
              "stoploss": -0.10,
              "trailing_stop": true,
              "trailing_stop_positive": 0.01,
              "trailing_stop_positive_offset": 0.02,
              "trailing_only_offset_is_reached": true,
              "use_exit_signal": true,
              "exit_profit_only": false,
              "exit_profit_offset": 0.0,
              "ignore_roi_if_entry_signal": false,
              "unfilledtimeout": {"entry": 10, "exit": 30, "exit_timeout_count": 0, "unit": "minutes"},
              "entry_pricing": {"price_side": "same", "use_order_book": true, "order_book_top": 1,
                                "price_last_balance": 0.0, "check_depth_of_market": {"enabled": false, "bids_to_ask_delta": 1}},
              "exit_pricing": {"price_side": "same", "use_order_book": true, "order_book_top": 1},
              "order_types": {"entry": "limit", "exit": "limit", "emergency_exit": "market", "force_exit": "market",
                              "force_entry": "market", "stoploss": "market", "stoploss_on_exchange": false,
                              "stoploss_on_exchange_interval": 60},
              "order_time_in_force": {"entry": "GTC", "exit": "GTC"},
              "pairlists": [{"method": "StaticPairList"}],
              "protections": [{"method": "CooldownPeriod", "stop_duration_candles": 2}],
              "exchange": {
                "name": "binance", "key": "your_exchange_key", "secret": "your_exchange_secret",
                "ccxt_config": {}, "ccxt_async_config": {},
                "pair_whitelist": ["ETH/BTC", "LTC/BTC", "ETC/BTC", "DASH/BTC", "ZEC/BTC", "XLM/BTC", "NXT/BTC", "BNB/BTC"],
                "pair_blacklist": ["BNB/.*"]
              },
              "edge": {"enabled": false, "process_throttle_secs": 3600},
              "telegram": {"enabled": false, "token": "your_telegram_token", "chat_id": "your_telegram_chat_id"},
              "api_server": {"enabled": false, "listen_ip_address": "127.0.0.1", "username": "freqtrader", "password": "x"},
              "bot_name": "freqtrade",
              "db_url": "sqlite:///tradesv3.sqlite",
              "initial_state": "running",
              "force_entry_enable": false,
              "internals": {"process_throttle_secs": 5},
              "strategy": "rsi-bollinger",
              "strategy_params": {"rsiPeriod": 14}
            }
            """;

    private static FreqtradeConfig parse(String json) {
        return FreqtradeConfigParser.parse(JSON.readTree(json), "config.json");
    }

    private static List<String> problems(String json) {
        FreqtradeConfigException e = catchThrowableOfType(FreqtradeConfigException.class, () -> parse(json));
        assertThat(e).as("expected the config to be refused").isNotNull();
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void aRealWorldConfigParsesWithFreqtradesNamesAndValues() {
        FreqtradeConfig c = parse(REAL_WORLD);
        // BNB/BTC is removed by the blacklist pattern "BNB/.*"; the others keep the whitelist order.
        assertThat(c.pairs()).containsExactly("ETH/BTC", "LTC/BTC", "ETC/BTC", "DASH/BTC", "ZEC/BTC", "XLM/BTC", "NXT/BTC");
        assertThat(c.stakeCurrency()).isEqualTo("BTC");
        assertThat(c.stakeAmount()).isEqualTo(0.05);
        assertThat(c.maxOpenTrades()).isEqualTo(3);
        assertThat(c.dryRunWallet()).isEqualTo(1.0);
        assertThat(c.minimalRoi()).containsExactly(Map.entry(0, 0.04), Map.entry(20, 0.02), Map.entry(30, 0.01),
                Map.entry(40, 0.0));
        assertThat(c.stoploss()).isEqualTo(-0.10);
        assertThat(c.trailing()).isEqualTo(new FreqtradeConfig.Trailing(true, 0.01, 0.02, true));
        assertThat(c.exitRules()).isEqualTo(FreqtradeConfig.ExitRules.DEFAULTS);
        assertThat(c.unfilledTimeout().entrySeconds()).isEqualTo(600.0);   // 10 minutes
        assertThat(c.unfilledTimeout().exitSeconds()).isEqualTo(1800.0);   // 30 minutes
        assertThat(c.orderTypes()).isEqualTo(FreqtradeConfig.OrderTypes.DEFAULTS);
        assertThat(c.protections()).containsExactly(Map.of("method", "CooldownPeriod", "stop_duration_candles", 2L));
        assertThat(c.enableProtections()).isFalse();
        assertThat(c.tradingMode()).isEqualTo(FreqtradeConfig.TradingMode.SPOT);
        assertThat(c.strategy()).isEqualTo("rsi-bollinger");
        assertThat(c.strategyParams()).containsEntry("rsiPeriod", 14L);
        assertThat(c.notes()).contains("telegram: ignored, it does not change a backtest",
                "exchange.key: ignored, a backtest needs no credentials",
                "order_types.stoploss_on_exchange: ignored, backtests assume a perfect stop (Freqtrade forces it off)",
                "edge: ignored, it is disabled",
                "exchange.pair_blacklist[0]: removes BNB/BTC",
                "protections: not applied, as in Freqtrade's backtesting without --enable-protections",
                "pairlists[0]: StaticPairList backtests the whitelist as given");
    }

    @Test
    void freqtradesDefaultsApplyWhenKeysAreLeftOut() {
        FreqtradeConfig c = parse("""
                {"stake_currency": "USDT", "stake_amount": "unlimited", "exchange": {"pair_whitelist": ["BTC/USDT"]}}""");
        assertThat(c.unlimitedStake()).isTrue();
        assertThat(c.maxOpenTrades()).isNull();        // the strategy's
        assertThat(c.dryRunWallet()).isEqualTo(1000.0);
        assertThat(c.tradableBalanceRatio()).isEqualTo(0.99);
        assertThat(c.minimalRoi()).isNull();
        assertThat(c.stoploss()).isNull();
        assertThat(c.trailing()).isEqualTo(FreqtradeConfig.Trailing.OFF);
        assertThat(c.unfilledTimeout()).isEqualTo(FreqtradeConfig.UnfilledTimeout.NONE);
        assertThat(c.maxEntryPositionAdjustment()).isEqualTo(-1);
        assertThat(c.positionAdjustmentEnable()).isFalse();
        assertThat(c.timerange()).isNull();
        assertThat(c.notes()).isEmpty();
    }

    @Test
    void infinityMaxOpenTradesIsUnlimitedAndSecondsUnitCounts() {
        JsonNode root = JsonMapper.builder().enable(tools.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build().readTree("""
                {"stake_currency": "USDT", "stake_amount": 10, "max_open_trades": Infinity,
                 "pairs": ["BTC/USDT"], "unfilledtimeout": {"entry": 90, "unit": "seconds"},
                 "timerange": "20180110-20180130", "order_types": {"entry": "market", "exit": "market"}}""");
        FreqtradeConfig c = FreqtradeConfigParser.parse(root, "config.json");
        assertThat(c.maxOpenTrades()).isEqualTo(-1);
        assertThat(c.unfilledTimeout().entrySeconds()).isEqualTo(90.0);
        assertThat(c.unfilledTimeout().exitSeconds()).isNull();
        assertThat(c.orderTypes().entry()).isEqualTo(FreqtradeConfig.OrderType.MARKET);
        assertThat(c.timerange()).isEqualTo(Timerange.parse("20180110-20180130"));
    }

    @Test
    void everyProblemIsNamedByItsPathAtOnce() {
        List<String> problems = problems("""
                {"stake_currency": "USDT", "stake_amount": -5, "max_open_trades": 2.5, "stoploss": 0.1,
                 "tradable_balance_ratio": 1.5, "fee": 0.5, "timeframe": "7x", "timerange": "2018-01-10",
                 "minimal_roi": {"abc": 0.1, "10": "high"},
                 "unfilledtimeout": {"entry": 10, "unit": "hours", "typo": 1},
                 "order_types": {"entry": "stop"},
                 "trading_mode": "margin",
                 "exchange": {"pair_whitelist": ["BTC/USDT", "ETH/BTC", "BTC/USDT", "ALT/.*"], "colour": "red"},
                 "pairlists": [{"method": "VolumePairList", "number_assets": 20}],
                 "protections": [{"stop_duration": 5}],
                 "amend_last_stake_amount": true, "freqai": {"enabled": true},
                 "telegramm": {}}""");
        assertThat(problems).contains(
                "stake_amount: must be an amount above 0 or \"unlimited\", was -5",
                "max_open_trades: must be -1 (unlimited) or a whole number of at least 0, was 2.5",
                "stoploss: must be a negative ratio from -1 up to (not including) 0, e.g. -0.10, was 0.1",
                "tradable_balance_ratio: must be above 0 and at most 1, was 1.5",
                "fee: must be between 0 and 0.1 (0.001 = 0.1 %), was 0.5",
                "minimal_roi.abc: the key must be whole minutes since the entry, e.g. \"0\" or \"30\"",
                "minimal_roi.10: must be a number, was \"high\"",
                "unfilledtimeout.unit: must be \"minutes\" or \"seconds\", was \"hours\"",
                "order_types.entry: must be \"limit\" or \"market\", was \"stop\"",
                "exchange.pair_whitelist[1]: \"ETH/BTC\" is not traded in the stake currency USDT",
                "exchange.pair_whitelist[2]: \"BTC/USDT\" is listed twice",
                "pairlists[0].method: VolumePairList needs live volumes; only StaticPairList is supported in a backtest",
                "protections[0].method: is required: the protection's name, e.g. \"StoplossGuard\"",
                "amend_last_stake_amount: only Freqtrade's default false is supported in a backtest, was true",
                "freqai: FreqAI models are not supported; remove the section or set \"enabled\": false");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("timeframe: "));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("timerange: '2018-01-10' is not a timerange"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("unfilledtimeout.typo: unknown key"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("exchange.colour: unknown key"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("exchange.pair_whitelist[3]: \"ALT/.*\" is not a pair"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("trading_mode: \"margin\" is not supported"));
        assertThat(problems).contains("telegramm: unknown key; did you mean \"telegram\"?");
    }

    @Test
    void unlimitedStakeWithZeroTradesAndLeverageOutsideFuturesAreNamed() {
        assertThat(problems("""
                {"stake_currency": "USDT", "stake_amount": "unlimited", "max_open_trades": 0, "leverage": 3,
                 "pairs": ["BTC/USDT"], "markets": {"BTC/USDT": {"precision": {"price": 0}}}}""")).containsExactly(
                "stake_amount: \"unlimited\" with max_open_trades 0 stakes nothing (Freqtrade makes no trade);"
                        + " give max_open_trades >= 1 or a fixed stake_amount",
                "leverage: only a futures config (\"trading_mode\": \"futures\") trades with leverage",
                "markets.BTC/USDT.precision.price: must be a positive tick size (precisionMode tick_size), was 0.0");
    }

    @Test
    void requiredKeysAreNamed() {
        assertThat(problems("{}")).containsExactly(
                "stake_currency: is required, e.g. \"USDT\"",
                "exchange.pair_whitelist: is required: the pairs to backtest, e.g. [\"BTC/USDT\", \"ETH/USDT\"] (or give pairs)",
                "stake_amount: is required: an amount of the stake currency or \"unlimited\"");
    }

    @Test
    void aNullStrategyParameterIsNamedNotA500() {  // found by the API fuzz test through POST /backtests/analysis/lookahead
        assertThat(problems("""
                {"stake_currency": "USDT", "stake_amount": 10, "pairs": ["BTC/USDT"],
                 "strategy_params": {"rsiPeriod": 14, "oversold": null}}"""))
                .containsExactly("strategy_params.oversold: must not be null; leave the parameter out to use its default");
        assertThat(problems("""
                {"stake_currency": "USDT", "stake_amount": 10, "pairs": ["BTC/USDT", null], "protections": [null]}"""))
                .allSatisfy(p -> assertThat(p).containsAnyOf("pairs[1]", "protections[0]")).hasSize(2);
    }

    @Test
    void freqtradesTrailingConsistencyRulesAreKept() {
        assertThat(problems("""
                {"stake_currency": "USDT", "stake_amount": 10, "pairs": ["BTC/USDT"], "trailing_stop": true,
                 "trailing_stop_positive": 0.02, "trailing_stop_positive_offset": 0.01}"""))
                .containsExactly("trailing_stop_positive_offset: must be greater than trailing_stop_positive (0.02)");
    }

    @Test
    void futuresNeedAMarginModeAndDetailMustDivideTheTimeframe() {
        assertThat(problems("""
                {"stake_currency": "USDT", "stake_amount": 10, "pairs": ["BTC/USDT:USDT"], "trading_mode": "futures",
                 "timeframe": "5m", "timeframe_detail": "3m"}""")).containsExactly(
                "timeframe_detail: must be shorter than timeframe 5m and divide it evenly, was 3m",
                "margin_mode: is required for futures: \"isolated\" or \"cross\"");
    }

    @Test
    void notAnObjectIsRefused() {
        assertThatThrownBy(() -> FreqtradeConfigParser.parse(JSON.readTree("[1]"), "config.json"))
                .isInstanceOf(FreqtradeConfigException.class).hasMessageContaining("config.json: 1 problem(s): (root): must be a JSON object");
    }

    @Test
    void deeplyNestedValuesAreRefusedByPath() {
        String deep = "1";
        for (int i = 0; i < 40; i++) deep = "[" + deep + "]";
        assertThat(problems("{\"telegram\": {\"x\": " + deep + "}}")).singleElement().asString()
                .startsWith("telegram.x[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nested deeper than 16 levels");
    }

    @Test
    void binaryDataFormatsAreRefusedWithTheConversionCommand() {
        assertThat(problems("""
                {"stake_currency": "USDT", "stake_amount": 10, "pairs": ["BTC/USDT"], "dataformat_ohlcv": "feather"}"""))
                .containsExactly("dataformat_ohlcv: \"feather\" cannot be read; convert the data with `freqtrade"
                        + " convert-data --format-from feather --format-to json` and set \"json\"");
        assertThat(parse("""
                {"stake_currency": "USDT", "stake_amount": 10, "pairs": ["BTC/USDT"], "dataformat_ohlcv": "jsongz"}""")
                .notes()).containsExactly("dataformat_ohlcv: jsongz is read, as are .json, .json.gz and .csv files beside it");
    }

    /** A pre-2022 config (buy/sell names), as Freqtrade still reads it: moved to the new names, each told. */
    @Test
    void freqtradesOldNamesAreReadAsTheNewOnes() {
        FreqtradeConfig c = parse("""
                {"stake_currency": "USDT", "stake_amount": 10, "pairs": ["BTC/USDT"],
                 "use_sell_signal": false, "sell_profit_only": true, "sell_profit_offset": 0.01,
                 "ignore_roi_if_buy_signal": true,
                 "unfilledtimeout": {"buy": 10, "sell": 30, "unit": "minutes"},
                 "order_types": {"buy": "market", "sell": "limit", "emergencysell": "market", "stoploss": "market",
                                 "stoploss_on_exchange": false},
                 "bid_strategy": {"price_side": "ask", "use_order_book": false}}""");
        assertThat(c.exitRules()).isEqualTo(new FreqtradeConfig.ExitRules(false, true, 0.01, true));
        assertThat(c.unfilledTimeout().entrySeconds()).isEqualTo(600.0);
        assertThat(c.orderTypes()).isEqualTo(new FreqtradeConfig.OrderTypes(FreqtradeConfig.OrderType.MARKET,
                FreqtradeConfig.OrderType.LIMIT));
        assertThat(c.notes()).contains("use_sell_signal: read as use_exit_signal (Freqtrade's old name)",
                "unfilledtimeout.buy: read as unfilledtimeout.entry (Freqtrade's old name)",
                "order_types.emergencysell: read as order_types.emergency_exit (Freqtrade's old name)",
                "bid_strategy: read as entry_pricing (Freqtrade's old name)");
        assertThat(problems("""
                {"stake_currency": "USDT", "stake_amount": 10, "pairs": ["BTC/USDT"],
                 "use_sell_signal": false, "use_exit_signal": true, "experimental": {"use_sell_signal": true}}"""))
                .containsExactlyInAnyOrder(
                        "use_sell_signal: given together with its new name use_exit_signal; keep only use_exit_signal",
                        "experimental: Freqtrade removed this section: its settings are top-level keys now"
                                + " (use_exit_signal, exit_profit_only, ignore_roi_if_entry_signal)");
    }

    @Test
    void stakeAndMaxOpenTradesCannotBothBeUnlimited() {
        assertThat(problems("""
                {"stake_currency": "USDT", "stake_amount": "unlimited", "max_open_trades": -1, "pairs": ["BTC/USDT"]}"""))
                .containsExactly("stake_amount: \"unlimited\" needs a limited max_open_trades (both cannot be unlimited)");
    }
}
