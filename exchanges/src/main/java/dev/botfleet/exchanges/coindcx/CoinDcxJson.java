package dev.botfleet.exchanges.coindcx;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;

/**
 * CoinDCX writes money as JSON numbers ({@code "price":0.2966}) and sometimes as strings ({@code "balance":"6.16"}):
 * both are read as exact decimals (never through a double), and our bodies write decimals plainly (no exponent), so
 * the bytes we sign are the bytes a reader would expect.
 */
final class CoinDcxJson {
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private CoinDcxJson() {
    }

    static JsonNode parse(String text) { return JSON.readTree(text == null || text.isEmpty() ? "{}" : text); }

    /** A decimal field written as a number or a string; zero when absent, null or empty. */
    static BigDecimal dec(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) return BigDecimal.ZERO;
        if (v.isNumber()) return v.decimalValue();
        String text = v.asString("").trim();
        if (text.isEmpty() || text.equals("None")) return BigDecimal.ZERO;
        return new BigDecimal(text);
    }

    /** The exact text of a numeric field ("1705645534425.8374" stays as it is), for keys built from it. */
    static String exact(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isNumber()) return v.decimalValue().stripTrailingZeros().toPlainString();
        String text = v.asString("");
        try {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** Milliseconds of a timestamp written as a (possibly fractional) number or a string. */
    static long millis(JsonNode node, String field) {
        return dec(node, field).longValue();
    }
}
