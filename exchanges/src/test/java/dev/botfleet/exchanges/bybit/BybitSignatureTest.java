package dev.botfleet.exchanges.bybit;

import dev.botfleet.exchanges.http.SentBody;
import dev.botfleet.exchanges.http.RestCall;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our signer against the integration guide (https://bybit-exchange.github.io/docs/v5/guide, "Create A Request",
 * bybit-exchange/docs docs/v5/guide.mdx). The guide publishes, for a GET and a POST, the example values (timestamp,
 * api_key "XXXXXXXXXX", recv_window 5000, query string / JSON body), the exact string to sign, and a resulting HMAC
 * signature ("410e0f38..." and "f0da7197..."), but not the secret that produced them; the HMAC sample scripts it links
 * (bybit-exchange/api-usage-examples) use a placeholder secret and print no expected value. So the published signatures
 * cannot be reproduced by anyone, and these tests check instead that (1) our signer signs exactly the documented string
 * to sign, comparing with an independent javax.crypto computation over that literal string, and (2) our HMAC matches
 * RFC 4231's published test vector.
 */
class BybitSignatureTest {
    private static final String KEY = "XXXXXXXXXX";
    private static final String SECRET = "a-test-secret-0123456789";

    @Test
    void aGetIsSignedOverTheDocumentedStringTimestampKeyWindowQuery() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("category", "option");
        params.put("symbol", "BTC-29JUL22-25000-C");
        HttpRequest request = BybitSigner.forKey(KEY, SECRET, 5000)
                .build("https://api-testnet.bybit.com", RestCall.signedGet("/v5/order/realtime", params, 1), 1658384314791L);

        assertThat(request.uri().toString())
                .isEqualTo("https://api-testnet.bybit.com/v5/order/realtime?category=option&symbol=BTC-29JUL22-25000-C");
        assertThat(request.headers().firstValue("X-BAPI-API-KEY")).hasValue(KEY);
        assertThat(request.headers().firstValue("X-BAPI-TIMESTAMP")).hasValue("1658384314791");
        assertThat(request.headers().firstValue("X-BAPI-RECV-WINDOW")).hasValue("5000");
        // The guide's "resulting string that needs to be signed", verbatim:
        String documented = "1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C";
        assertThat(request.headers().firstValue("X-BAPI-SIGN")).hasValue(independentHmac(SECRET, documented));
    }

    @Test
    void aPostIsSignedOverTheDocumentedStringWithTheBodyExactlyAsSent() throws Exception {
        String body = "{\"category\": \"option\"}";
        HttpRequest request = BybitSigner.forKey(KEY, SECRET, 5000).build("https://api-testnet.bybit.com",
                RestCall.newOrder("POST", "/v5/order/create", Map.of(), body, 1), 1658385579423L);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(SentBody.of(request)).isEqualTo(body);
        String documented = "1658385579423XXXXXXXXXX5000{\"category\": \"option\"}";
        assertThat(request.headers().firstValue("X-BAPI-SIGN")).hasValue(independentHmac(SECRET, documented));
    }

    @Test
    void theSignatureIsLowercaseHexHmacSha256AsRfc4231TestCase2() {
        assertThat(BybitSigner.sign("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void thePrivateStreamLoginSignsGetRealtimeAndTheExpiry() {
        JsonNode auth = JsonMapper.builder().build().readTree(
                BybitSigner.forKey(KEY, SECRET, 5000).authMessage(1662350400000L));
        assertThat(auth.path("op").asString()).isEqualTo("auth");
        assertThat(auth.path("args").get(0).asString()).isEqualTo(KEY);
        assertThat(auth.path("args").get(1).asLong()).isEqualTo(1662350400000L);
        assertThat(auth.path("args").get(2).asString())
                .isEqualTo(independentHmac(SECRET, "GET/realtime1662350400000"));
    }

    @Test
    void publicCallsCarryNoKeyAndTheSignerHidesItsSecret() {
        HttpRequest request = BybitSigner.publicOnly().build("https://api.bybit.com",
                RestCall.publicGet("/v5/market/time", Map.of(), 1), 1L);
        assertThat(request.headers().map()).doesNotContainKeys("X-BAPI-API-KEY", "X-BAPI-SIGN");
        assertThat(BybitSigner.forKey(KEY, SECRET, 5000).toString()).doesNotContain(SECRET).doesNotContain(KEY);
    }

    private static String independentHmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
