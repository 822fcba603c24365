package dev.botfleet.fakes.binance;

import dev.botfleet.fakes.Faults;
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
 * The fake refuses what Binance refuses, with Binance's status, code and words, and accepts a correctly signed
 * request. Requests are built by hand on java.net.http (not by our adapter), signed with javax.crypto.
 */
class FakeBinanceTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final FakeBinance fake = new FakeBinance();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() { fake.close(); }

    static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(String method, String path, String query, String body, String apiKey)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.restUrl() + path + (query.isEmpty() ? "" : "?" + query)))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty()) b.header("Content-Type", "application/x-www-form-urlencoded");
        if (apiKey != null) b.header("X-MBX-APIKEY", apiKey);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs query + body (no separator) with the standard secret and appends the signature to the body. */
    private HttpResponse<String> signedPost(String query, String body, long timestamp) throws Exception {
        String fullBody = body + "&recvWindow=5000&timestamp=" + timestamp;
        String signature = hmac(StandardSetup.API_SECRET, query + fullBody);
        return send("POST", "/api/v3/order", query, fullBody + "&signature=" + signature, StandardSetup.API_KEY);
    }

    private HttpResponse<String> signedGet(String path, String query) throws Exception {
        String q = query + (query.isEmpty() ? "" : "&") + "timestamp=" + fake.clock().getAsLong();
        return send("GET", path, q + "&signature=" + hmac(StandardSetup.API_SECRET, q), "", StandardSetup.API_KEY);
    }

    private static void assertError(HttpResponse<String> response, int status, int code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asInt()).isEqualTo(code);
        assertThat(body.get("msg").asString()).isEqualTo(message);
    }

    @Test
    void acceptsAnOrderSignedOverQueryAndBodyTogether() throws Exception {
        HttpResponse<String> r = signedPost("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC",
                "quantity=0.001&price=49000.00&newClientOrderId=my-order_1", fake.clock().getAsLong());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode order = JSON.readTree(r.body());
        assertThat(order.get("clientOrderId").asString()).isEqualTo("my-order_1");
        assertThat(order.get("status").asString()).isEqualTo("NEW");
        assertThat(order.get("price").asString()).isEqualTo("49000.00000000");
        assertThat(order.get("fills").size()).isZero();
        assertThat(r.headers().firstValue("X-MBX-USED-WEIGHT-1M")).hasValue("1");
        assertThat(r.headers().firstValue("X-MBX-ORDER-COUNT-10S")).hasValue("1");
        assertThat(r.headers().firstValue("X-MBX-ORDER-COUNT-1D")).hasValue("1");
        assertThat(fake.engine().acceptedClientIds()).containsExactly("my-order_1");
    }

    @Test
    void refusesAWrongSignatureAndDoesNothing() throws Exception {
        long ts = fake.clock().getAsLong();
        String body = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=49000.00&timestamp=" + ts;
        String wrong = hmac("not-the-secret", body);

        assertError(send("POST", "/api/v3/order", "", body + "&signature=" + wrong, StandardSetup.API_KEY),
                400, -1022, "Signature for this request is not valid.");
        assertThat(fake.engine().acceptedClientIds()).isEmpty();
        assertThat(fake.engine().orders(fake.account())).isEmpty();
    }

    @Test
    void theSignatureMustCoverTheBodyToo() throws Exception {
        String query = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC";
        String body = "quantity=0.001&price=49000.00&timestamp=" + fake.clock().getAsLong();
        String queryOnly = hmac(StandardSetup.API_SECRET, query);

        assertError(send("POST", "/api/v3/order", query, body + "&signature=" + queryOnly, StandardSetup.API_KEY),
                400, -1022, "Signature for this request is not valid.");
    }

    @Test
    void refusesAnUnknownOrRevokedKey() throws Exception {
        String q = "timestamp=" + fake.clock().getAsLong();
        assertError(send("GET", "/api/v3/account", q + "&signature=" + hmac(StandardSetup.API_SECRET, q), "", "nobody"),
                401, -2015, "Invalid API-key, IP, or permissions for action.");

        fake.account().revoked = true;
        assertError(signedGet("/api/v3/account", ""), 401, -2015, "Invalid API-key, IP, or permissions for action.");
    }

    @Test
    void refusesATimestampOutsideTheReceiveWindowOrAheadOfTheServer() throws Exception {
        String order = "quantity=0.001&price=49000.00";
        String query = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC";
        long now = fake.clock().getAsLong();

        assertError(signedPost(query, order, now - 6_000), 400, -1021,
                "Timestamp for this request is outside of the recvWindow.");
        assertError(signedPost(query, order, now + 5_000), 400, -1021,
                "Timestamp for this request was 1000ms ahead of the server's time.");
        // The venue's clock is what counts: skew it and a request stamped by the real clock is refused.
        fake.clock().skew(-10_000);
        assertError(signedPost(query, order, System.currentTimeMillis()), 400, -1021,
                "Timestamp for this request was 1000ms ahead of the server's time.");
        assertThat(fake.engine().orders(fake.account())).isEmpty();
    }

    @Test
    void refusesAClientOrderIdOutsideTheDocumentedAlphabet() throws Exception {
        String query = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC";
        assertError(signedPost(query, "quantity=0.001&price=49000.00&newClientOrderId=a.b", fake.clock().getAsLong()),
                400, -1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[a-zA-Z0-9-_]{1,36}$'.");
        assertError(signedPost(query, "quantity=0.001&price=49000.00&newClientOrderId=" + "x".repeat(37),
                fake.clock().getAsLong()), 400, -1100,
                "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[a-zA-Z0-9-_]{1,36}$'.");
    }

    @Test
    void mapsEngineRefusalsToBinanceCodes() throws Exception {
        long now = fake.clock().getAsLong();
        assertError(signedPost("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC", "quantity=1&price=49000.00", now),
                400, -2010, "Account has insufficient balance for requested action.");
        assertError(signedPost("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC", "quantity=0.001&price=49000.001", now),
                400, -1013, "Filter failure: PRICE_FILTER");
        assertError(signedPost("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC", "quantity=0.00001&price=49000.00", now),
                400, -1013, "Filter failure: NOTIONAL");
        assertError(signedPost("symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER", "quantity=0.001&price=60000.00", now),
                400, -2010, "Order would immediately match and take.");
        signedPost("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC", "quantity=0.001&price=49000.00&newClientOrderId=dup", now);
        assertError(signedPost("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC",
                "quantity=0.001&price=49000.00&newClientOrderId=dup", now), 400, -2010, "Duplicate order sent.");

        String cancel = "symbol=BTCUSDT&origClientOrderId=never&timestamp=" + now;
        assertError(send("DELETE", "/api/v3/order", cancel + "&signature=" + hmac(StandardSetup.API_SECRET, cancel), "",
                StandardSetup.API_KEY), 400, -2011, "Unknown order sent.");
        assertError(signedGet("/api/v3/order", "symbol=BTCUSDT&origClientOrderId=never"), 400, -2013,
                "Order does not exist.");
    }

    @Test
    void marketOrderFillsAtOnceWithFullFills() throws Exception {
        HttpResponse<String> r = signedPost("symbol=BTCUSDT&side=BUY&type=MARKET", "quantity=0.01&newClientOrderId=m1",
                fake.clock().getAsLong());

        JsonNode order = JSON.readTree(r.body());
        assertThat(order.get("status").asString()).isEqualTo("FILLED");
        JsonNode fill = order.get("fills").get(0);
        assertThat(new BigDecimal(fill.get("price").asString())).isEqualByComparingTo("50000.01");
        assertThat(new BigDecimal(fill.get("qty").asString())).isEqualByComparingTo("0.01");
        assertThat(new BigDecimal(fill.get("commission").asString())).isEqualByComparingTo("0.00001");
        assertThat(fill.get("commissionAsset").asString()).isEqualTo("BTC");
        JsonNode trades = JSON.readTree(signedGet("/api/v3/myTrades",
                "symbol=BTCUSDT&orderId=" + order.get("orderId").asLong()).body());
        assertThat(trades.get(0).get("id").asLong()).isEqualTo(fill.get("tradeId").asLong());
        assertThat(trades.get(0).get("isMaker").asBoolean()).isFalse();
    }

    @Test
    void answers429WithRetryAfterOverTheWeightLimitThen418WhenIgnored() throws Exception {
        fake.limits().weightPerMinute = 2;
        fake.limits().violationsBeforeBan = 2;
        assertThat(send("GET", "/api/v3/time", "", "", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v3/time", "", "", null).statusCode()).isEqualTo(200);

        HttpResponse<String> limited = send("GET", "/api/v3/time", "", "", null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(limited.body()).get("code").asInt()).isEqualTo(-1003);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);

        send("GET", "/api/v3/time", "", "", null);
        HttpResponse<String> banned = send("GET", "/api/v3/time", "", "", null);
        assertThat(banned.statusCode()).isEqualTo(418);
        assertThat(Long.parseLong(banned.headers().firstValue("Retry-After").orElseThrow())).isBetween(100L, 120L);
    }

    /**
     * Binance's ORDERS limit counts new orders that have not traded ("Spot Unfilled Order Count Rules"): at the limit a
     * new order is refused with 429 / -1015, and an order's first fill gives one back, so an account whose orders trade
     * can keep placing them.
     */
    @Test
    void theOrderLimitCountsOrdersThatHaveNotTradedAndAFirstFillGivesOneBack() throws Exception {
        fake.clock().skew(3_600_000 - Math.floorMod(System.currentTimeMillis(), 3_600_000L) + 1_000);  // hh:00:01
        fake.limitOrders(2, 3_600_000);
        String resting = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC";
        assertThat(signedPost(resting, "quantity=0.001&price=49000.00&newClientOrderId=a", fake.clock().getAsLong())
                .headers().firstValue("X-MBX-ORDER-COUNT-1H")).hasValue("1");
        assertThat(signedPost(resting, "quantity=0.001&price=48000.00&newClientOrderId=b", fake.clock().getAsLong())
                .headers().firstValue("X-MBX-ORDER-COUNT-1H")).hasValue("2");
        assertError(signedPost(resting, "quantity=0.001&price=47000.00&newClientOrderId=c", fake.clock().getAsLong()),
                429, -1015, "Too many new orders; current limit is 2 orders per 1 HOUR.");

        fake.engine().printTrade(FakeBinance.BTCUSDT, "48500.00", "0.0004");  // a first fill of order a, part of it
        fake.limits().violationsBeforeBan = 1_000;  // still inside the refusal's Retry-After
        HttpResponse<String> after = signedPost(resting, "quantity=0.001&price=47000.00&newClientOrderId=d",
                fake.clock().getAsLong());
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(after.headers().firstValue("X-MBX-ORDER-COUNT-1H")).hasValue("2");

        fake.engine().printTrade(FakeBinance.BTCUSDT, "48500.00", "0.0004");  // order a again: not its first fill
        assertError(signedPost(resting, "quantity=0.001&price=46000.00&newClientOrderId=e", fake.clock().getAsLong()),
                429, -1015, "Too many new orders; current limit is 2 orders per 1 HOUR.");
        assertThat(fake.engine().acceptedClientIds()).containsExactly("a", "b", "d");
    }

    @Test
    void faultSwitchesAnswer429And503WithoutActing() throws Exception {
        fake.faults().retryAfterSeconds = 7;
        fake.faults().arm(Faults.Kind.RATE_LIMIT, 1);
        HttpResponse<String> limited = signedPost("symbol=BTCUSDT&side=BUY&type=MARKET", "quantity=0.01",
                fake.clock().getAsLong());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");

        fake.faults().clear();
        fake.faults().arm(Faults.Kind.SERVER_ERROR, 1);
        assertError(signedPost("symbol=BTCUSDT&side=BUY&type=MARKET", "quantity=0.01", fake.clock().getAsLong()),
                503, -1001, "Internal error; unable to process your request. Please try again.");
        assertThat(fake.engine().orders(fake.account())).isEmpty();
    }

    @Test
    void listenKeyEndpointsAreGone() throws Exception {
        assertThat(send("POST", "/api/v3/userDataStream", "", "", StandardSetup.API_KEY).statusCode()).isEqualTo(410);
    }

    @Test
    void userDataStreamNeedsAValidSignatureAndDeliversOnlyTheAccountsEvents() throws Exception {
        try (RawWs subscribed = new RawWs(fake.userStreamUrl()); RawWs bystander = new RawWs(fake.userStreamUrl())) {
            long ts = fake.clock().getAsLong();
            String payload = "apiKey=" + StandardSetup.API_KEY + "&timestamp=" + ts;
            subscribed.send("{\"id\":\"bad\",\"method\":\"userDataStream.subscribe.signature\",\"params\":{\"apiKey\":\""
                    + StandardSetup.API_KEY + "\",\"timestamp\":" + ts + ",\"signature\":\"" + hmac("wrong", payload) + "\"}}");
            JsonNode refused = JSON.readTree(subscribed.await(m -> m.contains("\"bad\""), 5));
            assertThat(refused.get("status").asInt()).isEqualTo(400);
            assertThat(refused.get("error").get("code").asInt()).isEqualTo(-1022);
            assertThat(fake.subscribedUserStreams()).isZero();

            subscribed.send("{\"id\":7,\"method\":\"userDataStream.subscribe.signature\",\"params\":{\"apiKey\":\""
                    + StandardSetup.API_KEY + "\",\"timestamp\":" + ts + ",\"signature\":\""
                    + hmac(StandardSetup.API_SECRET, payload) + "\"}}");
            JsonNode ok = JSON.readTree(subscribed.await(m -> m.contains("\"id\":7"), 5));
            assertThat(ok.get("status").asInt()).isEqualTo(200);
            int subscriptionId = ok.get("result").get("subscriptionId").asInt();
            assertThat(fake.subscribedUserStreams()).isEqualTo(1);

            signedPost("symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC", "quantity=0.002&price=51000.00&newClientOrderId=s1",
                    fake.clock().getAsLong());
            fake.engine().printTrade("BTCUSDT", "51000.00", "0.0015");

            JsonNode fill = JSON.readTree(subscribed.await(m -> m.contains("\"x\":\"TRADE\""), 5));
            assertThat(fill.get("subscriptionId").asInt()).isEqualTo(subscriptionId);
            JsonNode event = fill.get("event");
            assertThat(event.get("c").asString()).isEqualTo("s1");
            assertThat(event.get("X").asString()).isEqualTo("PARTIALLY_FILLED");
            assertThat(new BigDecimal(event.get("l").asString())).isEqualByComparingTo("0.0015");
            assertThat(new BigDecimal(event.get("n").asString())).isEqualByComparingTo("0.0765");
            assertThat(event.get("N").asString()).isEqualTo("USDT");
            assertThat(event.get("m").asBoolean()).isTrue();

            String cancel = "symbol=BTCUSDT&origClientOrderId=s1&newClientOrderId=cx1&timestamp=" + fake.clock().getAsLong();
            send("DELETE", "/api/v3/order", cancel + "&signature=" + hmac(StandardSetup.API_SECRET, cancel), "",
                    StandardSetup.API_KEY);
            JsonNode canceled = JSON.readTree(subscribed.await(m -> m.contains("\"x\":\"CANCELED\""), 5)).get("event");
            assertThat(canceled.get("c").asString()).isEqualTo("cx1");
            assertThat(canceled.get("C").asString()).isEqualTo("s1");

            assertThat(bystander.drain()).isEmpty();
        }
    }

    @Test
    void marketStreamsPublishTradesBookTickerAndTheClosedKline() throws Exception {
        try (RawWs ws = new RawWs(fake.marketStreamUrl() + "/stream?streams=btcusdt@trade/btcusdt@kline_1m/btcusdt@bookTicker")) {
            assertThat(waitForSockets()).isTrue();
            fake.engine().printTrade("BTCUSDT", "50100.00", "0.5");

            JsonNode trade = JSON.readTree(ws.await(m -> m.contains("\"stream\":\"btcusdt@trade\""), 5)).get("data");
            assertThat(trade.get("p").asString()).isEqualTo("50100.00000000");
            JsonNode book = JSON.readTree(ws.await(m -> m.contains("btcusdt@bookTicker"), 5)).get("data");
            assertThat(book.get("b").asString()).isEqualTo("50100.00000000");
            assertThat(book.get("a").asString()).isEqualTo("50100.01000000");

            fake.clock().skew(60_000); // the minute is over by the venue's clock
            JsonNode closed = JSON.readTree(ws.await(m -> m.contains("\"x\":true"), 5)).get("data").get("k");
            assertThat(closed.get("c").asString()).isEqualTo("50100.00000000");
            assertThat(closed.get("v").asString()).isEqualTo("0.50000000");
        }
    }

    private boolean waitForSockets() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (fake.marketStreamSockets() > 0) return true;
            Thread.sleep(10);
        }
        return false;
    }
}
