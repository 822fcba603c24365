package dev.botfleet.fakes.delta;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/** Delta's answer envelope {"success":true,"result":...,"meta":...} and number formatting. */
final class DeltaJson {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DeltaJson() {
    }

    static ObjectNode object() { return MAPPER.createObjectNode(); }

    static ArrayNode array() { return MAPPER.createArrayNode(); }

    static JsonNode parse(String text) { return MAPPER.readTree(text == null || text.isEmpty() ? "{}" : text); }

    static String write(JsonNode node) { return MAPPER.writeValueAsString(node); }

    static String ok(JsonNode result) { return ok(result, null); }

    static String ok(JsonNode result, JsonNode meta) {
        ObjectNode root = object();
        root.put("success", true);
        root.set("result", result);
        if (meta != null) root.set("meta", meta);
        return write(root);
    }

    /** Delta sends decimals as strings. */
    static String num(BigDecimal value) {
        if (value == null) return null;
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.asString("");
    }

    /** "true"/"false" strings (as the swagger types them) or JSON booleans (as the examples send them). */
    static boolean flag(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isBoolean() ? v.asBoolean() : "true".equalsIgnoreCase(v.asString(""));
    }
}
