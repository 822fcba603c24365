package dev.botfleet.exchanges.http;

import java.net.http.HttpRequest;

/**
 * Builds the HTTP request for a call at a given venue time, signing it the venue's way (each attempt is signed again:
 * a retry after a clock resync carries a fresh timestamp).
 */
@FunctionalInterface
public interface RequestSigner {
    HttpRequest build(String baseUrl, RestCall call, long timestampMillis);
}
