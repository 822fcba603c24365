package dev.botfleet.fakes.coinbase;

import dev.botfleet.fakes.StandardSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake refuses tokens as Coinbase documents them (bare 401) and keeps client_order_id idempotent. Tokens are made
 * here independently of the adapter: the CDP SDK test key in PKCS#8 (openssl pkcs8 -topk8 of {@link FakeCoinbase#KEY_PEM}).
 */
class FakeCoinbaseTest {
    private static final String PKCS8 = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgrB/dSjHfRxFbNEE4+g84fmnQalvQO3zNQpdQ"
            + "Qzl8yQahRANCAARsC2kuVJlhU7BggLP64TLFxLb29Ei6OIRL+BDUMLsVXjMrgm5gT2+oPIZlBiN1ccszsjp/9Cec4hMv51dhYEdE";
    private final FakeCoinbase fake = new FakeCoinbase();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() { fake.close(); }

    private String host() { return URI.create(fake.restUrl()).getRawAuthority(); }

    static String token(PrivateKey key, String kid, String sub, long nbf, long exp, String uri) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"nonce\":\"" + HexFormat.of().formatHex(new byte[16])
                + "\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"cdp\",\"sub\":\"" + sub + "\",\"nbf\":" + nbf + ",\"exp\":" + exp
                + (uri == null ? "" : ",\"uri\":\"" + uri + "\"") + "}";
        String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(s.sign());
    }

    static PrivateKey testKey() throws Exception {
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(PKCS8)));
    }

    private HttpResponse<String> call(String method, String path, String body, String jwt) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.restUrl() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (jwt != null) b.header("Authorization", "Bearer " + jwt);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String good(String method, String path) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        return token(testKey(), FakeCoinbase.KEY_NAME, FakeCoinbase.KEY_NAME, now, now + 120,
                method + " " + host() + path);
    }

    @Test
    void aValidTokenIsAcceptedAndEveryFlawIsABare401() throws Exception {
        String path = "/api/v3/brokerage/accounts";
        long now = System.currentTimeMillis() / 1000;
        String uri = "GET " + host() + path;
        String k = FakeCoinbase.KEY_NAME;
        assertThat(call("GET", path, null, good("GET", path)).statusCode()).isEqualTo(200);

        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        PrivateKey other = gen.generateKeyPair().getPrivate();
        assertThat(status(token(other, k, k, now, now + 120, uri), path)).as("another key's signature").isEqualTo(401);
        assertThat(status(token(testKey(), k, k, now, now + 120, "GET " + host() + "/api/v3/brokerage/orders"), path))
                .as("uri of another path").isEqualTo(401);
        assertThat(status(token(testKey(), k, k, now - 200, now - 80, uri), path)).as("expired").isEqualTo(401);
        assertThat(status(token(testKey(), k, k, now + 60, now + 180, uri), path)).as("not valid yet").isEqualTo(401);
        assertThat(status(token(testKey(), k, k, now, now + 300, uri), path)).as("lifetime over 120 s").isEqualTo(401);
        assertThat(status(token(testKey(), k, "someone-else", now, now + 120, uri), path)).as("sub").isEqualTo(401);
        assertThat(status(token(testKey(), "unknown-key", "unknown-key", now, now + 120, uri), path)).as("kid").isEqualTo(401);
        assertThat(status(null, path)).as("no token").isEqualTo(401);
        fake.engine().account(StandardSetup.API_KEY).revoked = true;
        assertThat(status(good("GET", path), path)).as("revoked").isEqualTo(401);
    }

    private int status(String jwt, String path) throws Exception { return call("GET", path, null, jwt).statusCode(); }

    @Test
    void aRepeatedClientOrderIdReturnsTheExistingOrderInsteadOfASecond() throws Exception {
        String path = "/api/v3/brokerage/orders";
        String body = "{\"client_order_id\":\"abc-1\",\"product_id\":\"BTC-USDT\",\"side\":\"BUY\",\"order_configuration\":"
                + "{\"limit_limit_gtc\":{\"base_size\":\"0.001\",\"limit_price\":\"49000.00\",\"post_only\":false}}}";
        JsonNode first = CbJson.parse(call("POST", path, body, good("POST", path)).body());
        assertThat(first.path("success").asBoolean()).isTrue();
        fake.engine().cancel(fake.engine().account(StandardSetup.API_KEY), "BTC-USDT", "abc-1", null);
        JsonNode again = CbJson.parse(call("POST", path, body, good("POST", path)).body());
        assertThat(again.path("success").asBoolean()).isTrue();
        assertThat(again.path("success_response").path("order_id").asString())
                .isEqualTo(first.path("success_response").path("order_id").asString());
        assertThat(fake.engine().acceptedClientIds()).containsExactly("abc-1");
    }

    @Test
    void aRefusedOrderIsHttp200WithErrorResponseAndFeesAreChargedInQuote() throws Exception {
        String path = "/api/v3/brokerage/orders";
        String tooBig = "{\"client_order_id\":\"big\",\"product_id\":\"BTC-USDT\",\"side\":\"BUY\",\"order_configuration\":"
                + "{\"limit_limit_gtc\":{\"base_size\":\"1\",\"limit_price\":\"49000.00\"}}}";
        HttpResponse<String> refused = call("POST", path, tooBig, good("POST", path));
        assertThat(refused.statusCode()).isEqualTo(200);
        JsonNode r = CbJson.parse(refused.body());
        assertThat(r.path("success").asBoolean(true)).isFalse();
        assertThat(r.path("error_response").path("error").asString()).isEqualTo("INSUFFICIENT_FUND");
        assertThat(refused.headers().firstValue("x-ratelimit-limit")).hasValue("30");

        String market = "{\"client_order_id\":\"m\",\"product_id\":\"BTC-USDT\",\"side\":\"BUY\",\"order_configuration\":"
                + "{\"market_market_ioc\":{\"base_size\":\"0.01\"}}}";
        assertThat(CbJson.parse(call("POST", path, market, good("POST", path)).body()).path("success").asBoolean()).isTrue();
        String fills = "/api/v3/brokerage/orders/historical/fills";
        JsonNode fill = CbJson.parse(call("GET", fills, null, good("GET", fills)).body()).path("fills").path(0);
        // 0.1% of 500.0001 USDT paid, rounded up to 8 places; the BTC received is not reduced.
        assertThat(fill.path("commission").asString()).isEqualTo("0.5000001");
        assertThat(fake.engine().account(StandardSetup.API_KEY).free("BTC")).isEqualByComparingTo("1.01");
    }
}
