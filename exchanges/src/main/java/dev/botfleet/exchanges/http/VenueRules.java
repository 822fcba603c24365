package dev.botfleet.exchanges.http;

import dev.botfleet.exchanges.VenueException;

import java.net.http.HttpHeaders;

/** How one venue reports errors and limits in its answers. */
public interface VenueRules {
    String venue();

    /**
     * The error this answer carries, or null if it is a success. Bybit answers HTTP 200 with a non-zero retCode, so
     * the body is inspected too.
     */
    VenueException classify(int status, HttpHeaders headers, String body);

    /** Reads the used-weight / limit headers of any answer into the limiter. */
    void observe(HttpHeaders headers, RateLimiter limiter);
}
