package dev.botfleet.fakes.kraken;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.MatchingEngine;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks a private call as the "Spot REST Authentication" guide (https://docs.kraken.com/api/docs/guides/spot-rest-auth)
 * says Kraken does: a form-encoded POST whose body carries {@code nonce}; header {@code API-Key} names a known key
 * ("EAPI:Invalid key" otherwise); {@code API-Sign} must equal base64(HMAC-SHA512(base64decode(secret), uriPath +
 * SHA256(nonce + body))) over the body exactly as sent ("EAPI:Invalid signature"); the nonce must be greater than
 * every nonce the key used before ("EAPI:Invalid nonce").
 */
final class KrakenAuth {
    private final MatchingEngine engine;
    private final Map<String, Long> lastNonce = new HashMap<>();

    KrakenAuth(MatchingEngine engine) {
        this.engine = engine;
    }

    /** The account of a correctly signed call; its form parameters are {@code form}. */
    FakeAccount verify(Request request, Map<String, String> form) {
        String key = request.header("API-Key");
        String sign = request.header("API-Sign");
        FakeAccount account = key == null ? null : engine.account(key);
        if (account == null || account.revoked) throw new KrakenError("EAPI:Invalid key");
        String nonceText = form.get("nonce");
        if (sign == null || nonceText == null) throw new KrakenError("EAPI:Invalid signature");
        String expected = sign(account.secret, request.path(), nonceText, request.body());
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                sign.getBytes(StandardCharsets.US_ASCII))) {
            throw new KrakenError("EAPI:Invalid signature");
        }
        long nonce;
        try {
            nonce = Long.parseUnsignedLong(nonceText);
        } catch (NumberFormatException e) {
            throw new KrakenError("EAPI:Invalid nonce");
        }
        synchronized (lastNonce) {
            Long last = lastNonce.get(key);
            if (last != null && Long.compareUnsigned(nonce, last) <= 0) throw new KrakenError("EAPI:Invalid nonce");
            lastNonce.put(key, nonce);
        }
        return account;
    }

    /** The signature of the guide, or null when the stored secret is not base64. */
    static String sign(String secretBase64, String uriPath, String nonce, String postData) {
        try {
            byte[] secret = Base64.getDecoder().decode(secretBase64);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((nonce + postData).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            mac.update(uriPath.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(digest));
        } catch (IllegalArgumentException notBase64) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Kraken-style secret (base64 of 64 bytes) derived from a plain one, so every fake has a fixed key pair. */
    static String base64Secret(String plain) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512")
                    .digest(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
