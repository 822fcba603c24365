package dev.botfleet.fakes;

import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.FakeOrder.Side;
import dev.botfleet.fakes.FakeOrder.TimeInForce;
import dev.botfleet.fakes.FakeOrder.Type;
import dev.botfleet.fakes.binance.FakeBinance;
import dev.botfleet.fakes.bybit.FakeBybit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake's /_fake/ control API, over real HTTP on the fake's REST port. */
class FakeControlTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final FakeBinance fake = new FakeBinance();
    private final HttpClient http = HttpClient.newHttpClient();

    FakeControlTest() {
        FakeControl.install(fake);
    }

    @AfterEach
    void stop() { fake.close(); }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fake.restUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fake.restUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(r.body());
    }

    private FakeOrder place(String clientId, Side side, String price, String qty) {
        return fake.engine().place(fake.account(), FakeBinance.BTCUSDT, clientId, side, Type.LIMIT, TimeInForce.GTC,
                new BigDecimal(price), new BigDecimal(qty));
    }

    @Test
    void aPrintedTradeFillsTheRestingOrdersItReachesAndMovesThePrice() throws Exception {
        FakeOrder buy = place("bot-a-1", Side.BUY, "49990.00", "0.002");
        FakeOrder sell = place("bot-a-2", Side.SELL, "50010.00", "0.001");

        HttpResponse<String> r = post("/_fake/trade", "{\"symbol\":\"BTCUSDT\",\"price\":\"49980.00\",\"quantity\":\"0.001\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("lastPrice").asString()).isEqualTo("49980.00");
        assertThat(fake.engine().lastPrice(FakeBinance.BTCUSDT)).isEqualByComparingTo("49980.00");
        assertThat(buy.status).isEqualTo(FakeOrder.Status.PARTIALLY_FILLED);
        assertThat(buy.executedQuantity).isEqualByComparingTo("0.001");
        assertThat(buy.trades).singleElement().satisfies(t -> assertThat(t.price()).isEqualByComparingTo("49990.00"));
        assertThat(sell.executedQuantity).isZero();

        // numbers are accepted as well as strings
        r = post("/_fake/trade", "{\"symbol\":\"BTCUSDT\",\"price\":50020,\"quantity\":1}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("lastPrice").asString()).isEqualTo("50020.00");
        assertThat(sell.status).isEqualTo(FakeOrder.Status.FILLED);
    }

    @Test
    void aBadTradeRequestIsRefusedAndChangesNothing() throws Exception {
        for (String body : new String[] {"", "[]", "not json", "{\"price\":\"1\",\"quantity\":\"1\"}",
                "{\"symbol\":\"NOPE\",\"price\":\"1\",\"quantity\":\"1\"}",
                "{\"symbol\":\"BTCUSDT\",\"price\":\"-1\",\"quantity\":\"1\"}",
                "{\"symbol\":\"BTCUSDT\",\"price\":\"abc\",\"quantity\":\"1\"}",
                "{\"symbol\":\"BTCUSDT\",\"price\":\"50000.001\",\"quantity\":\"1\"}",
                "{\"symbol\":\"BTCUSDT\",\"price\":\"50000\",\"quantity\":\"0\"}"}) {
            HttpResponse<String> r = post("/_fake/trade", body);
            assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asString()).isNotBlank();
        }
        assertThat(fake.engine().lastPrice(FakeBinance.BTCUSDT)).isEqualByComparingTo("50000.00");
    }

    @Test
    void ordersListsAcceptedIdsAndEachOrdersFillsFilteredByPrefix() throws Exception {
        place("botAx1", Side.BUY, "49990.00", "0.001");
        place("botAx2", Side.SELL, "50010.00", "0.001");
        place("botBx1", Side.BUY, "49995.00", "0.001");
        fake.engine().printTrade(FakeBinance.BTCUSDT, "49990.00", "0.01");
        fake.engine().cancel(fake.account(), FakeBinance.BTCUSDT, "botAx2", null);

        JsonNode all = get("/_fake/orders");
        assertThat(all.get("acceptedClientIds").valueStream().map(JsonNode::asString)).containsExactly("botAx1", "botAx2", "botBx1");
        assertThat(all.get("orders").size()).isEqualTo(3);

        JsonNode a = get("/_fake/orders?prefix=botAx");
        assertThat(a.get("acceptedClientIds").valueStream().map(JsonNode::asString)).containsExactly("botAx1", "botAx2");
        JsonNode filled = a.get("orders").get(0);
        assertThat(filled.get("clientOrderId").asString()).isEqualTo("botAx1");
        assertThat(filled.get("side").asString()).isEqualTo("BUY");
        assertThat(filled.get("status").asString()).isEqualTo("FILLED");
        assertThat(new BigDecimal(filled.get("executedQuantity").asString())).isEqualByComparingTo("0.001");
        JsonNode trade = filled.get("trades").get(0);
        FakeTrade real = fake.engine().orders(fake.account()).getFirst().trades.getFirst();
        assertThat(trade.get("id").asLong()).isEqualTo(real.tradeId());
        assertThat(new BigDecimal(trade.get("price").asString())).isEqualByComparingTo("49990.00");
        assertThat(new BigDecimal(trade.get("qty").asString())).isEqualByComparingTo("0.001");
        assertThat(new BigDecimal(trade.get("commission").asString())).isEqualByComparingTo("0.000001");
        assertThat(trade.get("commissionAsset").asString()).isEqualTo("BTC");
        JsonNode canceled = a.get("orders").get(1);
        assertThat(canceled.get("status").asString()).isEqualTo("CANCELED");
        assertThat(canceled.get("trades").size()).isZero();
    }

    @Test
    void balancesAreTheStandardAccountsWithWhatOpenOrdersLock() throws Exception {
        place("x1", Side.BUY, "40000.00", "0.01");

        JsonNode b = get("/_fake/balances");

        assertThat(b.get("apiKey").asString()).isEqualTo(StandardSetup.API_KEY);
        Map<String, JsonNode> byAsset = new java.util.HashMap<>();
        b.get("balances").forEach(n -> byAsset.put(n.get("asset").asString(), n));
        assertThat(new BigDecimal(byAsset.get("USDT").get("free").asString())).isEqualByComparingTo("9600");
        assertThat(new BigDecimal(byAsset.get("USDT").get("locked").asString())).isEqualByComparingTo("400");
        assertThat(new BigDecimal(byAsset.get("BTC").get("free").asString())).isEqualByComparingTo("1");
    }

    @Test
    void theControlApiIsNotThereUnlessInstalledAndOnlyForLoopbackCallers() throws Exception {
        try (FakeBybit bare = new FakeBybit()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(bare.restUrl() + "/_fake/balances")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
            FakeControl.install(bare);
            r = http.send(HttpRequest.newBuilder(URI.create(bare.restUrl() + "/_fake/balances")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        // the REST server listens on 127.0.0.1 only; a caller from elsewhere is refused all the same
        assertThat(fake.restUrl()).startsWith("http://127.0.0.1:");
        Request fromElsewhere = new Request("GET", "/_fake/balances", null, Map.of(), "",
                InetAddress.getByName("192.0.2.7"));
        Response refused = FakeControl.loopbackOnly(r -> Response.json(200, "{}")).handle(fromElsewhere);
        assertThat(refused.status()).isEqualTo(403);
        Request local = new Request("GET", "/_fake/balances", null, Map.of(), "", InetAddress.getLoopbackAddress());
        assertThat(FakeControl.loopbackOnly(r -> Response.json(200, "{}")).handle(local).status()).isEqualTo(200);
    }

    @Test
    void mainDescribesTheFakeInOneJsonLine() throws Exception {
        JsonNode line = JSON.readTree(FakeVenueMain.describe(fake));
        assertThat(line.get("venue").asString()).isEqualTo("binance");
        assertThat(line.get("rest").asString()).isEqualTo(fake.restUrl());
        assertThat(line.get("marketStream").asString()).isEqualTo(fake.marketStreamUrl());
        assertThat(line.get("userStream").asString()).isEqualTo(fake.userStreamUrl());
        assertThat(line.get("apiKey").asString()).isEqualTo(StandardSetup.API_KEY);
        assertThat(line.get("apiSecret").asString()).isEqualTo(StandardSetup.API_SECRET);
    }
}
