package dev.botfleet.exchanges.binance;

import dev.botfleet.exchanges.http.RequestSigner;
import dev.botfleet.exchanges.http.RestCall;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Binance's HMAC signing (rest-api.md "SIGNED Endpoint Examples", web-socket-api.md "SIGNED request example (HMAC)").
 * REST: {@code timestamp} and {@code recvWindow} join the parameters; {@code signature} is the hex HMAC-SHA256, keyed
 * with the secret, of the query string concatenated without separator with the body; the key travels in
 * {@code X-MBX-APIKEY}. GET and DELETE carry everything in the query; POST carries its parameters as a form body.
 * WebSocket API: the params sorted by name as {@code name=value&...}.
 */
public final class BinanceSigner implements RequestSigner {
    private final String apiKey;
    private final String secret;
    private final long recvWindowMillis;

    /** @param apiKey null for a client that only makes public calls */
    public BinanceSigner(String apiKey, String secret, long recvWindowMillis) {
        this.apiKey = apiKey;
        this.secret = secret;
        this.recvWindowMillis = recvWindowMillis;
    }

    public static BinanceSigner publicOnly() { return new BinanceSigner(null, null, 5000); }

    @Override
    public HttpRequest build(String baseUrl, RestCall call, long timestampMillis) {
        Map<String, String> params = new LinkedHashMap<>(call.params());
        if (call.signed()) {
            if (apiKey == null) throw new IllegalStateException(call.describe() + " needs a key");
            params.put("recvWindow", Long.toString(recvWindowMillis));
            params.put("timestamp", Long.toString(timestampMillis));
        }
        String encoded = formEncode(params);
        boolean inBody = call.method().equals("POST") || call.method().equals("PUT");
        if (call.signed()) {
            // The body is the whole payload (empty query), so query + body == encoded.
            encoded = encoded + (encoded.isEmpty() ? "" : "&") + "signature=" + hmacHex(secret, encoded);
        }
        String url = baseUrl + call.path() + (!inBody && !encoded.isEmpty() ? "?" + encoded : "");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (inBody) {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(encoded));
        } else {
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (apiKey != null && call.signed()) b.header("X-MBX-APIKEY", apiKey);
        return b.build();
    }

    /** The WebSocket API signature of {@code params} (which must include apiKey and timestamp). */
    public String wsSignature(Map<String, String> params) {
        return hmacHex(secret, sortedPayload(params));
    }

    public String apiKey() { return apiKey; }

    /** Every param but {@code signature}, sorted by name, as {@code name=value&...}. */
    public static String sortedPayload(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream().filter(e -> !e.getKey().equals("signature"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    /** {@code a=1&b=x}, percent-encoded (non-ASCII characters are encoded before signing, as documented). */
    public static String formEncode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String hmacHex(String secret, String payload) {
        return dev.botfleet.exchanges.http.Hmac.sha256Hex(secret, payload);
    }

    @Override
    public String toString() { return "BinanceSigner[apiKey=***, secret=***]"; }
}
