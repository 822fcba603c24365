package dev.botfleet.fakes.coinbase;

import dev.botfleet.fakes.FakeAccount;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Checks a CDP bearer token the way Coinbase documents it (https://docs.cdp.coinbase.com/get-started/authentication/
 * jwt-authentication and the SDK's jwt_generator): header {alg ES256, kid = key name, nonce, typ JWT}; claims
 * {iss "cdp", sub = key name, nbf, exp, uri "METHOD host/path"} (WebSocket tokens carry no uri); an ES256 signature
 * by the key's private half, checked with its registered public key; the token valid now: nbf at most a few seconds
 * ahead of the venue's clock, exp not passed, and exp no more than 120 s after nbf ("Your JWT expires after 2
 * minutes").
 *
 * <p>Replayed nonces are <em>accepted</em>: the guide has you export one JWT and use it for requests until it expires,
 * so a token may be reused within its lifetime. Every failure is the same bare 401, as Coinbase answers it.
 */
final class CdpAuth {
    /** How far a token's nbf may be ahead of the venue's clock (clients' clocks run a little fast). */
    static final long LEEWAY_SECONDS = 5;
    static final long MAX_LIFETIME_SECONDS = 120;

    /** A refused token: the reason is for the fake's tests; the client sees only 401. */
    static final class Refused extends RuntimeException {
        Refused(String reason) { super(reason); }
    }

    private record Key(PublicKey publicKey, FakeAccount account) {
    }

    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    CdpAuth(LongSupplier clock) {
        this.clock = clock;
    }

    /** Registers a key: its name and its public half (X.509 SubjectPublicKeyInfo, base64), for an account. */
    void register(String keyName, String publicKeyBase64, FakeAccount account) {
        try {
            PublicKey pub = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            keys.put(keyName, new Key(pub, account));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("bad public key", e);
        }
    }

    /** The account of a REST request's token; {@code uri} is what the token must name ("GET host/path"). */
    FakeAccount verifyRest(String authorization, String uri) {
        if (authorization == null || !authorization.startsWith("Bearer ")) throw new Refused("no bearer token");
        return verify(authorization.substring("Bearer ".length()).trim(), uri);
    }

    /** The account of a WebSocket subscribe message's token (no uri claim). */
    FakeAccount verifyWs(String jwt) {
        if (jwt == null || jwt.isEmpty()) throw new Refused("no jwt");
        return verify(jwt, null);
    }

    private FakeAccount verify(String token, String uri) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) throw new Refused("not a JWS compact token");
        JsonNode header = decode(parts[0]);
        JsonNode claims = decode(parts[1]);
        if (!"ES256".equals(header.path("alg").asString(""))) throw new Refused("alg is not ES256");
        if (!"JWT".equals(header.path("typ").asString("JWT"))) throw new Refused("typ is not JWT");
        if (header.path("nonce").asString("").isEmpty()) throw new Refused("no nonce");
        String kid = header.path("kid").asString("");
        Key key = keys.get(kid);
        if (key == null) throw new Refused("unknown key");
        if (!kid.equals(claims.path("sub").asString(""))) throw new Refused("sub is not the key name");
        if (!"cdp".equals(claims.path("iss").asString(""))) throw new Refused("iss is not cdp");
        if (!signatureValid(key.publicKey, parts[0] + "." + parts[1], parts[2])) throw new Refused("bad signature");
        long now = clock.getAsLong() / 1000;
        if (!claims.path("nbf").isNumber() || !claims.path("exp").isNumber()) throw new Refused("no nbf/exp");
        long nbf = claims.path("nbf").asLong();
        long exp = claims.path("exp").asLong();
        if (exp - nbf > MAX_LIFETIME_SECONDS || exp <= nbf) throw new Refused("lifetime over 120 s");
        if (nbf > now + LEEWAY_SECONDS) throw new Refused("not valid yet");
        if (exp <= now) throw new Refused("expired");
        if (uri != null && !uri.equals(claims.path("uri").asString(""))) throw new Refused("uri does not match");
        if (uri == null && claims.has("uri")) throw new Refused("a WebSocket token has no uri");
        if (key.account.revoked) throw new Refused("key revoked");
        return key.account;
    }

    private static boolean signatureValid(PublicKey key, String input, String signature) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
            ecdsa.initVerify(key);
            ecdsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return ecdsa.verify(Base64.getUrlDecoder().decode(signature));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode decode(String part) {
        try {
            return CbJson.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new Refused("token part is not base64url JSON");
        }
    }
}
