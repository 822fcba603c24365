package dev.botfleet.fakes.bybit;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.MatchingEngine;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/**
 * Checks a signed v5 request the way the integration guide (https://bybit-exchange.github.io/docs/v5/guide) says
 * Bybit does: headers X-BAPI-API-KEY, X-BAPI-TIMESTAMP, X-BAPI-SIGN and optional X-BAPI-RECV-WINDOW (default 5000);
 * the timestamp must lie in [server_time - recv_window, server_time + 1000); the signature is the lowercase hex
 * HMAC-SHA256 of timestamp + apiKey + recv_window + (the query string exactly as sent, for GET | the raw JSON body, for
 * POST). The query string is taken raw (no decoding, no sorting), so a client that signs something other than what it
 * sends is refused.
 */
final class RequestVerifier {
    static final long DEFAULT_RECV_WINDOW = 5000;

    private final MatchingEngine engine;
    private final LongSupplier clock;

    RequestVerifier(MatchingEngine engine, LongSupplier clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** The account behind a correctly signed request; refuses with Bybit's code otherwise. */
    FakeAccount verify(Request request) {
        String key = request.header("X-BAPI-API-KEY");
        String timestamp = request.header("X-BAPI-TIMESTAMP");
        String sign = request.header("X-BAPI-SIGN");
        String window = request.header("X-BAPI-RECV-WINDOW");
        if (key == null || key.isEmpty()) throw BybitError.invalidKey();
        FakeAccount account = engine.account(key);
        if (account == null || account.revoked) throw BybitError.invalidKey();
        if (timestamp == null || sign == null) throw BybitError.params("missing X-BAPI-TIMESTAMP or X-BAPI-SIGN");
        long ts;
        long recvWindow;
        try {
            ts = Long.parseLong(timestamp);
            recvWindow = window == null ? DEFAULT_RECV_WINDOW : Long.parseLong(window);
        } catch (NumberFormatException e) {
            throw BybitError.params("timestamp and recv_window must be integers");
        }
        long now = clock.getAsLong();
        if (ts < now - recvWindow || ts >= now + 1000) throw BybitError.timestamp(ts, now, recvWindow);
        String payload = "GET".equals(request.method())
                ? (request.rawQuery() == null ? "" : request.rawQuery())
                : request.body();
        String expected = hmacHex(account.secret, timestamp + key + (window == null ? "" : window) + payload);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                sign.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw BybitError.sign();
        }
        return account;
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
