package dev.botfleet.exchanges.coindcx;

import dev.botfleet.exchanges.http.Hmac;
import dev.botfleet.exchanges.http.RequestSigner;
import dev.botfleet.exchanges.http.RestCall;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Signs CoinDCX requests as the docs' Authentication section says: every private call carries a JSON body with a
 * {@code timestamp} (epoch <em>milliseconds</em> in every code sample, although the tables say seconds), and
 * {@code X-AUTH-SIGNATURE} is the lowercase hex HMAC-SHA256, keyed with the secret, of exactly the body bytes sent;
 * {@code X-AUTH-APIKEY} carries the key. The body is built here, at signing time, so a retry after a clock resync is a
 * new body with a new timestamp and a new signature.
 *
 * <p>A call's {@link RestCall#jsonBody()} holds the other fields as a compact JSON object; the timestamp goes first.
 * Wallets is a GET that still sends its signed body (the docs' python sample: {@code requests.get(url, data=...)}).
 */
final class CoinDcxSigner implements RequestSigner {
    private final String apiKey;
    private final String secret;

    private CoinDcxSigner(String apiKey, String secret) {
        this.apiKey = apiKey;
        this.secret = secret;
    }

    static CoinDcxSigner publicOnly() { return new CoinDcxSigner(null, null); }

    static CoinDcxSigner forKey(String apiKey, String secret) { return new CoinDcxSigner(apiKey, secret); }

    @Override
    public HttpRequest build(String baseUrl, RestCall call, long timestampMillis) {
        String query = queryString(call.params());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + call.path()
                + (query.isEmpty() ? "" : "?" + query)));
        if (!call.signed()) return builder.method(call.method(), HttpRequest.BodyPublishers.noBody()).build();
        if (apiKey == null) throw new IllegalStateException(call.describe() + " needs a key");
        String body = body(call.jsonBody(), timestampMillis);
        return builder.header("Content-Type", "application/json")
                .header("X-AUTH-APIKEY", apiKey)
                .header("X-AUTH-SIGNATURE", Hmac.sha256Hex(secret, body))
                .method(call.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /** {@code {"timestamp":<ms>, ...fields}}: compact, timestamp first, the fields exactly as given. */
    static String body(String fields, long timestampMillis) {
        String inner = fields == null ? "{}" : fields.strip();
        if (!inner.startsWith("{") || !inner.endsWith("}")) throw new IllegalArgumentException("not a JSON object");
        String rest = inner.substring(1, inner.length() - 1).strip();
        return "{\"timestamp\":" + timestampMillis + (rest.isEmpty() ? "" : "," + rest) + "}";
    }

    /** The private channel's join: the signature is over the compact JSON {"channel":"coindcx"} (docs, ACCOUNT). */
    String joinPrivate() {
        String signature = Hmac.sha256Hex(secret, "{\"channel\":\"coindcx\"}");
        return "{\"channelName\":\"coindcx\",\"authSignature\":\"" + signature + "\",\"apiKey\":\"" + apiKey + "\"}";
    }

    static String queryString(Map<String, String> params) {
        StringJoiner joiner = new StringJoiner("&");
        params.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    @Override
    public String toString() { return "CoinDcxSigner[apiKey=***, secret=***]"; }
}
