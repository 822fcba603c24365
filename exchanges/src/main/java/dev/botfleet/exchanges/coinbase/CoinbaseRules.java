package dev.botfleet.exchanges.coinbase;

import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueException.Kind;
import dev.botfleet.exchanges.http.ClockOffset;
import dev.botfleet.exchanges.http.RateLimiter;
import dev.botfleet.exchanges.http.VenueRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;

/**
 * How Advanced Trade answers. HTTP errors: 401 (the token was refused: unknown or revoked key, bad signature, expired
 * or not-yet-valid token — Coinbase does not say which), 403 (no permission), 404, 429 (too many requests; the
 * x-ratelimit-reset header says when the window resets), 5xx. A refused Create Order is HTTP 200 with
 * {"success": false, "error_response": {"error", "message"}}: {@link #createFailure} maps it. Answers to private calls
 * carry x-ratelimit-limit / -remaining, which set this key's limiter window.
 */
final class CoinbaseRules implements VenueRules {
    static final String VENUE = "coinbase";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The private window's name in a key's limiter. */
    static final String PRIVATE_WINDOW = "PRIVATE_1S";
    static final String PUBLIC_WINDOW = "PUBLIC_1S";

    /** Create Order error_response.error values that mean the balance is short. */
    private static final Map<String, Kind> CREATE_ERRORS = Map.of(
            "INSUFFICIENT_FUND", Kind.INSUFFICIENT_BALANCE,
            "INSUFFICIENT_FUNDS", Kind.INSUFFICIENT_BALANCE,
            "UNSUPPORTED_ORDER_CONFIGURATION", Kind.UNSUPPORTED,
            "PERMISSION_DENIED", Kind.AUTH);

    private final ClockOffset clock;
    private final String window;
    private volatile int advertised;

    /** @param window the limiter window the answers' x-ratelimit-* headers describe, or null for none */
    CoinbaseRules(ClockOffset clock, String window) {
        this.clock = clock;
        this.window = window;
    }

    @Override
    public String venue() { return VENUE; }

    @Override
    public VenueException classify(int status, HttpHeaders headers, String body) {
        if (status >= 200 && status < 300) return null;
        JsonNode json = parse(body);
        String code = json.path("error").asString("");
        String words = json.path("message").asString("");
        if (words.isEmpty()) words = "HTTP " + status;
        return switch (status) {
            case 401 -> new VenueException(Kind.AUTH, VENUE, "401", "Unauthorized: the key is unknown or revoked, "
                    + "or its token was refused");
            case 403 -> new VenueException(Kind.AUTH, VENUE, "403", "forbidden: the key lacks the permission (" + words + ")");
            case 404 -> new VenueException(Kind.UNKNOWN_ORDER, VENUE, code.isEmpty() ? "404" : code, words);
            case 429 -> new VenueException(Kind.RATE_LIMITED, VENUE, "429", "too many requests", wait(headers));
            default -> status >= 500
                    ? new VenueException(Kind.UNAVAILABLE, VENUE, Integer.toString(status), words)
                    : new VenueException(Kind.REJECTED, VENUE, code.isEmpty() ? Integer.toString(status) : code, words);
        };
    }

    /** The refusal inside a Create Order answer with success false, in plain words with Coinbase's code. */
    static VenueException createFailure(JsonNode answer) {
        JsonNode err = answer.path("error_response");
        String code = err.path("error").asString("");
        if (code.isEmpty()) code = answer.path("failure_reason").asString("UNKNOWN_FAILURE_REASON");
        String words = err.path("message").asString("");
        if (words.isEmpty()) words = err.path("error_details").asString("order refused");
        Kind kind = CREATE_ERRORS.getOrDefault(code, Kind.REJECTED);
        return new VenueException(kind, VENUE, code, words);
    }

    /**
     * How long a 429 asks us to wait: x-ratelimit-reset read as seconds from now, or as an epoch time in seconds when
     * it is that large (the unit is not documented); one second when absent.
     */
    private Duration wait(HttpHeaders headers) {
        long reset = headers.firstValue("x-ratelimit-reset").map(CoinbaseRules::parseLong).orElse(0L);
        long millis;
        if (reset > 1_000_000_000L) millis = reset * 1000 - clock.venueMillis();
        else millis = reset * 1000;
        return Duration.ofMillis(reset <= 0 ? 1000 : Math.max(100, Math.min(millis, 60_000)));
    }

    /**
     * x-ratelimit-limit sets the window (one below it: a request counted at the end of our second may land in the
     * venue's next one); x-ratelimit-remaining tells what the venue has counted in it.
     */
    @Override
    public void observe(HttpHeaders headers, RateLimiter limiter) {
        if (window == null) return;
        int limit = (int) headers.firstValue("x-ratelimit-limit").map(CoinbaseRules::parseLong).orElse(0L).longValue();
        if (limit <= 0) return;
        if (limit != advertised) {
            advertised = limit;
            limiter.limit(window, RateLimiter.Counts.WEIGHT, 1000, Math.max(1, limit - 1));
        }
        headers.firstValue("x-ratelimit-remaining").map(CoinbaseRules::parseLong)
                .ifPresent(remaining -> limiter.observe(window, (int) Math.max(0, limit - remaining)));
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
