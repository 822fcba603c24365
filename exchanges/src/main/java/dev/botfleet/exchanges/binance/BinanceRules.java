package dev.botfleet.exchanges.binance;

import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueException.Kind;
import dev.botfleet.exchanges.http.RateLimiter;
import dev.botfleet.exchanges.http.VenueRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Locale;

/**
 * How Binance answers (rest-api.md "HTTP Return Codes", "LIMITS"; errors.md): a 4xx body {@code {"code":..,"msg":..}},
 * 429/418 with {@code Retry-After} in seconds, 5xx meaning "execution status unknown", and the
 * {@code X-MBX-USED-WEIGHT-<n><unit>} (per address) and {@code X-MBX-ORDER-COUNT-<n><unit>} (per account) headers.
 */
final class BinanceRules implements VenueRules {
    static final String VENUE = "binance";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WEIGHT_HEADER = "x-mbx-used-weight-";
    private static final String ORDER_HEADER = "x-mbx-order-count-";

    /** The account's order-count limiter (null for a client without a key): the venue counts orders per account. */
    private final BinanceOrderLimits orderLimits;

    BinanceRules(BinanceOrderLimits orderLimits) {
        this.orderLimits = orderLimits;
    }

    @Override
    public String venue() { return VENUE; }

    @Override
    public VenueException classify(int status, HttpHeaders headers, String body) {
        if (status >= 200 && status < 300) return null;
        Integer code = null;
        String msg = null;
        try {
            JsonNode n = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            if (n.has("code")) code = n.get("code").asInt();
            if (n.has("msg")) msg = n.get("msg").asString();
        } catch (RuntimeException notJson) {
            // an HTML error page from a proxy: classified by status alone
        }
        String venueCode = code != null ? Integer.toString(code) : Integer.toString(status);
        String words = msg != null ? msg : "HTTP " + status;
        Duration retryAfter = headers.firstValue("Retry-After").map(BinanceRules::seconds).orElse(null);
        if (status == 429) return new VenueException(Kind.RATE_LIMITED, VENUE, venueCode, words, retryAfter);
        if (status == 418) return new VenueException(Kind.BANNED, VENUE, venueCode, words, retryAfter);
        if (status >= 500) return new VenueException(Kind.UNAVAILABLE, VENUE, venueCode, words);
        if (status == 410) return new VenueException(Kind.UNSUPPORTED, VENUE, venueCode, "endpoint retired: " + words);
        return new VenueException(kindOf(code, words), VENUE, venueCode, words);
    }

    /** The kind of a Binance error code (and, for -2010/-2011, its message: they share one code). */
    static Kind kindOf(Integer code, String msg) {
        if (code == null) return Kind.REJECTED;
        String m = msg == null ? "" : msg.toLowerCase(Locale.ROOT);
        return switch (code) {
            case -1021 -> Kind.TIMESTAMP;
            case -1022, -2014, -2015, -1002 -> Kind.AUTH;
            case -1003, -1015 -> Kind.RATE_LIMITED;
            // "execution status unknown" (errors.md): the request may have been executed
            case -1000, -1001, -1006, -1007, -1008 -> Kind.UNAVAILABLE;
            case -2013 -> Kind.UNKNOWN_ORDER;
            case -2011 -> m.contains("unknown order") ? Kind.UNKNOWN_ORDER : Kind.REJECTED;
            case -2010 -> {
                if (m.contains("insufficient balance")) yield Kind.INSUFFICIENT_BALANCE;
                if (m.contains("duplicate order")) yield Kind.DUPLICATE_ORDER;
                if (m.contains("may not place or cancel")) yield Kind.AUTH;
                yield Kind.REJECTED;
            }
            case -1020 -> Kind.UNSUPPORTED;
            default -> Kind.REJECTED;
        };
    }

    @Override
    public void observe(HttpHeaders headers, RateLimiter limiter) {
        headers.map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (values.isEmpty()) return;
            try {
                if (lower.startsWith(WEIGHT_HEADER)) {
                    limiter.observe("REQUEST_WEIGHT_" + lower.substring(WEIGHT_HEADER.length()).toUpperCase(Locale.ROOT),
                            Integer.parseInt(values.getFirst().trim()));
                } else if (lower.startsWith(ORDER_HEADER) && orderLimits != null) {
                    orderLimits.observe("ORDERS_" + lower.substring(ORDER_HEADER.length()).toUpperCase(Locale.ROOT),
                            Integer.parseInt(values.getFirst().trim()));
                }
            } catch (NumberFormatException ignored) {
                // a malformed header tells us nothing
            }
        });
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
