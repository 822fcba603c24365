package dev.botfleet.fakes.delta;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.MatchingEngine;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Checks a signed request as docs.delta.exchange "Authentication" says: headers {@code api-key}, {@code timestamp}
 * (epoch seconds) and {@code signature} = lowercase hex HMAC-SHA256(secret, METHOD + timestamp + path + query + body),
 * where the query includes its leading "?" and the path its "/v2". The signature is checked against exactly the raw
 * query and body received. A timestamp more than 5 s away from the server's clock is refused as SignatureExpired (the
 * docs state the age limit only; the fake applies it both ways). Failures answer in the documented words:
 * InvalidApiKey "Api Key not found", SignatureExpired "your signature has expired" (with server and request time, as
 * the page says the answer carries them), and {"success":false,"error":{"code":"Signature Mismatch"}}.
 */
final class DeltaAuth {
    static final long WINDOW_SECONDS = 5;

    private final MatchingEngine engine;
    private final LongSupplier clock;

    DeltaAuth(MatchingEngine engine, LongSupplier clock) {
        this.engine = engine;
        this.clock = clock;
    }

    FakeAccount verify(Request request) {
        String key = request.header("api-key");
        FakeAccount account = key == null ? null : engine.account(key);
        if (account == null || account.revoked) {
            throw DeltaError.flat(401, "InvalidApiKey", "Api Key not found", Map.of());
        }
        String timestamp = request.header("timestamp");
        String signature = request.header("signature");
        if (timestamp == null || signature == null) throw DeltaError.coded(401, "Signature Mismatch");
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw DeltaError.coded(401, "Signature Mismatch");
        }
        long serverSeconds = clock.getAsLong() / 1000;
        if (Math.abs(serverSeconds - ts) > WINDOW_SECONDS) {
            throw DeltaError.flat(401, "SignatureExpired", "your signature has expired",
                    Map.of("server_time", serverSeconds, "request_time", ts));
        }
        String query = request.rawQuery() == null || request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
        String prehash = request.method().toUpperCase(Locale.ROOT) + timestamp + request.path() + query
                + (request.body() == null ? "" : request.body());
        if (!matches(hmacHex(account.secret, prehash), signature)) throw DeltaError.coded(401, "Signature Mismatch");
        return account;
    }

    /** The private socket's key-auth: HMAC(secret, "GET" + timestamp + "/live"); null when it holds, else the status. */
    String verifySocket(FakeAccount account, String timestamp, String signature) {
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "incomplete_payload";
        }
        if (Math.abs(clock.getAsLong() / 1000 - ts) > WINDOW_SECONDS) return "request_expired";
        return matches(hmacHex(account.secret, "GET" + timestamp + "/live"), signature) ? null : "invalid_signature";
    }

    private static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String hmacHex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
