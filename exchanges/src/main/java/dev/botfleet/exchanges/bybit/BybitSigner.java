package dev.botfleet.exchanges.bybit;

import dev.botfleet.exchanges.http.RequestSigner;
import dev.botfleet.exchanges.http.RestCall;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Signs v5 requests as the integration guide (https://bybit-exchange.github.io/docs/v5/guide, "Create A Request")
 * says: headers X-BAPI-API-KEY, X-BAPI-TIMESTAMP (ms), X-BAPI-RECV-WINDOW and X-BAPI-SIGN, the lowercase hex
 * HMAC-SHA256 with the secret of timestamp + apiKey + recvWindow + queryString (GET) or + the JSON body (POST). The
 * string signed is exactly the query string or body sent. The private stream logs in with the HMAC of
 * "GET/realtime" + expires (ws/connect, "Authentication"). Public calls go unsigned.
 */
final class BybitSigner implements RequestSigner {
    private final String apiKey;
    private final String secret;
    private final String recvWindow;

    private BybitSigner(String apiKey, String secret, long recvWindowMillis) {
        this.apiKey = apiKey;
        this.secret = secret;
        this.recvWindow = Long.toString(recvWindowMillis);
    }

    static BybitSigner publicOnly() { return new BybitSigner(null, null, 5000); }

    static BybitSigner forKey(String apiKey, String secret, long recvWindowMillis) {
        return new BybitSigner(apiKey, secret, recvWindowMillis);
    }

    @Override
    public HttpRequest build(String baseUrl, RestCall call, long timestampMillis) {
        String query = queryString(call.params());
        String url = baseUrl + call.path() + (query.isEmpty() ? "" : "?" + query);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
        String body = call.jsonBody();
        if (body != null) {
            builder.header("Content-Type", "application/json");
            builder.method(call.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (call.signed()) {
            if (apiKey == null) throw new IllegalStateException(call.describe() + " needs a key");
            String timestamp = Long.toString(timestampMillis);
            String payload = "GET".equals(call.method()) ? query : (body == null ? "" : body);
            builder.header("X-BAPI-API-KEY", apiKey)
                    .header("X-BAPI-TIMESTAMP", timestamp)
                    .header("X-BAPI-RECV-WINDOW", recvWindow)
                    .header("X-BAPI-SIGN", sign(secret, timestamp + apiKey + recvWindow + payload));
        }
        return builder.build();
    }

    /** The private stream's login: {"op":"auth","args":[apiKey, expires, signature]}. */
    String authMessage(long expiresMillis) {
        return "{\"op\":\"auth\",\"args\":[\"" + apiKey + "\"," + expiresMillis + ",\""
                + sign(secret, "GET/realtime" + expiresMillis) + "\"]}";
    }

    /** Lowercase hex HMAC-SHA256 of {@code text} under {@code secret}. */
    static String sign(String secret, String text) {
        return dev.botfleet.exchanges.http.Hmac.sha256Hex(secret, text);
    }

    /** Parameters in the order given, form-encoded; this exact string is both sent and signed. */
    static String queryString(Map<String, String> params) {
        StringJoiner joiner = new StringJoiner("&");
        params.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    @Override
    public String toString() { return "BybitSigner[apiKey=***, secret=***]"; }
}
