package dev.botfleet.server.backtest.config;

import dev.botfleet.engine.backtest.freqtrade.PairMarket;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * botfleet's {@code "markets"} key (or {@code --markets FILE}): the pairs' exchange rules in the shape of ccxt's
 * {@code load_markets}, which is what Freqtrade reads them from — {@code {"BTC/USDT": {"precision": {"price": 0.01,
 * "amount": 0.001}, "limits": {"amount": {"min": .., "max": ..}, "cost": {"min": .., "max": ..}}, ...}, ...}}. Any
 * other key of a market (ccxt has many) is ignored. {@code "precisionMode"} beside the pairs says how precision reads,
 * as ccxt's exchange attribute: {@code "tick_size"} (ccxt 4, the default: the tick itself) or {@code "decimal_places"}
 * (ccxt 2: 2 means 0.01). Markets of pairs not in the whitelist are ignored.
 */
final class MarketsParser {
    static final String KEY = "markets";

    private MarketsParser() {
    }

    /** The whitelisted pairs' rules; every problem is added under its path ({@code markets.BTC/USDT.limits.cost.min}). */
    static Map<String, PairMarket> parse(JsonFields root, List<String> pairs, List<ConfigProblem> problems) {
        JsonNode n = root.node(KEY);
        if (n == null) return Map.of();
        if (!n.isObject()) {
            root.problem(KEY, "must be an object {\"BTC/USDT\": {\"precision\": ..., \"limits\": ...}, ...} as ccxt's"
                    + " load_markets gives it, was " + JsonFields.shown(n));
            return Map.of();
        }
        boolean decimalPlaces = false;
        JsonNode mode = n.get("precisionMode");
        if (mode != null) {
            String m = mode.isNumber() ? String.valueOf(mode.intValue()) : mode.asString("");
            switch (m) {
                case "tick_size", "4" -> decimalPlaces = false;
                case "decimal_places", "2" -> decimalPlaces = true;
                default -> root.problem(KEY + ".precisionMode", "must be \"tick_size\" (ccxt 4) or \"decimal_places\""
                        + " (ccxt 2), was " + JsonFields.shown(mode));
            }
        }
        Map<String, PairMarket> markets = new LinkedHashMap<>();
        for (String pair : pairs) {
            JsonNode market = n.get(pair);
            if (market == null || market.isNull()) continue;
            String path = KEY + "." + pair;
            if (!market.isObject()) {
                problems.add(new ConfigProblem(path, "must be an object with precision and limits, was "
                        + JsonFields.shown(market)));
                continue;
            }
            JsonFields precision = object(market, "precision", path, problems);
            BigDecimal tick = precision == null ? null : step(precision, "price", decimalPlaces);
            BigDecimal lot = precision == null ? null : step(precision, "amount", decimalPlaces);
            JsonFields limits = object(market, "limits", path, problems);
            Double[] amount = limits == null ? new Double[2] : minMax(limits, "amount", path + ".limits", problems);
            Double[] cost = limits == null ? new Double[2] : minMax(limits, "cost", path + ".limits", problems);
            markets.put(pair, new PairMarket(tick, lot, amount[0], amount[1], cost[0], cost[1]));
        }
        return markets;
    }

    private static JsonFields object(JsonNode parent, String key, String path, List<ConfigProblem> problems) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) return null;
        if (!n.isObject()) {
            problems.add(new ConfigProblem(path + "." + key, "must be an object, was " + JsonFields.shown(n)));
            return null;
        }
        return new JsonFields(n, path + "." + key, problems);
    }

    /** A tick or lot: the step itself, or in decimal-places mode a whole number of decimals. */
    private static BigDecimal step(JsonFields f, String key, boolean decimalPlaces) {
        Double v = f.number(key, null);
        if (v == null) return null;
        if (decimalPlaces) {
            if (v < 0 || v != Math.rint(v) || v > 18) {
                f.problem(key, "must be a whole number of decimal places from 0 to 18 (precisionMode decimal_places),"
                        + " was " + v);
                return null;
            }
            return BigDecimal.ONE.movePointLeft(v.intValue());
        }
        if (!(v > 0)) {
            f.problem(key, "must be a positive tick size (precisionMode tick_size), was " + v);
            return null;
        }
        return new BigDecimal(Double.toString(v));
    }

    private static Double[] minMax(JsonFields limits, String key, String path, List<ConfigProblem> problems) {
        Double[] out = new Double[2];
        JsonNode n = limits.node(key);
        if (n == null) return out;
        if (!n.isObject()) {
            limits.problem(key, "must be an object {\"min\": .., \"max\": ..}, was " + JsonFields.shown(n));
            return out;
        }
        JsonFields f = new JsonFields(n, path + "." + key, problems);
        out[0] = nonNegative(f, "min");
        out[1] = nonNegative(f, "max");
        if (out[0] != null && out[1] != null && out[0] > out[1]) {
            f.problem("max", "must not be below min (" + out[0] + "), was " + out[1]);
        }
        return out;
    }

    private static Double nonNegative(JsonFields f, String key) {
        Double v = f.number(key, null);
        if (v != null && v < 0) {
            f.problem(key, "must be 0 or more, was " + v);
            return null;
        }
        return v;
    }
}
