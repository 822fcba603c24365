package dev.botfleet.fakes.bybit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/** Bybit's answer envelope and number formatting, shared by the fake's REST and WebSocket sides. */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static ObjectNode object() { return MAPPER.createObjectNode(); }

    static ArrayNode array() { return MAPPER.createArrayNode(); }

    static JsonNode parse(String text) { return MAPPER.readTree(text); }

    static String write(JsonNode node) { return MAPPER.writeValueAsString(node); }

    /** {"retCode":0,"retMsg":"OK","result":{...},"retExtInfo":{},"time":...} (guide, "Common response parameters"). */
    static String ok(JsonNode result, long now) { return envelope(0, "OK", result, now); }

    static String error(int code, String message, long now) { return envelope(code, message, object(), now); }

    private static String envelope(int code, String message, JsonNode result, long now) {
        ObjectNode root = object();
        root.put("retCode", code);
        root.put("retMsg", message);
        root.set("result", result);
        root.set("retExtInfo", object());
        root.put("time", now);
        return write(root);
    }

    /** Bybit sends every decimal as a string. */
    static String num(BigDecimal value) {
        if (value == null) return "";
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static String text(JsonNode node, String field) { return node.path(field).asString(""); }
}
