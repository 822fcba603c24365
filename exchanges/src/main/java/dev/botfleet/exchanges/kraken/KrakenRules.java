package dev.botfleet.exchanges.kraken;

import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueException.Kind;
import dev.botfleet.exchanges.http.RateLimiter;
import dev.botfleet.exchanges.http.VenueRules;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How Kraken answers: {@code {"error":[...],"result":...}}, HTTP 200 for refusals too, each error a
 * "Severity+Category:Message" string (https://docs.kraken.com/api/docs/guides/spot-errors). There are no rate-limit
 * headers to observe. Each error becomes a {@link Kind} and plain words, with Kraken's string as the venue code.
 */
final class KrakenRules implements VenueRules {
    static final String VENUE = "kraken";
    /** v2 stream numbers are JSON numbers: read them as BigDecimal, never through a double. */
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final Supplier<Duration> callCounterFull;
    private final Supplier<Duration> tradeCounterFull;

    /** @param callCounterFull tells the key's counter mirror that Kraken found it full; returns how long to wait */
    KrakenRules(Supplier<Duration> callCounterFull, Supplier<Duration> tradeCounterFull) {
        this.callCounterFull = callCounterFull;
        this.tradeCounterFull = tradeCounterFull;
    }

    @Override
    public String venue() { return VENUE; }

    @Override
    public VenueException classify(int status, HttpHeaders headers, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (RuntimeException notJson) {
            json = null;
        }
        JsonNode errors = json == null ? null : json.path("error");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            VenueException e = classify(errors.get(0).asString(""));
            if (status >= 500 && e.kind() == Kind.REJECTED) {
                return new VenueException(Kind.UNAVAILABLE, VENUE, e.venueCode(), "HTTP " + status);
            }
            return e;
        }
        if (status >= 500 || status == 429) {
            return new VenueException(status == 429 ? Kind.RATE_LIMITED : Kind.UNAVAILABLE, VENUE,
                    Integer.toString(status), "HTTP " + status, status == 429 ? callCounterFull.get() : null);
        }
        if (json == null || !json.has("result")) {
            return new VenueException(status == 200 ? Kind.UNAVAILABLE : Kind.REJECTED, VENUE, Integer.toString(status),
                    "answer without a result (HTTP " + status + ")");
        }
        return null;
    }

    /** One Kraken error string in our terms. */
    VenueException classify(String error) {
        String code = error.trim();
        if (code.startsWith("EAPI:Invalid key")) return fail(Kind.AUTH, code, "the API key is not known to Kraken (or was revoked)");
        if (code.startsWith("EAPI:Invalid signature")) return fail(Kind.AUTH, code, "the request signature was refused: wrong API secret");
        if (code.startsWith("EGeneral:Permission denied") || code.startsWith("EAPI:Feature disabled")) {
            return fail(Kind.AUTH, code, "the API key lacks the permission for this call");
        }
        // A nonce not above the key's last one: a fresh nonce (the resync-and-sign-again path) succeeds.
        if (code.startsWith("EAPI:Invalid nonce")) return fail(Kind.TIMESTAMP, code, "nonce not above the key's last one");
        if (code.startsWith("EAPI:Rate limit exceeded")) {
            return new VenueException(Kind.RATE_LIMITED, VENUE, code, "the key's REST call counter is full",
                    callCounterFull.get());
        }
        if (code.startsWith("EOrder:Rate limit exceeded")) {
            return new VenueException(Kind.RATE_LIMITED, VENUE, code, "the pair's trading rate counter is full",
                    tradeCounterFull.get());
        }
        if (code.startsWith("EService:Throttled")) {
            return new VenueException(Kind.BANNED, VENUE, code, "Kraken throttles this client until the time it named",
                    throttledFor(code));
        }
        if (code.startsWith("EService:") || code.startsWith("EGeneral:Internal error")) {
            return fail(Kind.UNAVAILABLE, code, "Kraken is unavailable or busy");
        }
        if (code.startsWith("EOrder:Insufficient funds")) return fail(Kind.INSUFFICIENT_BALANCE, code, "insufficient balance for this order");
        if (code.startsWith("EOrder:Unknown order") || code.startsWith("EOrder:Invalid order")) {
            return fail(Kind.UNKNOWN_ORDER, code, "Kraken has no such open order");
        }
        if (code.startsWith("EOrder:Duplicate")) return fail(Kind.DUPLICATE_ORDER, code, "an open order already has this cl_ord_id");
        if (code.startsWith("EOrder:Invalid price")) return fail(Kind.REJECTED, code, "price not on the pair's tick");
        if (code.startsWith("EOrder:Order minimum not met")) return fail(Kind.REJECTED, code, "volume below the pair's minimum");
        if (code.startsWith("EOrder:Cost minimum not met")) return fail(Kind.REJECTED, code, "order value below the pair's minimum");
        if (code.startsWith("EOrder:Post only order")) return fail(Kind.REJECTED, code, "post-only order would have taken liquidity");
        if (code.startsWith("EQuery:Unknown asset pair")) return fail(Kind.REJECTED, code, "pair not listed on Kraken");
        return fail(Kind.REJECTED, code, "refused by Kraken");
    }

    /** Kraken reports no used weight: nothing to observe. */
    @Override
    public void observe(HttpHeaders headers, RateLimiter limiter) {
    }

    private static VenueException fail(Kind kind, String code, String words) {
        return new VenueException(kind, VENUE, code, words);
    }

    /** "EService:Throttled: 1700000000": wait until that second (at least one second, at most ten minutes). */
    private static Duration throttledFor(String code) {
        try {
            long until = Long.parseLong(code.substring(code.lastIndexOf(':') + 1).trim()) * 1000;
            return Duration.ofMillis(Math.max(1000, Math.min(until - System.currentTimeMillis(), 600_000)));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(5);
        }
    }

    /** A decimal from a string (REST) or a number (WebSocket v2) field; zero when absent. */
    static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) return BigDecimal.ZERO;
        if (node.isNumber()) return node.decimalValue();
        String text = node.asString("");
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }
}
