package dev.botfleet.exchanges.coinbase;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against the token layout of the CDP "JWT Authentication" guide's ECDSA samples
 * (https://docs.cdp.coinbase.com/get-started/authentication/jwt-authentication): header alg/kid/nonce/typ, claims
 * iss "cdp", sub, nbf, exp = nbf + 120, uri "METHOD host/path". ECDSA signatures are randomised, so no published token
 * can be reproduced; instead the test makes its own P-256 key, hands it over as the SEC1 PEM Coinbase issues (encoded
 * here independently of the production wrapper), and verifies the signature with the public half.
 */
class CoinbaseJwtTest {
    private static final String KEY_NAME = "organizations/11111111-2222-3333-4444-555555555555/apiKeys/66666666-7777-8888-9999-000000000000";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static KeyPair pair;
    private static String sec1Pem;

    @BeforeAll
    static void makeKey() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        pair = gen.generateKeyPair();
        sec1Pem = sec1Pem((ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic());
    }

    @Test
    void aRequestTokenHasTheDocumentedHeaderClaimsAndAValidEs256Signature() throws Exception {
        CoinbaseJwt jwt = CoinbaseJwt.fromPem(KEY_NAME, sec1Pem, Clock.fixed(NOW, ZoneOffset.UTC));

        String token = jwt.forRequest("POST", "api.coinbase.com", "/api/v3/brokerage/orders");

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = decode(parts[0]);
        assertThat(header.get("alg").asString()).isEqualTo("ES256");
        assertThat(header.get("kid").asString()).isEqualTo(KEY_NAME);
        assertThat(header.get("typ").asString()).isEqualTo("JWT");
        assertThat(header.get("nonce").asString()).matches("[0-9a-f]{32}");

        JsonNode claims = decode(parts[1]);
        assertThat(claims.get("iss").asString()).isEqualTo("cdp");
        assertThat(claims.get("sub").asString()).isEqualTo(KEY_NAME);
        assertThat(claims.get("nbf").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("exp").asLong() - claims.get("nbf").asLong()).isEqualTo(120);
        assertThat(claims.get("uri").asString()).isEqualTo("POST api.coinbase.com/api/v3/brokerage/orders");

        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        assertThat(signature).hasSize(64); // r||s, not DER
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(pair.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void everyTokenGetsAFreshNonce() throws Exception {
        CoinbaseJwt jwt = CoinbaseJwt.fromPem(KEY_NAME, sec1Pem, Clock.fixed(NOW, ZoneOffset.UTC));
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            nonces.add(decode(jwt.forRequest("GET", "api.coinbase.com", "/api/v3/brokerage/accounts")
                    .split("\\.")[0]).get("nonce").asString());
        }
        assertThat(nonces).hasSize(50);
    }

    @Test
    void aWebSocketTokenHasNoUri() throws Exception {
        String token = CoinbaseJwt.fromPem(KEY_NAME, sec1Pem).forWebSocket();
        JsonNode claims = decode(token.split("\\.")[1]);
        assertThat(claims.has("uri")).isFalse();
        assertThat(claims.get("exp").asLong() - claims.get("nbf").asLong()).isEqualTo(120);
    }

    @Test
    void acceptsPkcs8PemAndTheEscapedNewlinesOfAnEnvVar() throws Exception {
        String pkcs8 = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        for (String pem : new String[] {pkcs8, sec1Pem.replace("\n", "\\n")}) {
            String[] parts = CoinbaseJwt.fromPem(KEY_NAME, pem).forRequest("GET", "api.coinbase.com", "/x").split("\\.");
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(pair.getPublic());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        }
    }

    @Test
    void malformedPemsFailWithAClearMessageThatDoesNotEchoTheKey() {
        String body = sec1Pem.replace("-----BEGIN EC PRIVATE KEY-----", "").replace("-----END EC PRIVATE KEY-----", "").strip();
        String fragment = body.substring(0, 24);

        assertRejected(body, "'BEGIN EC PRIVATE KEY'", fragment); // no armour at all
        assertRejected("-----BEGIN EC PRIVATE KEY-----\n" + body + "\n", "no '-----END EC PRIVATE KEY-----' line", fragment);
        assertRejected("-----BEGIN EC PRIVATE KEY-----\n" + body.replace(body.charAt(5), '*')
                + "\n-----END EC PRIVATE KEY-----\n", "not valid base64", fragment);
        String truncated = Base64.getEncoder().encodeToString(Base64.getMimeDecoder().decode(body.substring(0, 40)));
        assertRejected("-----BEGIN EC PRIVATE KEY-----\n" + truncated + "\n-----END EC PRIVATE KEY-----\n",
                "does not hold a valid SEC1 EC private key", truncated.substring(0, 20));
        assertRejected("", "empty", fragment);
    }

    @Test
    void toStringHidesTheKey() {
        assertThat(CoinbaseJwt.fromPem(KEY_NAME, sec1Pem).toString()).doesNotContain(KEY_NAME)
                .doesNotContain("BEGIN").isEqualTo("CoinbaseJwt[keyName=***, key=***]");
    }

    private static void assertRejected(String pem, String expected, String secretFragment) {
        assertThatThrownBy(() -> CoinbaseJwt.fromPem(KEY_NAME, pem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected)
                .hasNoCause()
                .message().doesNotContain(secretFragment);
    }

    private static JsonNode decode(String part) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }

    /** RFC 5915 ECPrivateKey { 1, d, [0] prime256v1, [1] 04||x||y }, as Coinbase's key files carry it. */
    private static String sec1Pem(ECPrivateKey priv, ECPublicKey pub) {
        byte[] d = fixed(priv.getS());
        ByteArrayOutputStream point = new ByteArrayOutputStream();
        point.write(0x00); // BIT STRING: no unused bits
        point.write(0x04); // uncompressed
        point.writeBytes(fixed(pub.getW().getAffineX()));
        point.writeBytes(fixed(pub.getW().getAffineY()));
        ByteArrayOutputStream seq = new ByteArrayOutputStream();
        seq.writeBytes(new byte[] {0x02, 0x01, 0x01});
        seq.writeBytes(tlv(0x04, d));
        seq.writeBytes(tlv(0xa0, HexFormat.of().parseHex("06082a8648ce3d030107")));
        seq.writeBytes(tlv(0xa1, tlv(0x03, point.toByteArray())));
        byte[] der = tlv(0x30, seq.toByteArray());
        return "-----BEGIN EC PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END EC PRIVATE KEY-----\n";
    }

    private static byte[] fixed(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (value.length >= 0x80) out.write(0x81);
        out.write(value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }
}
