package dev.botfleet.exchanges.kraken;

import dev.botfleet.exchanges.http.RequestSigner;
import dev.botfleet.exchanges.http.RestCall;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kraken spot REST signing, per the "Spot REST Authentication" guide
 * (https://docs.kraken.com/api/docs/guides/spot-rest-auth): private calls are form-encoded POSTs to /0/private/*
 * whose body carries a {@code nonce}; headers {@code API-Key} and {@code API-Sign} =
 * base64(HMAC-SHA512(base64decode(secret), uriPath + SHA256(nonce + postData))), where uriPath is the URL's path
 * starting at "/0/private". Every request, public or not, needs a {@code User-Agent} (REST reference intro). Public
 * calls are plain unsigned GETs.
 */
public final class KrakenSigner implements RequestSigner {
    /**
     * Kraken rejects a nonce not greater than the last one it saw for the key ("EAPI:Invalid nonce"), so the counter
     * belongs to the key, not to a signer: two signers built for one key (a reconnect, a second client) share it.
     */
    private static final Map<String, Nonces> NONCES_BY_KEY = new ConcurrentHashMap<>();

    private final String apiKey;
    private final byte[] secret;
    private final String userAgent;
    private final Nonces nonces;

    KrakenSigner(String apiKey, byte[] secret, String userAgent, Nonces nonces) {
        this.apiKey = apiKey;
        this.secret = secret;
        this.userAgent = userAgent;
        this.nonces = nonces;
    }

    /** @param secretBase64 the private key exactly as Kraken shows it (base64) */
    public static KrakenSigner forKey(String apiKey, String secretBase64, String userAgent) {
        if (apiKey == null || apiKey.isBlank()) throw new IllegalArgumentException("Kraken API key is empty");
        return new KrakenSigner(apiKey, decodeSecret(secretBase64), userAgent,
                NONCES_BY_KEY.computeIfAbsent(apiKey, k -> new Nonces(System.currentTimeMillis())));
    }

    /**
     * Like {@link #forKey}, but a secret that is not base64 does not stop the client from being built: its requests go
     * out with a signature Kraken refuses, so the key is judged by Kraken in its own words ("EAPI:Invalid key" for an
     * unknown key, "EAPI:Invalid signature" for a known one) instead of failing before anything was asked.
     */
    static KrakenSigner lenient(String apiKey, String secretBase64, String userAgent) {
        byte[] secret;
        try {
            secret = decodeSecret(secretBase64);
        } catch (IllegalArgumentException notBase64) {
            secret = new byte[] {0};
        }
        return new KrakenSigner(apiKey, secret, userAgent,
                NONCES_BY_KEY.computeIfAbsent(apiKey, k -> new Nonces(System.currentTimeMillis())));
    }

    public static KrakenSigner publicOnly(String userAgent) { return new KrakenSigner(null, null, userAgent, null); }

    @Override
    public HttpRequest build(String baseUrl, RestCall call, long timestampMillis) {
        if (!call.signed()) {
            String query = formEncode(call.params());
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + call.path()
                    + (query.isEmpty() ? "" : "?" + query)));
            return b.header("User-Agent", userAgent).method(call.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        if (apiKey == null) throw new IllegalStateException(call.describe() + " needs a key");
        // Every private endpoint is a POST with the parameters in the body; anything else is a caller bug.
        if (!call.method().equals("POST")) throw new IllegalArgumentException(call.describe() + ": Kraken private calls are POSTs");
        URI uri = URI.create(baseUrl + call.path());
        String nonce = Long.toString(nonces.next(timestampMillis));
        // The nonce goes first, as in the documented example; the signed string is exactly the body sent.
        String postData = "nonce=" + nonce + (call.params().isEmpty() ? "" : "&" + formEncode(call.params()));
        return HttpRequest.newBuilder(uri)
                .header("User-Agent", userAgent)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("API-Key", apiKey)
                .header("API-Sign", sign(secret, uri.getRawPath(), nonce, postData))
                .POST(HttpRequest.BodyPublishers.ofString(postData, StandardCharsets.UTF_8))
                .build();
    }

    /** base64(HMAC-SHA512(secret, uriPath + SHA256(nonce + postData))). */
    static String sign(byte[] secret, String uriPath, String nonce, String postData) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((nonce + postData).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            mac.update(uriPath.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256/HmacSHA512 unavailable", e);
        }
    }

    /** Decodes once, up front, so a bad secret fails at start-up and not on the first order; never echoes it. */
    static byte[] decodeSecret(String secretBase64) {
        if (secretBase64 == null || secretBase64.isBlank()) throw new IllegalArgumentException("Kraken API secret is empty");
        try {
            return Base64.getDecoder().decode(secretBase64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Kraken API secret is not valid base64 (" + secretBase64.strip().length()
                    + " characters)");
        }
    }

    /** {@code a=1&b=x}, form-encoded in the order given. */
    static String formEncode(Map<String, String> params) {
        StringJoiner joiner = new StringJoiner("&");
        params.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    @Override
    public String toString() { return "KrakenSigner[apiKey=***, secret=***]"; }

    /**
     * Strictly increasing nonces for one key: the millisecond time when it has moved on, else the last one plus one,
     * so two calls in the same millisecond (or after the clock steps back, e.g. a venue-offset resync) never repeat.
     */
    static final class Nonces {
        private final AtomicLong last;

        Nonces(long seed) { this.last = new AtomicLong(seed); }

        long next(long nowMillis) { return last.updateAndGet(prev -> Math.max(prev + 1, nowMillis)); }
    }
}
