package dev.botfleet.exchanges.bybit;

import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueException.Kind;
import dev.botfleet.exchanges.http.ClockOffset;
import dev.botfleet.exchanges.http.RateLimiter;
import dev.botfleet.exchanges.http.VenueRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Set;

/**
 * How Bybit v5 answers: HTTP 200 with {"retCode":0,...} on success and a non-zero retCode on refusal
 * (https://bybit-exchange.github.io/docs/v5/error); HTTP 403 when the address broke the IP limit ("access too
 * frequent": wait at least ten minutes, https://bybit-exchange.github.io/docs/v5/rate-limit); 5xx from the gateway.
 * One instance per window of {@link UidLimits} (or none, for public calls), so the X-Bapi-Limit* headers of an answer
 * land in the window its request counted in.
 */
final class BybitRules implements VenueRules {
    static final String VENUE = "bybit";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** "you should terminate all HTTP sessions and wait for at least 10 minutes". */
    static final Duration IP_BAN = Duration.ofMinutes(10);

    private static final Set<Integer> AUTH = Set.of(10003, 10004, 10005, 10007, 10009, 10010, 33004, -2015);
    private static final Set<Integer> RATE = Set.of(10006, 10018, 170005, 170222);
    private static final Set<Integer> UNAVAILABLE = Set.of(10000, 10016, 10019, 170001, 170007, 170032, 170146,
            170147, 170234);
    private static final Set<Integer> BALANCE = Set.of(170131, 170033, 110004, 110007, 110012, 110045);
    private static final Set<Integer> DUPLICATE = Set.of(170141, 110072);
    /** Does not exist, or already filled / cancelled (a cancel of an order that is gone). */
    private static final Set<Integer> UNKNOWN = Set.of(170213, 110001, 110008, 110010, 170139, 170142, 170143, 170190);

    private final ClockOffset venueClock;
    private final UidLimits uidLimits;
    private final String window;

    BybitRules(ClockOffset venueClock, UidLimits uidLimits, String window) {
        this.venueClock = venueClock;
        this.uidLimits = uidLimits;
        this.window = window;
    }

    @Override
    public String venue() { return VENUE; }

    @Override
    public VenueException classify(int status, HttpHeaders headers, String body) {
        if (status == 403) {
            Duration wait = headers.firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s.trim())))
                    .orElse(IP_BAN);
            return new VenueException(Kind.BANNED, VENUE, "403", "access too frequent: address over the IP limit", wait);
        }
        if (status == 429) {
            return new VenueException(Kind.RATE_LIMITED, VENUE, "429", "system level frequency protection",
                    Duration.ofSeconds(1));
        }
        if (status == 401) return new VenueException(Kind.AUTH, VENUE, "401", "invalid request: key or its headers");
        JsonNode json;
        try {
            json = JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (RuntimeException notJson) {
            json = null;
        }
        if (json == null || !json.has("retCode")) {
            if (status >= 500) return new VenueException(Kind.UNAVAILABLE, VENUE, Integer.toString(status), "HTTP " + status);
            if (status == 200) return new VenueException(Kind.UNAVAILABLE, VENUE, null, "answer without retCode");
            return new VenueException(Kind.REJECTED, VENUE, Integer.toString(status), "HTTP " + status);
        }
        int code = json.path("retCode").asInt();
        if (code == 0 && status == 200) return null;
        String words = json.path("retMsg").asString("");
        String venueCode = Integer.toString(code);
        if (status >= 500 || UNAVAILABLE.contains(code)) return new VenueException(Kind.UNAVAILABLE, VENUE, venueCode, words);
        if (code == 10002) return new VenueException(Kind.TIMESTAMP, VENUE, venueCode, words);
        if (AUTH.contains(code)) return new VenueException(Kind.AUTH, VENUE, venueCode, words);
        if (RATE.contains(code)) return new VenueException(Kind.RATE_LIMITED, VENUE, venueCode, words, resetWait(headers));
        if (BALANCE.contains(code)) return new VenueException(Kind.INSUFFICIENT_BALANCE, VENUE, venueCode, words);
        if (DUPLICATE.contains(code)) return new VenueException(Kind.DUPLICATE_ORDER, VENUE, venueCode, words);
        if (UNKNOWN.contains(code)) return new VenueException(Kind.UNKNOWN_ORDER, VENUE, venueCode, words);
        return new VenueException(Kind.REJECTED, VENUE, venueCode, words);
    }

    /** retCode 10006 comes with X-Bapi-Limit-Reset-Timestamp: when the window has room again. */
    private Duration resetWait(HttpHeaders headers) {
        long reset = headers.firstValue("X-Bapi-Limit-Reset-Timestamp").map(BybitRules::parseLong).orElse(0L);
        long wait = reset - venueClock.venueMillis();
        return Duration.ofMillis(reset <= 0 ? 1000 : Math.max(50, Math.min(wait, 60_000)));
    }

    /**
     * Bybit has no IP-usage header, so the shared limiter only counts; the per-UID headers go to this rules' window.
     */
    @Override
    public void observe(HttpHeaders headers, RateLimiter limiter) {
        if (uidLimits == null) return;
        var limit = headers.firstValue("X-Bapi-Limit");
        var remaining = headers.firstValue("X-Bapi-Limit-Status");
        if (limit.isEmpty() || remaining.isEmpty()) return;
        long reset = headers.firstValue("X-Bapi-Limit-Reset-Timestamp").map(BybitRules::parseLong).orElse(0L);
        uidLimits.observe(window, (int) parseLong(limit.get()), (int) parseLong(remaining.get()), reset);
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
