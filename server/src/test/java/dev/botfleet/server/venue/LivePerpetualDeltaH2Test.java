package dev.botfleet.server.venue;

import dev.botfleet.exchanges.ClientIdCodec;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.delta.FakeDelta;
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
 * A LIVE bot on a perpetual, through the server, on a local Delta Exchange India (FakeDelta with its margin ledger):
 * the bot's leverage is set on the venue before its first order, its SELL opens a short from a USD-only account, the
 * exit buy is sent reduce-only, the venue's liquidation price and settled funding reach the bot's position.
 */
@SpringBootTest(properties = {"botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4",
        "botfleet.live.funding-poll=1s",
        "spring.datasource.url=jdbc:h2:mem:botfleet-delta;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class LivePerpetualDeltaH2Test extends RuntimeTestBase {
    static final FakeDelta FAKE = new FakeDelta();

    @DynamicPropertySource
    static void venue(DynamicPropertyRegistry registry) { LiveVenueCases.pointAt(registry, "delta", FAKE); }

    private List<FakeOrder> venueOrders(String bot) {
        String prefix = new ClientIdCodec(bot).prefix();
        return FAKE.engine().orders(FAKE.account()).stream()
                .filter(o -> o.clientOrderId != null && o.clientOrderId.startsWith(prefix)).toList();
    }

    private JsonNode position(Session user, String bot) {
        JsonNode p = get("/api/v1/bots/" + bot + "/positions", user).body();
        return p.isEmpty() ? null : p.get(0);
    }

    @Test
    void aLiveShortOnAPerpetualWithLeverageReduceOnlyExitLiquidationPriceAndFunding() {
        FAKE.engine().printTrade(FakeDelta.BTCUSD, "50000.0", "0.001");
        Session user = newUser();
        JsonNode listed = await("delta instruments loaded", () -> {
            for (JsonNode e : get("/api/v1/exchanges", user).body()) if (e.get("id").asString().equals("delta")) return e;
            return null;
        }, e -> e != null && e.get("status").asString().equals("READY"));
        JsonNode btc = null;
        for (JsonNode s : listed.get("symbols")) if (s.get("symbol").asString().equals("BTC/USD")) btc = s;
        assertThat(btc.get("perpetual").asBoolean()).isTrue();
        assertThat(btc.get("settleAsset").asString()).isEqualTo("USD");

        Answer key = post("/api/v1/credentials", user, Map.of("exchange", "delta", "label", "fake delta",
                "apiKey", FAKE.apiKey(), "apiSecret", FAKE.apiSecret()));
        assertThat(key.status()).as(String.valueOf(key.body())).isEqualTo(201);
        Map<String, Object> body = new HashMap<>(Map.of("name", "delta short", "exchange", "delta", "symbol", "BTC/USD",
                "strategy", "scalper", "mode", "LIVE", "credentialId", key.body().get("id").asString(),
                "leverage", "5", "config", Map.of("firstOrder", "SELL", "quantity", "0.001", "sellPrice", "50010.0",
                        "buyPrice", "49990.0", "infiniteLoop", false)));
        Answer made = post("/api/v1/bots", user, body);
        assertThat(made.status()).as(String.valueOf(made.body())).isEqualTo(201);
        String bot = start(user, made.body().get("id").asString());

        // the leverage is on the venue before the first order, which rests as a sell
        assertThat(FAKE.ledger().leverage(FAKE.account(), FakeDelta.BTCUSD)).isEqualByComparingTo("5");
        List<FakeOrder> placed = await("the sell rests on the venue", () -> venueOrders(bot), o -> o.size() == 1);
        assertThat(placed.getFirst().side).isEqualTo(FakeOrder.Side.SELL);
        assertThat(placed.getFirst().reduceOnly).as("an entry is not reduce-only").isFalse();

        FAKE.engine().printTrade(FakeDelta.BTCUSD, "50020.0", "0.001");  // through the sell: the short opens
        JsonNode shortPosition = await("the short reaches the bot", () -> position(user, bot),
                p -> p != null && p.get("side").asString().equals("SHORT"));
        assertThat(new BigDecimal(shortPosition.get("quantity").asString())).isEqualByComparingTo("-0.001");
        assertThat(shortPosition.get("leverage").asString()).isEqualTo("5");
        BigDecimal venueLiquidation = FAKE.ledger().position(FAKE.account(), FakeDelta.BTCUSD).liquidationPrice();
        await("the venue's liquidation price is the position's", () -> position(user, bot),
                p -> p.get("liquidationPrice") != null && !p.get("liquidationPrice").isNull()
                        && new BigDecimal(p.get("liquidationPrice").asString()).compareTo(venueLiquidation) == 0);

        // the venue settles funding on the short; the bot books what the venue paid it
        FAKE.ledger().settleFunding(FakeDelta.BTCUSD, new BigDecimal("0.0001"), new BigDecimal("50000"),
                System.currentTimeMillis());
        JsonNode funded = await("the venue's funding reaches the bot", () -> position(user, bot),
                p -> new BigDecimal(p.get("funding").asString()).signum() != 0);
        assertThat(new BigDecimal(funded.get("funding").asString())).isEqualByComparingTo("0.005");  // 0.001 × 50,000 × 0.0001

        List<FakeOrder> exit = await("the exit buy rests on the venue", () -> venueOrders(bot).stream()
                .filter(FakeOrder::isOpen).toList(), o -> o.size() == 1 && o.getFirst().side == FakeOrder.Side.BUY);
        assertThat(exit.getFirst().reduceOnly).as("the exit closes, it never opens").isTrue();
        FAKE.engine().printTrade(FakeDelta.BTCUSD, "49980.0", "0.001");
        await("flat again", () -> position(user, bot), p -> p.get("side").asString().equals("FLAT"));
        assertThat(FAKE.ledger().position(FAKE.account(), FakeDelta.BTCUSD).size()).isEqualByComparingTo("0");
    }
}
