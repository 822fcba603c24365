package dev.botfleet.fakes.coindcx;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/** CoinDCX writes decimals as JSON numbers; read and written exactly (no doubles, no exponents). */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {
    }

    static ObjectNode object() { return MAPPER.createObjectNode(); }

    static ArrayNode array() { return MAPPER.createArrayNode(); }

    static JsonNode parse(String text) { return MAPPER.readTree(text == null || text.isEmpty() ? "{}" : text); }

    static String write(JsonNode node) { return MAPPER.writeValueAsString(node); }

    static String text(JsonNode node, String field) { return node.path(field).asString(""); }

    /** A decimal sent as a number or a string; null when absent or null. */
    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) return null;
        if (v.isNumber()) return v.decimalValue();
        String text = v.asString("").trim();
        if (text.isEmpty()) return null;
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw CoinDcxError.invalid(field + " is not a number");
        }
    }

    static BigDecimal plain(BigDecimal v) { return v == null ? null : v.stripTrailingZeros(); }
}
