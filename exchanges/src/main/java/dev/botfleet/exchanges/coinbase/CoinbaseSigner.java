package dev.botfleet.exchanges.coinbase;

import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.http.RequestSigner;
import dev.botfleet.exchanges.http.RestCall;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds Advanced Trade requests: a private call carries {@code Authorization: Bearer <JWT>}, a fresh ES256 token per
 * attempt whose {@code uri} claim is "METHOD host/path" (no query, as the SDK's format_jwt_uri builds it) and whose
 * nbf is the venue's time (our clock plus the offset). The key's PEM is parsed on first use, so a malformed secret
 * fails the first private call as a key problem, in words that never quote it.
 */
final class CoinbaseSigner implements RequestSigner {
    private final String keyName;
    private final String pem;
    private volatile CoinbaseJwt jwt;
    private volatile long venueMillis;

    private CoinbaseSigner(String keyName, String pem) {
        this.keyName = keyName;
        this.pem = pem;
    }

    static CoinbaseSigner forKey(String keyName, String pem) { return new CoinbaseSigner(keyName, pem); }

    static CoinbaseSigner publicOnly() { return new CoinbaseSigner(null, null); }

    @Override
    public HttpRequest build(String baseUrl, RestCall call, long timestampMillis) {
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, String> p : call.params().entrySet()) {
            query.add(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        URI uri = URI.create(baseUrl + call.path() + (query.length() == 0 ? "" : "?" + query));
        HttpRequest.BodyPublisher body = call.jsonBody() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.jsonBody());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(call.method(), body)
                .header("Accept", "application/json");
        if (call.jsonBody() != null) b.header("Content-Type", "application/json");
        if (call.signed()) {
            b.header("Authorization", "Bearer " + token(call.method(), uri, timestampMillis));
        }
        return b.build();
    }

    /** A WebSocket subscribe token (no uri claim) at the venue's time. */
    synchronized String wsToken(long timestampMillis) {
        venueMillis = timestampMillis;
        return jwt().forWebSocket();
    }

    private synchronized String token(String method, URI uri, long timestampMillis) {
        venueMillis = timestampMillis;
        // host[:port]: api.coinbase.com has no port, a local fake has one and sees it in the Host header.
        return jwt().forRequest(method, uri.getRawAuthority(), uri.getRawPath());
    }

    private CoinbaseJwt jwt() {
        CoinbaseJwt j = jwt;
        if (j != null) return j;
        if (keyName == null) throw new IllegalStateException("public client cannot sign");
        try {
            j = CoinbaseJwt.fromPem(keyName, pem, new VenueClock());
        } catch (IllegalArgumentException e) {
            // CoinbaseJwt's words name what is wrong with the key and never echo it.
            throw new VenueException(VenueException.Kind.AUTH, CoinbaseRules.VENUE, "INVALID_KEY", e.getMessage());
        }
        jwt = j;
        return j;
    }

    /** The clock a token is stamped with: the venue time of the request being signed. */
    private final class VenueClock extends Clock {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return Instant.ofEpochMilli(venueMillis); }
    }

    @Override
    public String toString() { return "CoinbaseSigner[key=***]"; }
}
