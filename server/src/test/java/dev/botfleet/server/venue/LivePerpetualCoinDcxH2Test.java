package dev.botfleet.server.venue;

import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.coindcx.FakeCoinDcx;
import dev.botfleet.server.runtime.RuntimeTestBase;
import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server on CoinDCX futures (FakeCoinDcx: Socket.IO v2 streams, no client order ids, a margin ledger): a PAPER bot
 * on the venue's real prices touches nothing on the venue; a LIVE bot sets its leverage there first, then trades a long
 * round trip, every venue order found by its attributes and booked once.
 */
@SpringBootTest(properties = {"botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4",
        "spring.datasource.url=jdbc:h2:mem:botfleet-coindcx;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class LivePerpetualCoinDcxH2Test extends RuntimeTestBase {
    static final FakeCoinDcx FAKE = new FakeCoinDcx();

    @DynamicPropertySource
    static void venue(DynamicPropertyRegistry registry) {
        LiveVenueCases.pointAt(registry, "coindcx", FAKE);
        registry.add("botfleet.venues.coindcx.public-rest", FAKE::restUrl);
    }

    private List<FakeOrder> venueOrders() {
        return FAKE.engine().orders(FAKE.account());
    }

    private Map<String, Object> bot(String mode, String credentialId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "dcx " + mode, "exchange", "coindcx", "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", mode, "leverage", "3",
                "config", Map.of("quantity", "0.001", "buyPrice", "49990.00", "sellPrice", "50010.00", "infiniteLoop", false)));
        if (credentialId != null) body.put("credentialId", credentialId);
        return body;
    }

    @Test
    void paperOnTheVenuesPricesThenALiveLongWithLeverage() {
        FAKE.engine().printTrade(FakeCoinDcx.BTC_USDT, "50000.00", "0.001");
        Session user = newUser();
        await("coindcx instruments loaded", () -> {
            for (JsonNode e : get("/api/v1/exchanges", user).body()) {
                if (e.get("id").asString().equals("coindcx")) return e.get("status").asString();
            }
            return null;
        }, "READY"::equals);
        JsonNode btc = get("/api/v1/exchanges/coindcx/symbols?q=BTC/USDT", user).body().get(0);
        assertThat(btc.get("perpetual").asBoolean()).isTrue();
        assertThat(btc.get("maxLeverage").asString()).isEqualTo("25");

        // PAPER: the venue's trades fill the simulated order; the venue never sees an order
        Answer paper = post("/api/v1/bots", user, bot("PAPER", null));
        assertThat(paper.status()).as(String.valueOf(paper.body())).isEqualTo(201);
        String paperBot = start(user, paper.body().get("id").asString());
        await("the paper buy rests", () -> get("/api/v1/bots/" + paperBot + "/orders?status=open", user).body(),
                o -> o.size() == 1);
        // prices arrive over the venue's Socket.IO stream once it has joined the channels: print until one is seen
        await("the paper buy fills on the venue's trade", () -> {
            FAKE.engine().printTrade(FakeCoinDcx.BTC_USDT, "49980.00", "0.5");
            return get("/api/v1/bots/" + paperBot + "/trades", user).body();
        }, t -> t.size() == 1);
        assertThat(venueOrders()).as("a paper bot sends nothing").isEmpty();
        post("/api/v1/bots/" + paperBot + "/stop", user, null);

        Answer key = post("/api/v1/credentials", user, Map.of("exchange", "coindcx", "label", "fake coindcx",
                "apiKey", FAKE.apiKey(), "apiSecret", FAKE.apiSecret()));
        assertThat(key.status()).as(String.valueOf(key.body())).isEqualTo(201);
        // the market back at 50,000 (the paper run left the last trade below the buy price, which would fill it at once)
        FAKE.engine().printTrade(FakeCoinDcx.BTC_USDT, "50000.00", "0.001");
        Answer live = post("/api/v1/bots", user, bot("LIVE", key.body().get("id").asString()));
        String liveBot = start(user, live.body().get("id").asString());
        assertThat(FAKE.ledger().leverage(FAKE.account(), FakeCoinDcx.BTC_USDT)).isEqualByComparingTo("3");
        List<FakeOrder> placed = await("the buy rests on the venue", this::venueOrders, o -> o.size() == 1);
        assertThat(placed.getFirst().side).isEqualTo(FakeOrder.Side.BUY);
        assertThat(placed.getFirst().clientOrderId).as("CoinDCX futures has no client order id").isNull();

        FAKE.engine().printTrade(FakeCoinDcx.BTC_USDT, "49980.00", "0.5");
        JsonNode longPosition = await("the long reaches the bot", () -> get("/api/v1/bots/" + liveBot + "/positions", user)
                .body(), p -> p.size() == 1 && p.get(0).get("side").asString().equals("LONG"));
        assertThat(longPosition.get(0).get("leverage").asString()).isEqualTo("3");
        assertThat(longPosition.get(0).get("liquidationPrice").isNull()).isFalse();
        await("the exit sell rests on the venue", () -> venueOrders().stream().filter(FakeOrder::isOpen).toList(),
                o -> o.size() == 1 && o.getFirst().side == FakeOrder.Side.SELL);
        FAKE.engine().printTrade(FakeCoinDcx.BTC_USDT, "50020.00", "0.5");
        JsonNode trades = await("both fills booked once", () -> get("/api/v1/bots/" + liveBot + "/trades", user).body(),
                t -> t.size() == 2);
        assertThat(trades).hasSize(2);
        await("flat on the venue", () -> FAKE.ledger().position(FAKE.account(), FakeCoinDcx.BTC_USDT).size(),
                size -> size.signum() == 0);
        assertThat(venueOrders()).as("two orders, each placed once").hasSize(2);
        assertThat(new BigDecimal(get("/api/v1/bots/" + liveBot + "/positions", user).body().get(0).get("quantity")
                .asString())).isEqualByComparingTo("0");
    }
}
