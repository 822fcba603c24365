package dev.botfleet.exchanges.delta;

import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueException.Kind;
import dev.botfleet.exchanges.http.RateLimiter;
import dev.botfleet.exchanges.http.VenueRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Set;

/**
 * How Delta answers: {"success":true,"result":...}; refusals as {"success":false,"error":{"code":...,"context":...}}
 * or, from the gateway, {"error":"SignatureExpired","message":...}. 429 carries X-RATE-LIMIT-RESET (ms until the
 * quota window restarts); 403 is the CDN ("Request blocked by CDN"), which we treat as the address being blocked.
 * The SignatureExpired answer carries the server's time, which is kept for the clock resync.
 */
final class DeltaRules implements VenueRules {
    static final String VENUE = "delta";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** No documented duration for a CDN block; "wait for 5 to 10 minutes" is what the docs say for sockets. */
    static final Duration BLOCK = Duration.ofMinutes(5);

    private static final Set<String> AUTH = Set.of("InvalidApiKey", "UnauthorizedApiAccess", "Signature Mismatch",
            "signature_mismatch", "invalid_api_key", "invalid_signature", "ip_not_whitelisted_for_api_key",
            "ip_blocked_for_api_key", "unauthorized");
    private static final Set<String> BALANCE = Set.of("insufficient_margin", "insufficient_balance",
            "insufficient_commission");

    private volatile long lastServerSeconds;

    @Override
    public String venue() { return VENUE; }

    /** The server time (epoch seconds) the last SignatureExpired answer carried, or 0. */
    long lastServerSeconds() { return lastServerSeconds; }

    @Override
    public VenueException classify(int status, HttpHeaders headers, String body) {
        if (status == 429) {
            long reset = headers.firstValue("X-RATE-LIMIT-RESET").map(DeltaRules::parseLong).orElse(1000L);
            return new VenueException(Kind.RATE_LIMITED, VENUE, "429", "rate limit quota used up",
                    Duration.ofMillis(Math.max(50, Math.min(reset, 300_000))));
        }
        if (status == 403) {
            Duration wait = headers.firstValue("Retry-After").map(s -> Duration.ofSeconds(parseLong(s))).orElse(BLOCK);
            return new VenueException(Kind.BANNED, VENUE, "403", "request blocked by Delta's CDN (address blocked)",
                    wait);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (RuntimeException notJson) {
            json = null;
        }
        if (status >= 200 && status < 300 && json != null && json.path("success").asBoolean(true)) return null;
        if (json == null) {
            if (status >= 500) return new VenueException(Kind.UNAVAILABLE, VENUE, Integer.toString(status), "HTTP " + status);
            return new VenueException(Kind.REJECTED, VENUE, Integer.toString(status), "HTTP " + status);
        }
        JsonNode error = json.path("error");
        String code = error.isString() ? error.asString() : error.path("code").asString("");
        String words = error.isString() ? json.path("message").asString(code) : describe(code, error.path("context"));
        if (code.equals("SignatureExpired") || code.equals("expired_signature")) {
            long server = json.path("server_time").asLong(0);
            if (server == 0) server = parseLong(json.path("server_time").asString("0"));
            if (server > 0) lastServerSeconds = server;
            return new VenueException(Kind.TIMESTAMP, VENUE, code, words);
        }
        if (status >= 500 || code.equals("unavailable") || code.equals("internal_server_error")) {
            return new VenueException(Kind.UNAVAILABLE, VENUE, code.isEmpty() ? Integer.toString(status) : code, words);
        }
        if (AUTH.contains(code) || status == 401) {
            return new VenueException(Kind.AUTH, VENUE, code.isEmpty() ? "401" : code, words);
        }
        if (BALANCE.contains(code)) return new VenueException(Kind.INSUFFICIENT_BALANCE, VENUE, code, words);
        if (code.contains("duplicate")) return new VenueException(Kind.DUPLICATE_ORDER, VENUE, code, words);
        if (code.equals("open_order_not_found") || code.equals("not_found") || status == 404) {
            return new VenueException(Kind.UNKNOWN_ORDER, VENUE, code.isEmpty() ? "404" : code, words);
        }
        return new VenueException(Kind.REJECTED, VENUE, code.isEmpty() ? Integer.toString(status) : code, words);
    }

    /** Plain words for a code: the documented meaning where there is one, then the context's messages. */
    static String describe(String code, JsonNode context) {
        String meaning = switch (code) {
            case "insufficient_margin" -> "insufficient margin for the order at this leverage";
            case "order_size_exceed_available" -> "not enough liquidity in the book to fill the order";
            case "risk_limits_breached" -> "the order would breach the position's risk limits";
            case "invalid_contract" -> "the product does not exist, has expired or is not trading";
            case "immediate_liquidation" -> "the order would cause immediate liquidation";
            case "out_of_bankruptcy" -> "the order price is beyond the position's bankruptcy limits";
            case "immediate_execution_post_only" -> "post-only order would execute immediately";
            case "open_order_not_found" -> "no such open order";
            case "bad_schema" -> "request refused by the venue's validation";
            default -> code;
        };
        StringBuilder text = new StringBuilder(meaning);
        for (JsonNode e : context.path("schema_errors")) {
            text.append("; ").append(e.path("param").asString("")).append(": ").append(e.path("message").asString(""));
        }
        if (context.has("message")) text.append("; ").append(context.path("message").asString(""));
        return text.toString();
    }

    /** Delta reports no used weight on successful answers; the quota is learned from /v2/rate_limits/quota. */
    @Override
    public void observe(HttpHeaders headers, RateLimiter limiter) {
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
