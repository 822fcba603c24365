package dev.botfleet.fakes.kraken;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Kraken's answer shapes. REST answers are {@code {"error":[...],"result":...}} with HTTP 200 for refusals too
 * (https://docs.kraken.com/api/docs/guides/spot-errors); decimals are strings. WebSocket v2 messages carry numbers
 * and RFC 3339 timestamps.
 */
final class KrakenJson {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private KrakenJson() {
    }

    static ObjectNode object() { return JSON.createObjectNode(); }

    static String ok(Object result) {
        ObjectNode out = object();
        out.putArray("error");
        out.set("result", JSON.valueToTree(result));
        return out.toString();
    }

    static String error(String... errors) {
        ObjectNode out = object();
        var array = out.putArray("error");
        for (String e : List.of(errors)) array.add(e);
        return out.toString();
    }

    static String rfc3339(long millis) { return RFC3339.format(Instant.ofEpochMilli(millis)); }

    /** Seconds with four decimals, as opentm / closetm / time are sent. */
    static BigDecimal seconds(long millis) { return BigDecimal.valueOf(millis).movePointLeft(3); }

    /** A decimal as Kraken prints it: plain, with {@code scale} decimals. */
    static String plain(BigDecimal value, int scale) {
        return value.setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
