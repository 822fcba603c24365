package dev.botfleet.exchanges.coinbase;

import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ES256 bearer token Coinbase Advanced Trade wants on every private call, a fresh one per request, built as the
 * CDP "JWT Authentication" guide's ECDSA samples do (https://docs.cdp.coinbase.com/get-started/authentication/jwt-authentication):
 * header {alg ES256, kid = key name, nonce = random hex, typ JWT}; claims {iss "cdp", sub = key name, nbf = now,
 * exp = now + 120 s, uri = "METHOD host/path"}. WebSocket tokens are the same without {@code uri}.
 *
 * <p>The key comes as the PEM Coinbase hands out, SEC1 "BEGIN EC PRIVATE KEY"; the JDK reads only PKCS#8, so we wrap
 * the SEC1 structure into a PKCS#8 PrivateKeyInfo ourselves rather than pull in BouncyCastle for one parse.
 */
public final class CoinbaseJwt {
    static final long LIFETIME_SECONDS = 120;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    // DER of AlgorithmIdentifier { id-ecPublicKey (1.2.840.10045.2.1), prime256v1 (1.2.840.10045.3.1.7) }.
    private static final byte[] EC_P256_ALGORITHM = HexFormat.of().parseHex(
            "301306072a8648ce3d020106082a8648ce3d030107");

    private final String keyName;
    private final PrivateKey key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private CoinbaseJwt(String keyName, PrivateKey key, Clock clock) {
        this.keyName = keyName;
        this.key = key;
        this.clock = clock;
    }

    /** @param keyName "organizations/{org}/apiKeys/{key}"; @param pem SEC1 or PKCS#8 PEM (literal "\n" allowed) */
    public static CoinbaseJwt fromPem(String keyName, String pem) { return fromPem(keyName, pem, Clock.systemUTC()); }

    public static CoinbaseJwt fromPem(String keyName, String pem, Clock clock) {
        if (keyName == null || keyName.isBlank()) throw new IllegalArgumentException("Coinbase key name is empty");
        return new CoinbaseJwt(keyName, parsePrivateKey(pem), clock);
    }

    /** A token for one REST request, e.g. ("POST", "api.coinbase.com", "/api/v3/brokerage/orders"). */
    public String forRequest(String method, String host, String path) {
        return token(method + " " + host + path);
    }

    /** A token for the WebSocket subscribe message: the guide's WebSocket variant carries no {@code uri}. */
    public String forWebSocket() { return token(null); }

    private String token(String uri) {
        long now = clock.instant().getEpochSecond();
        byte[] nonce = new byte[16];
        random.nextBytes(nonce); // a fresh nonce per token: Coinbase refuses a replayed one
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "ES256");
        header.put("kid", keyName);
        header.put("nonce", HexFormat.of().formatHex(nonce));
        header.put("typ", "JWT");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "cdp");
        claims.put("sub", keyName);
        claims.put("nbf", now);
        claims.put("exp", now + LIFETIME_SECONDS);
        if (uri != null) claims.put("uri", uri);
        String signingInput = part(header) + "." + part(claims);
        try {
            // P1363 gives the fixed 64-byte r||s JWS wants (RFC 7515 A.3), not the DER the plain algorithm emits.
            Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
            ecdsa.initSign(key, random);
            ecdsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(ecdsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }

    private static String part(Map<String, Object> json) {
        return B64URL.encodeToString(JSON.writeValueAsBytes(json));
    }

    /**
     * Reads a P-256 private key from SEC1 or PKCS#8 PEM. Errors name what is wrong and never echo the input (it is
     * the secret).
     */
    static PrivateKey parsePrivateKey(String pem) {
        if (pem == null || pem.isBlank()) throw new IllegalArgumentException("Coinbase private key is empty");
        // Keys pasted into env vars often keep the JSON-escaped "\n" the key file has.
        String text = pem.replace("\\n", "\n");
        boolean sec1 = text.contains("-----BEGIN EC PRIVATE KEY-----");
        boolean pkcs8 = text.contains("-----BEGIN PRIVATE KEY-----");
        if (!sec1 && !pkcs8) {
            throw new IllegalArgumentException("Coinbase private key is not a PEM with a 'BEGIN EC PRIVATE KEY' or "
                    + "'BEGIN PRIVATE KEY' block");
        }
        String label = sec1 ? "EC PRIVATE KEY" : "PRIVATE KEY";
        int from = text.indexOf("-----BEGIN " + label + "-----") + ("-----BEGIN " + label + "-----").length();
        int to = text.indexOf("-----END " + label + "-----", from);
        if (to < 0) throw new IllegalArgumentException("Coinbase private key PEM has no '-----END " + label + "-----' line");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(text.substring(from, to).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Coinbase private key PEM body is not valid base64");
        }
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(sec1 ? wrapSec1(der) : der));
        } catch (GeneralSecurityException | RuntimeException e) {
            // Deliberately no cause: provider messages can quote key bytes.
            throw new IllegalArgumentException("Coinbase private key PEM does not hold a valid "
                    + (sec1 ? "SEC1" : "PKCS#8") + " EC private key");
        }
        // ES256 is P-256 only; a P-384 key would sign, and Coinbase would answer 401 with no reason.
        if (!(key instanceof ECPrivateKey ec) || ec.getParams().getOrder().bitLength() != 256) {
            throw new IllegalArgumentException("Coinbase private key is not a P-256 EC key (ES256 needs P-256)");
        }
        return key;
    }

    /** PKCS#8 PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier(ecPublicKey, P-256), OCTET STRING sec1 }. */
    static byte[] wrapSec1(byte[] sec1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(EC_P256_ALGORITHM);
        body.writeBytes(tlv(0x04, sec1));
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    @Override
    public String toString() { return "CoinbaseJwt[keyName=***, key=***]"; }
}
