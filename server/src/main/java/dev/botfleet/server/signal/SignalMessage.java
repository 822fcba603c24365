package dev.botfleet.server.signal;

import dev.botfleet.engine.strategy.ExternalSignal;
import dev.botfleet.server.common.Violations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One incoming signal as TradingView (or anything else) posts it: a JSON object
 * {@code {"action": "buy|sell|close", "price"?: number|string, "size"?: number|string, "id"?: string,
 * "timestamp"?: ISO-8601 or epoch ms, "symbol"?: string}}. Other fields are ignored, so a template may carry notes.
 * Numbers may be strings because TradingView placeholders such as {{close}} are pasted inside quotes as often as not.
 */
public record SignalMessage(ExternalSignal.Action action, BigDecimal price, BigDecimal size, String id,
                            Instant timestamp, String symbol) {
    static final int MAX_ID = 100;
    static final int MAX_SYMBOL = 40;

    /** Parses and checks a body; throws a 400 naming every bad field. */
    public static SignalMessage parse(String body, JsonMapper json) {
        Violations v = new Violations();
        JsonNode root = null;
        if (body == null || body.isBlank()) {
            v.add("body", "is required: a JSON object such as {\"action\": \"buy\"}", null);
        } else {
            try {
                root = json.readTree(body);
            } catch (JacksonException e) {
                v.add("body", "is not valid JSON", null);
            }
            if (root != null && !root.isObject()) {
                v.add("body", "must be a JSON object such as {\"action\": \"buy\"}", null);
                root = null;
            }
        }
        v.throwIfAny();
        ExternalSignal.Action action = action(root.get("action"), v);
        BigDecimal price = positive("price", root.get("price"), v);
        BigDecimal size = positive("size", root.get("size"), v);
        String id = text("id", root.get("id"), MAX_ID, v);
        Instant timestamp = timestamp(root.get("timestamp"), v);
        String symbol = text("symbol", root.get("symbol"), MAX_SYMBOL, v);
        v.throwIfAny();
        return new SignalMessage(action, price, size, id, timestamp, symbol);
    }

    /**
     * Whether {@code symbol} names the bot's market: "BTC/USDT", "BTCUSDT", "btc-usdt" and TradingView's
     * "BINANCE:BTCUSDT" ({{exchange}}:{{ticker}}) all name BTC/USDT. A perpetual's ".P" suffix is dropped too.
     */
    public static boolean sameMarket(String symbol, String botSymbol) {
        return normal(symbol).equals(normal(botSymbol));
    }

    private static String normal(String s) {
        String t = s.substring(s.indexOf(':') + 1).toUpperCase(Locale.ROOT);
        if (t.endsWith(".P")) t = t.substring(0, t.length() - 2);
        return t.replaceAll("[^A-Z0-9]", "");
    }

    private static ExternalSignal.Action action(JsonNode node, Violations v) {
        if (node == null || node.isNull()) {
            v.add("action", "is required: buy, sell or close", null);
            return null;
        }
        String text = node.isString() ? node.asString().trim().toUpperCase(Locale.ROOT) : "";
        try {
            return ExternalSignal.Action.valueOf(text);
        } catch (IllegalArgumentException e) {
            v.add("action", "must be buy, sell or close", shown(node));
            return null;
        }
    }

    private static BigDecimal positive(String field, JsonNode node, Violations v) {
        if (node == null || node.isNull()) return null;
        BigDecimal d = null;
        if (node.isNumber()) {
            d = node.decimalValue();
        } else if (node.isString()) {
            try {
                d = new BigDecimal(node.asString().trim());
            } catch (NumberFormatException e) {
                d = null;
            }
        }
        if (d == null) {
            v.add(field, "must be a number", shown(node));
        } else if (d.signum() <= 0 || d.precision() - d.scale() > 18 || d.scale() > 18) {
            v.add(field, "must be greater than 0, at most 18 digits before and after the point", shown(node));
            d = null;
        }
        return d;
    }

    private static String text(String field, JsonNode node, int max, Violations v) {
        if (node == null || node.isNull()) return null;
        if (!node.isString() && !node.isNumber()) {
            v.add(field, "must be a string", shown(node));
            return null;
        }
        String s = node.asString().trim();
        if (s.isEmpty() || s.length() > max || s.chars().anyMatch(Character::isISOControl)) {
            v.add(field, "must be 1 to " + max + " printable characters", shown(node));
            return null;
        }
        return s;
    }

    private static Instant timestamp(JsonNode node, Violations v) {
        if (node == null || node.isNull()) return null;
        String s = node.isNumber() || node.isString() ? node.asString().trim() : "";
        try {
            if (s.matches("\\d{1,15}")) return Instant.ofEpochMilli(Long.parseLong(s));
            return Instant.parse(s);
        } catch (DateTimeParseException | NumberFormatException e) {
            v.add("timestamp", "must be an ISO-8601 time (2026-01-01T12:00:00Z) or epoch milliseconds", shown(node));
            return null;
        }
    }

    private static String shown(JsonNode node) {
        String s = node.isString() ? node.asString() : node.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
