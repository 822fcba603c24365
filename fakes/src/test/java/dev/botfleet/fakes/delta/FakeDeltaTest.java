package dev.botfleet.fakes.delta;

import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.StandardSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake refuses what Delta refuses, in Delta's words, using raw requests signed here by hand: signature = hex
 * HMAC-SHA256(secret, METHOD + timestamp(s) + path + "?query" + body).
 */
class FakeDeltaTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = StandardSetup.API_KEY;
    private static final String SECRET = StandardSetup.API_SECRET;
    private final FakeDelta fake = new FakeDelta();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() { fake.close(); }

    @Test
    void signaturesMatchTheVectorsDerivedFromTheDocsInputs() {
        String secret = "7b6f39dcf660ec1c7c664f612c60410a2bd0c258416b498bf0311f94228f";
        assertThat(DeltaAuth.hmacHex(secret, "GET1542110948/v2/orders?product_id=1&state=open"))
                .isEqualTo("4e38dda3e6477092f360ba70399266d8145630b22bcc34c0ec7f804d5746877a");
        assertThat(DeltaAuth.hmacHex(secret, "POST1542110948/v2/orders{\"order_type\":\"limit_order\",\"size\":3,"
                + "\"side\":\"buy\",\"limit_price\":\"0.0005\",\"product_id\":16}"))
                .isEqualTo("21227523c4a51990f857251a8397466b975c46d9afecc62db9abbe5a92f43964");
        assertThat(DeltaAuth.hmacHex(secret, "GET1542110948/live"))
                .isEqualTo("ded5dbc0ebdbfba13e67d156ae2ed86a674396b933d27b3062b43848e3d6cf61");
        // The docs print this next to the /v2 prehash, but it is the HMAC of the legacy path without /v2.
        assertThat(DeltaAuth.hmacHex(secret, "GET1542110948/orders?product_id=1&state=open"))
                .isEqualTo("ad767fead0bdbe91ba1e4feb142079245fecd66aa5e47a70b40ba1a4c9b4e3db");
    }

    @Test
    void aCorrectlySignedOrderRestsAndAWrongSignatureIsASignatureMismatch() throws Exception {
        HttpResponse<String> ok = send("POST", "/v2/orders", "", order("buy", 2, "49000", false), seconds(), SECRET);
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode result = JSON.readTree(ok.body()).path("result");
        assertThat(result.path("state").asString()).isEqualTo("open");
        assertThat(result.path("size").asInt()).isEqualTo(2);
        assertThat(fake.engine().openOrders(fake.account(), FakeDelta.BTCUSD)).singleElement()
                .satisfies(o -> assertThat(o.quantity).isEqualByComparingTo("0.002"));

        HttpResponse<String> bad = send("GET", "/v2/orders", "product_ids=27", "", seconds(), "not-the-secret");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).contains("\"code\":\"Signature Mismatch\"");
    }

    @Test
    void aTimestampMoreThanFiveSecondsOffIsSignatureExpiredAndUnknownKeysAreInvalidApiKey() throws Exception {
        HttpResponse<String> stale = send("GET", "/v2/wallet/balances", "", "", seconds() - 6, SECRET);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(stale.body()).path("error").asString()).isEqualTo("SignatureExpired");
        assertThat(send("GET", "/v2/wallet/balances", "", "", seconds() - 4, SECRET).statusCode()).isEqualTo(200);

        HttpRequest unknown = HttpRequest.newBuilder(URI.create(fake.restUrl() + "/v2/wallet/balances"))
                .header("api-key", "nobody").header("timestamp", Long.toString(seconds()))
                .header("signature", "00").header("User-Agent", "test").GET().build();
        HttpResponse<String> answer = http.send(unknown, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("InvalidApiKey").contains("Api Key not found");
    }

    @Test
    void aRequestWithoutUserAgentIsBlockedByTheCdn() throws Exception {
        HttpRequest noAgent = HttpRequest.newBuilder(URI.create(fake.restUrl() + "/v2/products")).GET().build();
        // The JDK client always sends a User-Agent unless told otherwise; an empty one counts as missing.
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(noAgent, (n, v) -> true)
                .header("User-Agent", " ").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("Request blocked by CDN");
    }

    @Test
    void theDeadManSwitchCancelsTheKeysOrdersWhenItsTtlLapsesOnTheVenuesClock() throws Exception {
        assertThat(send("POST", "/v2/orders", "", order("buy", 1, "49000", false), seconds(), SECRET).statusCode())
                .isEqualTo(200);
        String create = "{\"heartbeat_id\":\"bot-1\",\"impact\":\"contracts\",\"contract_types\":[\"perpetual_futures\"],"
                + "\"config\":[{\"action\":\"cancel_orders\",\"unhealthy_count\":1}]}";
        assertThat(send("POST", "/v2/heartbeat/create", "", create, seconds(), SECRET).statusCode()).isEqualTo(200);
        HttpResponse<String> ack = send("POST", "/v2/heartbeat", "", "{\"heartbeat_id\":\"bot-1\",\"ttl\":30000}",
                seconds(), SECRET);
        assertThat(JSON.readTree(ack.body()).path("result").path("process_enabled").asString()).isEqualTo("true");
        fake.checkDeadManSwitch();
        assertThat(fake.engine().openOrders(fake.account(), FakeDelta.BTCUSD)).hasSize(1);

        fake.clock().skew(31_000); // the ttl lapses on the venue's clock
        fake.checkDeadManSwitch();
        assertThat(fake.engine().openOrders(fake.account(), FakeDelta.BTCUSD)).isEmpty();
        assertThat(fake.engine().orders(fake.account()).getFirst().status).isEqualTo(FakeOrder.Status.CANCELED);
        assertThat(fake.deadManSwitchesFired()).isEqualTo(1);
    }

    @Test
    void aReduceOnlyOrderWithNoPositionIsRefusedAndAnOrderBeyondTheMarginIsInsufficientMargin() throws Exception {
        HttpResponse<String> reduce = send("POST", "/v2/orders", "", order("sell", 1, "51000", true), seconds(), SECRET);
        assertThat(reduce.statusCode()).isEqualTo(400);
        assertThat(reduce.body()).contains("reduce_only_order_rejected");

        String lev = "{\"leverage\":\"1\"}";
        assertThat(send("POST", "/v2/products/27/orders/leverage", "", lev, seconds(), SECRET).statusCode()).isEqualTo(200);
        HttpResponse<String> big = send("POST", "/v2/orders", "", order("buy", 300, "49000", false), seconds(), SECRET);
        assertThat(big.statusCode()).isEqualTo(400); // 0.3 BTC × 49,000 / 1 = 14,700 USD > 10,000
        assertThat(JSON.readTree(big.body()).path("error").path("code").asString()).isEqualTo("insufficient_margin");
        assertThat(fake.engine().orders(fake.account())).isEmpty();
    }

    @Test
    void aDuplicateClientOrderIdIsRefusedAndPositionsAreReportedInContracts() throws Exception {
        String body = "{\"product_id\":27,\"size\":3,\"side\":\"buy\",\"order_type\":\"market_order\","
                + "\"client_order_id\":\"abc-1\"}";
        assertThat(send("POST", "/v2/orders", "", body, seconds(), SECRET).statusCode()).isEqualTo(200);
        HttpResponse<String> again = send("POST", "/v2/orders", "", body, seconds(), SECRET);
        assertThat(again.body()).contains("duplicate_client_order_id");
        JsonNode positions = JSON.readTree(send("GET", "/v2/positions/margined", "", "", seconds(), SECRET).body());
        assertThat(positions.path("result").get(0).path("size").asInt()).isEqualTo(3);
        assertThat(positions.path("result").get(0).path("entry_price").asString()).isEqualTo("50000.5");
    }

    private String order(String side, int size, String price, boolean reduceOnly) {
        return "{\"product_id\":27,\"size\":" + size + ",\"side\":\"" + side + "\",\"order_type\":\"limit_order\","
                + "\"limit_price\":\"" + price + "\",\"reduce_only\":\"" + reduceOnly + "\"}";
    }

    private long seconds() { return fake.clock().getAsLong() / 1000; }

    private HttpResponse<String> send(String method, String path, String query, String body, long ts, String secret)
            throws Exception {
        String q = query.isEmpty() ? "" : "?" + query;
        String signature = DeltaAuth.hmacHex(secret, method + ts + path + q + body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.restUrl() + path + q))
                .header("api-key", KEY).header("timestamp", Long.toString(ts)).header("signature", signature)
                .header("User-Agent", "botfleet-test").header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
