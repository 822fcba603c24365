package dev.botfleet.exchanges.coindcx;

import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueException.Kind;
import dev.botfleet.exchanges.http.RateLimiter;
import dev.botfleet.exchanges.http.VenueRules;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Locale;

/**
 * How CoinDCX answers. Success is a 2xx with the payload itself (an array for create and list calls,
 * {"message":"success","status":200,"code":200} for cancel and leverage). Refusals are HTTP statuses with words
 * (docs, Create Order "Possible Error Codes", Errors, FAQ): 401 a wrong key, 400 "Insufficient funds", 400/422 filter
 * and leverage words, 429 "Too Many Requests", 500/503. The error body's shape is not documented; the message is read
 * from {@code message} (or {@code error}) when the body is JSON, else the body text.
 *
 * <p>Not documented, so decided here: a timestamp refusal is recognised by its words mentioning the timestamp, and an
 * HTTP 403 (the CDN blocking the address) is treated as a ban for its Retry-After, else two minutes.
 */
final class CoinDcxRules implements VenueRules {
    static final String VENUE = "coindcx";
    static final Duration DEFAULT_BLOCK = Duration.ofMinutes(2);

    @Override
    public String venue() { return VENUE; }

    @Override
    public VenueException classify(int status, HttpHeaders headers, String body) {
        if (status >= 200 && status < 300) return null;
        String code = Integer.toString(status);
        String words = words(body);
        String lower = words.toLowerCase(Locale.ROOT);
        if (status == 429) return new VenueException(Kind.RATE_LIMITED, VENUE, code, "Too Many Requests", retryAfter(headers, null));
        if (status == 403) {
            return new VenueException(Kind.BANNED, VENUE, code, "address blocked: " + words,
                    retryAfter(headers, DEFAULT_BLOCK));
        }
        if (status >= 500) return new VenueException(Kind.UNAVAILABLE, VENUE, code, words.isEmpty() ? "HTTP " + status : words);
        if (lower.contains("timestamp")) return new VenueException(Kind.TIMESTAMP, VENUE, code, words);
        if (status == 401) return new VenueException(Kind.AUTH, VENUE, code, words.isEmpty() ? "Unauthorized" : words);
        if (lower.contains("insufficient funds")) return new VenueException(Kind.INSUFFICIENT_BALANCE, VENUE, code, words);
        if (lower.contains("cannot be cancelled") || lower.contains("not found") || status == 404) {
            return new VenueException(Kind.UNKNOWN_ORDER, VENUE, code, words);
        }
        return new VenueException(Kind.REJECTED, VENUE, code, words.isEmpty() ? "HTTP " + status : words);
    }

    /** CoinDCX publishes no rate-limit headers: the limiter only counts. */
    @Override
    public void observe(HttpHeaders headers, RateLimiter limiter) {
    }

    private static Duration retryAfter(HttpHeaders headers, Duration otherwise) {
        return headers.firstValue("Retry-After").map(s -> {
            try {
                return Duration.ofSeconds(Long.parseLong(s.trim()));
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }).orElse(otherwise);
    }

    /** The refusal's words: never a key or signature (the venue does not echo them; the body is ours to read). */
    static String words(String body) {
        if (body == null || body.isBlank()) return "";
        try {
            JsonNode json = CoinDcxJson.parse(body);
            for (String field : new String[] {"message", "error", "msg"}) {
                String text = json.path(field).asString("");
                if (!text.isEmpty()) return text;
            }
        } catch (RuntimeException notJson) {
            // plain text
        }
        String text = body.strip();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
