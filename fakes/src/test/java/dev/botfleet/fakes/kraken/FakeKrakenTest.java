package dev.botfleet.fakes.kraken;

import dev.botfleet.fakes.StandardSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake refuses what Kraken refuses, in Kraken's words, and trades what it accepts. */
class FakeKrakenTest {
    private final FakeKraken fake = new FakeKraken();
    private final HttpClient http = HttpClient.newHttpClient();
    private long nonce = System.currentTimeMillis();

    @AfterEach
    void stop() { fake.close(); }

    /** The signature vector published in the Spot REST Authentication guide. */
    @Test
    void signsAsTheDocumentedExample() {
        String signature = KrakenAuth.sign("kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==",
                "/0/private/AddOrder", "1616492376594",
                "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25");
        assertThat(signature).isEqualTo("4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==");
    }

    @Test
    void refusesABadSignatureAnUnknownKeyAndAReusedNonce() throws Exception {
        assertThat(post("BalanceEx", "", StandardSetup.API_KEY, "AAAA" + FakeKraken.API_SECRET.substring(4)).path("error").get(0)
                .asString()).isEqualTo("EAPI:Invalid signature");
        assertThat(post("BalanceEx", "", "nobody", FakeKraken.API_SECRET).path("error").get(0).asString())
                .isEqualTo("EAPI:Invalid key");
        long used = ++nonce;
        assertThat(postWithNonce("BalanceEx", "", used).path("error")).isEmpty();
        assertThat(postWithNonce("BalanceEx", "", used).path("error").get(0).asString()).isEqualTo("EAPI:Invalid nonce");
        assertThat(postWithNonce("BalanceEx", "", used - 5).path("error").get(0).asString()).isEqualTo("EAPI:Invalid nonce");
    }

    @Test
    void theCallCounterRefusesPastItsMaximumAndDecays() throws Exception {
        fake.limits().callMax = 3;
        fake.limits().callDecayPerSecond = 0.001;
        for (int i = 0; i < 3; i++) assertThat(post("OpenOrders", "").path("error")).isEmpty();
        assertThat(post("OpenOrders", "").path("error").get(0).asString()).isEqualTo("EAPI:Rate limit exceeded");
        assertThat(fake.rateLimitRefusals()).isEqualTo(1);
        fake.limits().callDecayPerSecond = 1000; // everything counted so far has decayed by the next call
        assertThat(post("OpenOrders", "").path("error")).isEmpty();
    }

    @Test
    void aLimitOrderRoundTripsByClientOrderId() throws Exception {
        String clOrdId = "0123456789abcdef0123456789abcdef";
        JsonNode placed = post("AddOrder", "pair=XBTUSDT&type=buy&ordertype=limit&price=49000.00&volume=0.001&cl_ord_id="
                + clOrdId + "&oflags=fcib");
        assertThat(placed.path("error")).isEmpty();
        String txid = placed.path("result").path("txid").get(0).asString();
        JsonNode open = post("OpenOrders", "cl_ord_id=" + clOrdId).path("result").path("open");
        assertThat(open.path(txid).path("status").asString()).isEqualTo("open");
        assertThat(open.path(txid).path("descr").path("price").asString()).isEqualTo("49000.00");

        assertThat(post("AddOrder", "pair=XBTUSDT&type=buy&ordertype=limit&price=49000.00&volume=0.001&cl_ord_id="
                + clOrdId).path("error").get(0).asString()).startsWith("EOrder:Duplicate");
        assertThat(post("AddOrder", "pair=XBTUSDT&type=buy&ordertype=limit&price=49000.005&volume=0.001")
                .path("error").get(0).asString()).startsWith("EOrder:Invalid price");
        assertThat(post("AddOrder", "pair=XBTUSDT&type=buy&ordertype=limit&price=49000.00&volume=1&cl_ord_id=x")
                .path("error").get(0).asString()).isEqualTo("EOrder:Insufficient funds");
        assertThat(post("AddOrder", "pair=XBTUSDT&type=buy&ordertype=limit&price=49000.00&volume=0.001&cl_ord_id="
                + "this-is-longer-than-18").path("error").get(0).asString()).startsWith("EGeneral:Invalid arguments");

        assertThat(post("CancelOrder", "cl_ord_id=" + clOrdId).path("result").path("count").asInt()).isEqualTo(1);
        assertThat(post("CancelOrder", "cl_ord_id=" + clOrdId).path("error").get(0).asString()).isEqualTo("EOrder:Unknown order");
        JsonNode closed = post("ClosedOrders", "cl_ord_id=" + clOrdId).path("result").path("closed");
        assertThat(closed.path(txid).path("status").asString()).isEqualTo("canceled");

        JsonNode time = get("Time");
        assertThat(time.path("result").path("unixtime").asLong()).isPositive();
        JsonNode pairs = get("AssetPairs").path("result").path("XBTUSDT");
        assertThat(pairs.path("wsname").asString()).isEqualTo("XBT/USDT");
        assertThat(pairs.path("base").asString()).isEqualTo("XXBT");
        assertThat(pairs.path("tick_size").asString()).isEqualTo("0.01");
        assertThat(pairs.path("lot_decimals").asInt()).isEqualTo(5);
    }

    private JsonNode get(String name) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fake.restUrl() + "/0/public/" + name)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return KrakenJson.JSON.readTree(r.body());
    }

    private JsonNode post(String name, String params) throws Exception {
        return post(name, params, StandardSetup.API_KEY, FakeKraken.API_SECRET);
    }

    private JsonNode postWithNonce(String name, String params, long n) throws Exception {
        return send(name, params, StandardSetup.API_KEY, FakeKraken.API_SECRET, n);
    }

    private JsonNode post(String name, String params, String key, String secret) throws Exception {
        return send(name, params, key, secret, ++nonce);
    }

    private JsonNode send(String name, String params, String key, String secret, long n) throws Exception {
        String body = "nonce=" + n + (params.isEmpty() ? "" : "&" + params);
        String path = "/0/private/" + name;
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.restUrl() + path))
                .header("API-Key", key).header("API-Sign", KrakenAuth.sign(secret, path, Long.toString(n), body))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return KrakenJson.JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
