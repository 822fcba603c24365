package dev.botfleet.fakes.binance;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.MatchingEngine;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Checks a SIGNED request the way Binance documents it (rest-api.md "Request Security" and "Timing security";
 * web-socket-api.md "SIGNED request example (HMAC)"): the key must be known and not revoked; the signature is the hex
 * HMAC-SHA256 of the query string concatenated, without separator, with the body (REST), or of the params sorted by
 * name as {@code key=value&...} (WebSocket API); it is compared case-insensitively; the timestamp must satisfy
 * {@code timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow} (recvWindow defaults to 5000, at most
 * 60000).
 */
final class BinanceAuth {

    /** The account a request speaks for, or the answer that refuses it. */
    record Verdict(FakeAccount account, BinanceError refusal) {
        boolean refused() { return refusal != null; }
    }

    /** A Binance error: HTTP status, code and message. */
    record BinanceError(int status, int code, String message) {
        Response response() { return BinanceJson.error(status, code, message); }
    }

    private final MatchingEngine engine;
    private final LongSupplier clock;

    BinanceAuth(MatchingEngine engine, LongSupplier clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** A REST request: key in X-MBX-APIKEY, signature over query + body, parameters from both (query wins). */
    Verdict verifyRest(Request request, Map<String, String> params) {
        String apiKey = request.header("X-MBX-APIKEY");
        BinanceError keyError = checkKey(apiKey);
        if (keyError != null) return new Verdict(null, keyError);
        String signature = params.get("signature");
        if (signature == null || signature.isEmpty()) return new Verdict(null, mandatory("signature"));
        String payload = withoutSignature(request.rawQuery()) + withoutSignature(request.body());
        FakeAccount account = engine.account(apiKey);
        if (!hmacHex(account.secret, payload).equalsIgnoreCase(signature)) {
            return new Verdict(null, badSignature());
        }
        BinanceError timing = checkTimestamp(params.get("timestamp"), params.get("recvWindow"));
        return timing != null ? new Verdict(null, timing) : new Verdict(account, null);
    }

    /** A WebSocket API request: {@code apiKey} among the params, signature over every other param sorted by name. */
    Verdict verifyParams(Map<String, String> params) {
        String apiKey = params.get("apiKey");
        BinanceError keyError = checkKey(apiKey);
        if (keyError != null) return new Verdict(null, keyError);
        String signature = params.get("signature");
        if (signature == null || signature.isEmpty()) return new Verdict(null, mandatory("signature"));
        FakeAccount account = engine.account(apiKey);
        if (!hmacHex(account.secret, sortedPayload(params)).equalsIgnoreCase(signature)) {
            return new Verdict(null, badSignature());
        }
        BinanceError timing = checkTimestamp(params.get("timestamp"), params.get("recvWindow"));
        return timing != null ? new Verdict(null, timing) : new Verdict(account, null);
    }

    /** Every param but the signature, sorted by name, as {@code name=value&...} (values as sent, UTF-8). */
    static String sortedPayload(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream().filter(e -> !e.getKey().equals("signature"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private BinanceError checkKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) return new BinanceError(401, -2014, "API-key format invalid.");
        FakeAccount account = engine.account(apiKey);
        if (account == null || account.revoked) {
            return new BinanceError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        return null;
    }

    private BinanceError checkTimestamp(String timestampParam, String recvWindowParam) {
        long timestamp;
        BigDecimal recvWindow;
        try {
            timestamp = Long.parseLong(timestampParam);
        } catch (NumberFormatException | NullPointerException e) {
            return mandatory("timestamp");
        }
        try {
            recvWindow = recvWindowParam == null ? BigDecimal.valueOf(5000) : new BigDecimal(recvWindowParam);
        } catch (NumberFormatException e) {
            return mandatory("recvWindow");
        }
        if (recvWindow.compareTo(BigDecimal.valueOf(60_000)) > 0) {
            return new BinanceError(400, -1102, "'recvWindow' contains unexpected value. Cannot be greater than 60000.");
        }
        // Timestamps may be sent in microseconds (16 digits); compare in milliseconds.
        if (timestamp > 9_999_999_999_999L) timestamp /= 1000;
        long serverTime = clock.getAsLong();
        if (timestamp >= serverTime + 1000) {
            return new BinanceError(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        }
        if (BigDecimal.valueOf(serverTime - timestamp).compareTo(recvWindow) > 0) {
            return new BinanceError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
        return null;
    }

    private static BinanceError mandatory(String name) {
        return new BinanceError(400, -1102, "Mandatory parameter '" + name
                + "' was not sent, was empty/null, or malformed.");
    }

    private static BinanceError badSignature() {
        return new BinanceError(400, -1022, "Signature for this request is not valid.");
    }

    /** The raw (still percent-encoded) string as sent, minus its {@code signature=...} pair. */
    private static String withoutSignature(String raw) {
        if (raw == null || raw.isEmpty()) return "";
        StringBuilder out = new StringBuilder();
        for (String pair : raw.split("&", -1)) {
            if (pair.startsWith("signature=")) continue;
            if (!out.isEmpty()) out.append('&');
            out.append(pair);
        }
        return out.toString();
    }
}
