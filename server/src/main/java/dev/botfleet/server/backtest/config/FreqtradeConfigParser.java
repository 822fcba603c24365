package dev.botfleet.server.backtest.config;

import dev.botfleet.engine.backtest.freqtrade.PairMarket;

import dev.botfleet.engine.data.Timeframes;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.server.backtest.config.FreqtradeConfig.ExitRules;
import dev.botfleet.server.backtest.config.FreqtradeConfig.MarginMode;
import dev.botfleet.server.backtest.config.FreqtradeConfig.OrderType;
import dev.botfleet.server.backtest.config.FreqtradeConfig.OrderTypes;
import dev.botfleet.server.backtest.config.FreqtradeConfig.TimeUnit;
import dev.botfleet.server.backtest.config.FreqtradeConfig.TradingMode;
import dev.botfleet.server.backtest.config.FreqtradeConfig.Trailing;
import dev.botfleet.server.backtest.config.FreqtradeConfig.UnfilledTimeout;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a Freqtrade {@code config.json} (already parsed to a tree) into a {@link FreqtradeConfig}. Key names, types,
 * bounds and defaults are Freqtrade's (its configuration docs and schema). Every problem is collected under the key's
 * JSON path and thrown together as a {@link FreqtradeConfigException}; keys without effect on a backtest become notes.
 */
public final class FreqtradeConfigParser {
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private static final int MAX_DEPTH = 16;

    private FreqtradeConfigParser() {
    }

    /** The path of the first value nested deeper than {@link #MAX_DEPTH}, or null. */
    private static String tooDeep(JsonNode n, String path, int depth) {
        if (depth > MAX_DEPTH) return path;
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String found = tooDeep(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), depth + 1);
                if (found != null) return found;
            }
        } else if (n.isArray()) {
            int i = 0;
            for (JsonNode e : n.values()) {
                String found = tooDeep(e, path + "[" + i++ + "]", depth + 1);
                if (found != null) return found;
            }
        }
        return null;
    }

    /**
     * @param source names the configuration in the exception ("config.json", or "config" for a request body)
     * @throws FreqtradeConfigException with every problem found
     */
    public static FreqtradeConfig parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new FreqtradeConfigException(source, List.of(new ConfigProblem("(root)",
                    "must be a JSON object {\"stake_currency\": ..., ...}, was " + JsonFields.shown(root))));
        }
        String deep = tooDeep(root, "", 0);
        if (deep != null) {
            // refused before reading: such a value could not even be echoed back within the JSON writer's depth limit
            throw new FreqtradeConfigException(source, List.of(new ConfigProblem(deep, "nested deeper than "
                    + MAX_DEPTH + " levels; a Freqtrade configuration needs a few")));
        }
        FreqtradeConfigParser p = new FreqtradeConfigParser();
        JsonNode current = DeprecatedKeys.migrate(root, p.notes, p.problems);
        FreqtradeConfig config = p.read(new JsonFields(current, "", p.problems));
        if (!p.problems.isEmpty()) throw new FreqtradeConfigException(source, p.problems);
        return config;
    }

    private FreqtradeConfig read(JsonFields f) {
        String stakeCurrency = f.text("stake_currency", null);
        if (stakeCurrency == null && !f.has("stake_currency")) f.problem("stake_currency", "is required, e.g. \"USDT\"");
        List<String> pairs = PairSettings.pairs(f, stakeCurrency, notes);
        Double stakeAmount = stakeAmount(f);
        Integer maxOpenTrades = maxOpenTrades(f);
        if (stakeAmount == null && f.has("stake_amount") && maxOpenTrades != null && maxOpenTrades == -1
                && f.node("stake_amount").isString()) {
            // Freqtrade refuses this too: "unlimited" divides the wallet among the free slots, of which there is no end
            f.problem("stake_amount", "\"unlimited\" needs a limited max_open_trades (both cannot be unlimited)");
        }
        if (stakeAmount == null && f.has("stake_amount") && maxOpenTrades != null && maxOpenTrades == 0) {
            // Freqtrade would stake 0 (wallet / 0 slots is defined as 0) and make no trade at all: say so instead
            f.problem("stake_amount", "\"unlimited\" with max_open_trades 0 stakes nothing (Freqtrade makes no trade);"
                    + " give max_open_trades >= 1 or a fixed stake_amount");
        }
        double wallet = dryRunWallet(f);
        double tradable = f.number("tradable_balance_ratio", FreqtradeConfig.DEFAULT_TRADABLE_BALANCE_RATIO);
        if (!(tradable > 0 && tradable <= 1)) f.problem("tradable_balance_ratio", "must be above 0 and at most 1, was " + tradable);
        Double stoploss = f.number("stoploss", null);
        if (stoploss != null && !(stoploss >= -1 && stoploss < 0)) {
            f.problem("stoploss", "must be a negative ratio from -1 up to (not including) 0, e.g. -0.10, was " + stoploss);
        }
        Double fee = f.number("fee", null);
        if (fee != null && !(fee >= 0 && fee <= 0.1)) f.problem("fee", "must be between 0 and 0.1 (0.001 = 0.1 %), was " + fee);
        String timeframe = timeframe(f, "timeframe");
        String detail = timeframe(f, "timeframe_detail");
        detailFitsTimeframe(f, timeframe, detail);
        Timerange timerange = null;
        String range = f.text("timerange", null);
        if (range != null) {
            try {
                timerange = Timerange.parse(range);
            } catch (IllegalArgumentException e) {
                f.problem("timerange", e.getMessage());
            }
        }
        Integer startup = f.whole("startup_candle_count", null);
        if (startup != null && startup < 0) f.problem("startup_candle_count", "must be 0 or more, was " + startup);
        boolean dca = f.bool("position_adjustment_enable", false);
        Integer maxAdjust = wholeOrInfinite(f, "max_entry_position_adjustment", -1);
        List<Map<String, Object>> protections = protections(f);
        boolean enableProtections = f.bool("enable_protections", false);
        if (!protections.isEmpty() && !enableProtections) {
            notes.add("protections: not applied, as in Freqtrade's backtesting without --enable-protections");
        }
        TradingMode mode = f.choice("trading_mode", TradingMode.class, TradingMode.SPOT);
        MarginMode margin = marginMode(f, mode);
        double leverage = leverage(f, mode);
        Map<String, PairMarket> markets = MarketsParser.parse(f, pairs, problems);
        String strategy = f.text("strategy", null);
        Map<String, Object> params = strategyParams(f);
        String datadir = f.text("datadir", null);
        NoEffectKeys.dataFormat(f, notes);
        TreeMap<Integer, Double> roi = minimalRoi(f);
        Trailing trailing = trailing(f);
        ExitRules exitRules = exitRules(f);
        OrderTypes orderTypes = orderTypes(f);
        UnfilledTimeout timeouts = unfilledTimeout(f);
        NoEffectKeys.check(f, notes);
        f.unknownKeys("");  // last: every key above has been read
        return new FreqtradeConfig(pairs, stakeCurrency, stakeAmount, maxOpenTrades, wallet, tradable, roi, stoploss,
                trailing, exitRules, fee, timeframe, timerange, startup, orderTypes, timeouts, dca, maxAdjust,
                protections, enableProtections, mode, margin, leverage, markets, detail, strategy, params, datadir, notes);
    }

    /** A positive amount, or "unlimited" (null): the wallet divided among the free slots. */
    private static Double stakeAmount(JsonFields f) {
        JsonNode n = f.node("stake_amount");
        if (n == null) {
            f.problem("stake_amount", "is required: an amount of the stake currency or \"unlimited\"");
            return null;
        }
        if (n.isString() && n.asString().equals("unlimited")) return null;
        if (n.isNumber() && n.doubleValue() > 0 && Double.isFinite(n.doubleValue())) return n.doubleValue();
        f.problem("stake_amount", "must be an amount above 0 or \"unlimited\", was " + JsonFields.shown(n));
        return null;
    }

    /** -1 or a whole number of at least 0; Freqtrade also accepts Infinity for unlimited (becomes -1). */
    private static Integer maxOpenTrades(JsonFields f) {
        return f.has("max_open_trades") ? wholeOrInfinite(f, "max_open_trades", null) : null;
    }

    private static Integer wholeOrInfinite(JsonFields f, String key, Integer fallback) {
        JsonNode n = f.node(key);
        if (n == null) return fallback;
        if (n.isNumber() && n.doubleValue() == Double.POSITIVE_INFINITY) return -1;
        if (n.isNumber() && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= -1
                && n.doubleValue() <= 1e6) {
            return (int) n.doubleValue();
        }
        f.problem(key, "must be -1 (unlimited) or a whole number of at least 0, was " + JsonFields.shown(n));
        return fallback;
    }

    private static double dryRunWallet(JsonFields f) {
        JsonNode n = f.node("dry_run_wallet");
        if (n == null) return FreqtradeConfig.DEFAULT_WALLET;
        if (n.isObject()) {
            f.problem("dry_run_wallet", "a wallet of several currencies is not supported; give the stake currency's"
                    + " starting balance as a number");
        } else if (!n.isNumber() || !(n.doubleValue() > 0) || !Double.isFinite(n.doubleValue())) {
            f.problem("dry_run_wallet", "must be a starting balance above 0, was " + JsonFields.shown(n));
        } else {
            return n.doubleValue();
        }
        return FreqtradeConfig.DEFAULT_WALLET;
    }

    /** {@code {"0": 0.04, "20": 0.02}}: keys are whole minutes since the entry, values profit ratios. */
    private static TreeMap<Integer, Double> minimalRoi(JsonFields f) {
        JsonFields roi = f.object("minimal_roi");
        if (roi == null) return null;
        TreeMap<Integer, Double> table = new TreeMap<>();
        for (String key : roi.keys()) {
            Integer minutes = null;
            try {
                minutes = Integer.parseInt(key.strip());
            } catch (NumberFormatException e) {
                roi.problem(key, "the key must be whole minutes since the entry, e.g. \"0\" or \"30\"");
            }
            if (minutes != null && minutes < 0) roi.problem(key, "the minutes must be 0 or more");
            Double ratio = roi.number(key, null);
            roi.skip(key);
            if (minutes != null && minutes >= 0 && ratio != null) table.put(minutes, ratio);
        }
        return table;
    }

    private static Trailing trailing(JsonFields f) {
        boolean on = f.bool("trailing_stop", false);
        Double positive = f.number("trailing_stop_positive", null);
        if (positive != null && !(positive > 0 && positive <= 1)) {
            f.problem("trailing_stop_positive", "must be above 0 and at most 1, was " + positive);
        }
        double offset = f.number("trailing_stop_positive_offset", 0.0);
        if (!(offset >= 0 && offset <= 1)) f.problem("trailing_stop_positive_offset", "must be from 0 to 1, was " + offset);
        boolean onlyOffset = f.bool("trailing_only_offset_is_reached", false);
        // Freqtrade's own consistency checks (only when trailing_stop is on): a stop placed above the price that
        // activates it, or an offset rule without an offset, is refused there too.
        if (on && onlyOffset && positive == null) {
            f.problem("trailing_only_offset_is_reached", "needs trailing_stop_positive (and an offset above it)");
        }
        if (on && positive != null && offset > 0 && offset <= positive) {
            f.problem("trailing_stop_positive_offset", "must be greater than trailing_stop_positive (" + positive + ")");
        }
        return new Trailing(on, positive, offset, onlyOffset);
    }

    private static ExitRules exitRules(JsonFields f) {
        return new ExitRules(f.bool("use_exit_signal", true), f.bool("exit_profit_only", false),
                f.number("exit_profit_offset", 0.0), f.bool("ignore_roi_if_entry_signal", false));
    }

    private String timeframe(JsonFields f, String key) {
        String tf = f.text(key, null);
        if (tf == null) return null;
        try {
            Timeframes.parse(tf);
            return tf;
        } catch (IllegalArgumentException e) {
            f.problem(key, e.getMessage());
            return null;
        }
    }

    /** Freqtrade: the detail timeframe must be shorter than the strategy's and divide it. */
    private static void detailFitsTimeframe(JsonFields f, String timeframe, String detail) {
        if (timeframe == null || detail == null) return;
        Timeframe main = Timeframes.parse(timeframe);
        Timeframe fine = Timeframes.parse(detail);
        if (fine.millis() >= main.millis() || main.millis() % fine.millis() != 0) {
            f.problem("timeframe_detail", "must be shorter than timeframe " + timeframe + " and divide it evenly, was "
                    + detail);
        }
    }

    private OrderTypes orderTypes(JsonFields f) {
        JsonFields o = f.object("order_types");
        if (o == null) return OrderTypes.DEFAULTS;
        OrderType entry = o.choice("entry", OrderType.class, OrderType.LIMIT);
        OrderType exit = o.choice("exit", OrderType.class, OrderType.LIMIT);
        NoEffectKeys.notesFor(o, "order_types.", IgnoredKeys.ORDER_TYPES, notes);
        o.unknownKeys("entry, exit, " + String.join(", ", new TreeMap<>(IgnoredKeys.ORDER_TYPES).keySet()));
        return new OrderTypes(entry, exit);
    }

    private static UnfilledTimeout unfilledTimeout(JsonFields f) {
        JsonFields u = f.object("unfilledtimeout");
        if (u == null) return UnfilledTimeout.NONE;
        Double entry = u.number("entry", null);
        if (entry != null && entry < 1) u.problem("entry", "must be at least 1 (in the unit), was " + entry);
        Double exit = u.number("exit", null);
        if (exit != null && exit < 1) u.problem("exit", "must be at least 1 (in the unit), was " + exit);
        TimeUnit unit = TimeUnit.MINUTES;
        String unitText = u.text("unit", null);
        if (unitText != null) {
            if (unitText.equals("seconds")) unit = TimeUnit.SECONDS;
            else if (!unitText.equals("minutes")) u.problem("unit", "must be \"minutes\" or \"seconds\", was \"" + unitText + "\"");
        }
        Integer count = u.whole("exit_timeout_count", 0);
        if (count != null && count < 0) u.problem("exit_timeout_count", "must be 0 (never) or more, was " + count);
        u.unknownKeys("entry, exit, unit, exit_timeout_count");
        return new UnfilledTimeout(entry, exit, unit, count == null ? 0 : Math.max(0, count));
    }

    /** Each protection is kept as given (its parameters are checked where protections are built). */
    private static List<Map<String, Object>> protections(JsonFields f) {
        JsonNode n = f.node("protections");
        if (n == null) return List.of();
        if (!n.isArray()) {
            f.problem("protections", "must be a list of {\"method\": ..., ...}, was " + JsonFields.shown(n));
            return List.of();
        }
        List<Map<String, Object>> list = new ArrayList<>();
        int i = 0;
        for (JsonNode p : n.values()) {
            String path = "protections[" + i++ + "]";
            if (!p.isObject()) {
                f.problem(path, "must be an object {\"method\": \"CooldownPeriod\", ...}, was " + JsonFields.shown(p));
            } else if (p.get("method") == null || !p.get("method").isString()) {
                f.problem(path + ".method", "is required: the protection's name, e.g. \"StoplossGuard\"");
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) JsonFields.plain(p);
                list.add(m);
            }
        }
        return list;
    }

    private static MarginMode marginMode(JsonFields f, TradingMode mode) {
        String text = f.text("margin_mode", "");
        MarginMode margin = switch (text) {
            case "" -> MarginMode.NONE;
            case "isolated" -> MarginMode.ISOLATED;
            case "cross" -> MarginMode.CROSS;
            default -> {
                f.problem("margin_mode", "must be \"isolated\", \"cross\" or \"\" (spot), was \"" + text + "\"");
                yield MarginMode.NONE;
            }
        };
        if (mode == TradingMode.MARGIN) {
            f.problem("trading_mode", "\"margin\" is not supported (Freqtrade does not implement it either);"
                    + " use \"spot\" or \"futures\"");
        }
        if (mode == TradingMode.FUTURES && margin == MarginMode.NONE && f.has("trading_mode")) {
            f.problem("margin_mode", "is required for futures: \"isolated\" or \"cross\"");
        }
        return margin;
    }

    /** Most exchanges cap futures leverage at 125 (Binance's highest tier), as single-symbol perpetual runs do. */
    static final double MAX_LEVERAGE = 125;

    /**
     * botfleet's extension {@code "leverage"}: in Freqtrade the strategy's {@code leverage()} callback says it; the
     * catalog strategies have none, so the config does. Futures only, from 1 to 125.
     */
    private static double leverage(JsonFields f, TradingMode mode) {
        Double leverage = f.number("leverage", null);
        if (leverage == null) return 1.0;
        if (mode != TradingMode.FUTURES) {
            f.problem("leverage", "only a futures config (\"trading_mode\": \"futures\") trades with leverage");
        } else if (!(leverage >= 1 && leverage <= MAX_LEVERAGE)) {
            f.problem("leverage", "must be between 1 and 125, was " + leverage);
        }
        return leverage;
    }

    /** botfleet's extension: {@code "strategy_params": {"rsiPeriod": 14}}, checked against the strategy later. */
    private static Map<String, Object> strategyParams(JsonFields f) {
        JsonNode n = f.node("strategy_params");
        if (n == null) return Map.of();
        if (!n.isObject()) {
            f.problem("strategy_params", "must be an object {\"parameter\": value, ...}, was " + JsonFields.shown(n));
            return Map.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (e.getValue().isNull()) {  // a parameter is given or left out (its default); null is neither
                f.problem("strategy_params." + e.getKey(), "must not be null; leave the parameter out to use its default");
            } else {
                m.put(e.getKey(), JsonFields.plain(e.getValue()));
            }
        }
        return m;
    }

}
