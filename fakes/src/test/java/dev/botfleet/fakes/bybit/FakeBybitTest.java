package dev.botfleet.fakes.bybit;

import dev.botfleet.fakes.StandardSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake refuses what Bybit refuses, with Bybit's codes, using raw HTTP requests signed here by hand (independent of
 * the adapter): string to sign = timestamp + apiKey + recvWindow + (query string | JSON body), lowercase hex
 * HMAC-SHA256 with the secret.
 */
class FakeBybitTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = StandardSetup.API_KEY;
    private static final String SECRET = StandardSetup.API_SECRET;
    private final FakeBybit fake = new FakeBybit();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() { fake.close(); }

    @Test
    void acceptsACorrectlySignedOrderAndTheEngineHoldsIt() throws Exception {
        String body = "{\"category\":\"spot\",\"symbol\":\"BTCUSDT\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                + "\"qty\":\"0.001\",\"price\":\"49000\",\"timeInForce\":\"GTC\",\"orderLinkId\":\"fake-test-1\"}";
        HttpResponse<String> answer = post("/v5/order/create", body, KEY, SECRET, now(), null);
        JsonNode json = JSON.readTree(answer.body());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json.path("retCode").asInt()).isZero();
        assertThat(json.path("result").path("orderLinkId").asString()).isEqualTo("fake-test-1");
        assertThat(answer.headers().firstValue("X-Bapi-Limit")).hasValue("20");
        assertThat(answer.headers().firstValue("X-Bapi-Limit-Status")).hasValue("19");
        assertThat(fake.engine().openOrders(fake.account(), "BTCUSDT")).singleElement()
                .satisfies(o -> assertThat(o.price).isEqualByComparingTo("49000"));
        assertThat(fake.account().locked("USDT")).isEqualByComparingTo(new BigDecimal("49"));
    }

    @Test
    void refusesAWrongSignatureWith10004AndDoesNothing() throws Exception {
        String body = "{\"category\":\"spot\",\"symbol\":\"BTCUSDT\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                + "\"qty\":\"0.001\",\"price\":\"49000\"}";
        HttpResponse<String> answer = post("/v5/order/create", body, KEY, "not-the-secret", now(), null);
        assertThat(code(answer)).isEqualTo(10004);
        assertThat(msg(answer)).startsWith("Error sign");
        assertThat(fake.engine().orders(fake.account())).isEmpty();
    }

    @Test
    void refusesASignatureOverADifferentBodyThanTheOneSent() throws Exception {
        String signedBody = "{\"category\":\"spot\",\"symbol\":\"BTCUSDT\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                + "\"qty\":\"0.001\",\"price\":\"49000\"}";
        String sentBody = signedBody.replace("0.001", "0.002");
        HttpResponse<String> answer = post("/v5/order/create", sentBody, KEY, SECRET, now(), signedBody);
        assertThat(code(answer)).isEqualTo(10004);
    }

    @Test
    void refusesAGetSignedOverTheParametersInAnotherOrder() throws Exception {
        long ts = now();
        String signedQuery = "category=spot&orderLinkId=x";
        String sign = hmac(SECRET, ts + KEY + "5000" + signedQuery);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create(fake.restUrl() + "/v5/order/realtime?orderLinkId=x&category=spot"))
                .header("X-BAPI-API-KEY", KEY).header("X-BAPI-TIMESTAMP", Long.toString(ts))
                .header("X-BAPI-RECV-WINDOW", "5000").header("X-BAPI-SIGN", sign).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(code(answer)).isEqualTo(10004);
        assertThat(code(get("/v5/order/realtime", signedQuery, KEY, SECRET, ts))).isZero();
    }

    @Test
    void refusesAnUnknownKeyAndARevokedKeyWith10003() throws Exception {
        assertThat(code(get("/v5/account/wallet-balance", "accountType=UNIFIED", "no-such-key", SECRET, now())))
                .isEqualTo(10003);
        fake.account().revoked = true;
        HttpResponse<String> revoked = get("/v5/account/wallet-balance", "accountType=UNIFIED", KEY, SECRET, now());
        assertThat(code(revoked)).isEqualTo(10003);
        assertThat(msg(revoked)).startsWith("API key is invalid.");
    }

    @Test
    void refusesTimestampsOutsideServerTimeMinusRecvWindowToServerTimePlusOneSecond() throws Exception {
        long server = fake.clock().getAsLong();
        assertThat(code(get("/v5/account/wallet-balance", "accountType=UNIFIED", KEY, SECRET, server - 6_000)))
                .isEqualTo(10002);
        assertThat(code(get("/v5/account/wallet-balance", "accountType=UNIFIED", KEY, SECRET, server + 1_500)))
                .isEqualTo(10002);
        fake.clock().skew(-30_000);
        assertThat(code(get("/v5/account/wallet-balance", "accountType=UNIFIED", KEY, SECRET, System.currentTimeMillis())))
                .isEqualTo(10002);
        assertThat(code(get("/v5/account/wallet-balance", "accountType=UNIFIED", KEY, SECRET,
                fake.clock().getAsLong()))).isZero();
    }

    @Test
    void refusesADuplicateOrderLinkIdEvenAfterTheFirstOrderIsGone() throws Exception {
        String body = "{\"category\":\"spot\",\"symbol\":\"BTCUSDT\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                + "\"qty\":\"0.001\",\"price\":\"49000\",\"orderLinkId\":\"dup-1\"}";
        assertThat(code(post("/v5/order/create", body, KEY, SECRET, now(), null))).isZero();
        String cancel = "{\"category\":\"spot\",\"symbol\":\"BTCUSDT\",\"orderLinkId\":\"dup-1\"}";
        assertThat(code(post("/v5/order/cancel", cancel, KEY, SECRET, now(), null))).isZero();
        HttpResponse<String> again = post("/v5/order/create", body, KEY, SECRET, now(), null);
        assertThat(code(again)).isEqualTo(170141);
        assertThat(code(post("/v5/order/cancel", cancel, KEY, SECRET, now(), null))).isEqualTo(170213);
    }

    @Test
    void aSpotMarketBuyIsSizedInQuoteCoinUnlessMarketUnitSaysBase() throws Exception {
        String byValue = "{\"category\":\"spot\",\"symbol\":\"BTCUSDT\",\"side\":\"Buy\",\"orderType\":\"Market\","
                + "\"qty\":\"100\",\"orderLinkId\":\"mkt-quote\"}";
        String byBase = "{\"category\":\"spot\",\"symbol\":\"BTCUSDT\",\"side\":\"Buy\",\"orderType\":\"Market\","
                + "\"qty\":\"0.001\",\"marketUnit\":\"baseCoin\",\"orderLinkId\":\"mkt-base\"}";
        assertThat(code(post("/v5/order/create", byValue, KEY, SECRET, now(), null))).isZero();
        assertThat(code(post("/v5/order/create", byBase, KEY, SECRET, now(), null))).isZero();
        JsonNode quote = JSON.readTree(get("/v5/order/realtime", "category=spot&orderLinkId=mkt-quote", KEY, SECRET,
                now()).body()).path("result").path("list").get(0);
        JsonNode base = JSON.readTree(get("/v5/order/realtime", "category=spot&orderLinkId=mkt-base", KEY, SECRET,
                now()).body()).path("result").path("list").get(0);
        assertThat(quote.path("cumExecQty").asDecimal()).isEqualByComparingTo("0.00199"); // 100 USDT at 50000.01
        assertThat(base.path("cumExecQty").asDecimal()).isEqualByComparingTo("0.001");
        assertThat(base.path("orderStatus").asString()).isEqualTo("Filled");
    }

    @Test
    void answersRetCode10006WithResetHeaderOverTheEndpointLimit() throws Exception {
        fake.limits().perSecond.put("/v5/account/wallet-balance", 2);
        assertThat(code(get("/v5/account/wallet-balance", "accountType=UNIFIED", KEY, SECRET, now()))).isZero();
        assertThat(code(get("/v5/account/wallet-balance", "accountType=UNIFIED", KEY, SECRET, now()))).isZero();
        HttpResponse<String> third = get("/v5/account/wallet-balance", "accountType=UNIFIED", KEY, SECRET, now());
        assertThat(code(third)).isEqualTo(10006);
        assertThat(third.headers().firstValue("X-Bapi-Limit-Status")).hasValue("0");
        assertThat(Long.parseLong(third.headers().firstValue("X-Bapi-Limit-Reset-Timestamp").orElseThrow()))
                .isGreaterThan(fake.clock().getAsLong() - 1000);
    }

    private long now() { return fake.clock().getAsLong(); }

    private HttpResponse<String> post(String path, String body, String key, String secret, long ts, String signedBody)
            throws Exception {
        String sign = hmac(secret, ts + key + "5000" + (signedBody == null ? body : signedBody));
        return http.send(HttpRequest.newBuilder(URI.create(fake.restUrl() + path))
                .header("X-BAPI-API-KEY", key).header("X-BAPI-TIMESTAMP", Long.toString(ts))
                .header("X-BAPI-RECV-WINDOW", "5000").header("X-BAPI-SIGN", sign)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String query, String key, String secret, long ts) throws Exception {
        String sign = hmac(secret, ts + key + "5000" + query);
        return http.send(HttpRequest.newBuilder(URI.create(fake.restUrl() + path + "?" + query))
                .header("X-BAPI-API-KEY", key).header("X-BAPI-TIMESTAMP", Long.toString(ts))
                .header("X-BAPI-RECV-WINDOW", "5000").header("X-BAPI-SIGN", sign).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int code(HttpResponse<String> answer) {
        return JSON.readTree(answer.body()).path("retCode").asInt();
    }

    private static String msg(HttpResponse<String> answer) {
        return JSON.readTree(answer.body()).path("retMsg").asString();
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
