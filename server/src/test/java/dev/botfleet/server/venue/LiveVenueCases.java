package dev.botfleet.server.venue;

import dev.botfleet.exchanges.ClientIdCodec;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.StandardSetup;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.server.runtime.RuntimeTestBase;
import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server against a venue's real protocol: the venue's fake on loopback ports (signatures, timestamps and limits
 * checked as the venue does, a matching engine behind it) and the server's venue pointed at it. Keys are verified,
 * paper bots trade on the venue's prices without touching it, LIVE bots place, fill and cancel there. One subclass per
 * venue, each with its own context.
 */
@SpringBootTest(properties = {"botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4",
        "logging.level.dev.botfleet=DEBUG",
        "spring.datasource.url=jdbc:h2:mem:botfleet-venues;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
abstract class LiveVenueCases extends RuntimeTestBase {

    /** The venue's fake, started once per test class. */
    abstract FakeVenue fake();

    /** The venue's code for an unknown key, e.g. "-2015". */
    abstract String unknownKeyCode();

    /** The venue's own name of BTC/USDT (BTCUSDT, XBTUSDT, BTC-USDT). */
    String btcUsdt() { return "BTCUSDT"; }

    /** How the venue's adapter spells the bot's client order ids. */
    ClientIdCodec clientIds(String botId) { return new ClientIdCodec(botId); }

    /** How the venue spells the matching engine's trade number (Kraken: a txid). */
    String venueTradeId(long engineTradeId) { return Long.toString(engineTradeId); }

    /** Whether keys can be marked testnet on this venue. */
    boolean hasTestnet() { return true; }

    /** Whether the venue tells a key's withdrawal permission (Kraken does not). */
    boolean reportsWithdrawPermission() { return true; }

    /** The asset a buy's fee is charged in (Coinbase charges the quote). */
    String buyFeeAsset() { return "BTC"; }

    /** A secret of the venue's form that belongs to no key there. */
    String unknownKeySecret() { return "whatever-secret"; }

    /** Points {@code venue} at {@code fake} (live and testnet) and turns every other venue off. */
    static void pointAt(DynamicPropertyRegistry registry, String venue, FakeVenue fake) {
        for (String prefix : List.of("botfleet.venues." + venue + ".", "botfleet.venues." + venue + ".testnet.")) {
            registry.add(prefix + "rest", fake::restUrl);
            registry.add(prefix + "market-stream", fake::marketStreamUrl);
            registry.add(prefix + "user-stream", fake::userStreamUrl);
        }
        registry.add("botfleet.venues." + venue + ".timeout", () -> "3s");
        for (String other : List.of("binance", "bybit", "kraken", "coinbase")) {
            if (!other.equals(venue)) registry.add("botfleet.venues." + other + ".enabled", () -> "false");
        }
    }

    @BeforeEach
    void venueReady() {
        fake().engine().account(StandardSetup.API_KEY).canWithdraw = false;
        fake().engine().printTrade(btcUsdt(), "50000.00", "0.0001"); // every test starts at 50,000
        await(venue() + " instruments loaded", () -> venueListing(newUser()), e -> e != null && e.get("status").asString().equals("READY"));
    }

    String venue() { return fake().venue(); }

    private JsonNode venueListing(Session user) {
        for (JsonNode e : get("/api/v1/exchanges", user).body()) if (e.get("id").asString().equals(venue())) return e;
        return null;
    }

    private Map<String, Object> key(String apiKey, String secret) {
        Map<String, Object> body = new HashMap<>();
        body.put("exchange", venue());
        body.put("label", "fake " + venue());
        body.put("apiKey", apiKey);
        body.put("apiSecret", secret);
        return body;
    }

    private String storeKey(Session user) {
        Answer created = post("/api/v1/credentials", user, key(fake().apiKey(), fake().apiSecret()));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private String scalperOnBinance(Session user, String mode, String credentialId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", venue() + " scalper", "exchange", venue(),
                "symbol", "BTC/USDT", "strategy", "scalper", "mode", mode,
                "config", Map.of("quantity", "0.001", "buyPrice", "49990.00", "sellPrice", "50010.00")));
        if (credentialId != null) body.put("credentialId", credentialId);
        Answer created = post("/api/v1/bots", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static String describe(List<FakeOrder> orders) {
        return orders.stream().map(o -> o.clientOrderId + " " + o.side + " " + o.price + " " + o.status).toList().toString();
    }

    private List<FakeOrder> venueOrders(String botId) {
        String prefix = clientIds(botId).prefix();
        List<FakeOrder> mine = new ArrayList<>();
        for (FakeOrder o : fake().engine().orders(fake().engine().account(StandardSetup.API_KEY))) {
            if (o.clientOrderId != null && o.clientOrderId.startsWith(prefix)) mine.add(o);
        }
        return mine;
    }

    @Test
    void theVenueIsListedWithItsRealInstrumentsAndSearchable() {
        Session user = newUser();
        JsonNode listed = venueListing(user);
        assertThat(listed.get("liveTrading").asBoolean()).isTrue();
        assertThat(listed.get("testnet").asBoolean()).isEqualTo(hasTestnet());
        JsonNode btc = null;
        for (JsonNode s : listed.get("symbols")) if (s.get("symbol").asString().equals("BTC/USDT")) btc = s;
        assertThat(btc).isNotNull();
        assertThat(btc.get("tickSize").asString()).isEqualTo("0.01");
        assertThat(btc.get("minNotional").asString()).isEqualTo("5");

        JsonNode found = get("/api/v1/exchanges/" + venue() + "/symbols?q=btcusdt&limit=5", user).body();
        assertThat(found.get(0).get("symbol").asString()).isEqualTo("BTC/USDT");
        assertThat(get("/api/v1/exchanges/" + venue() + "/symbols?q=eth", user).body()).extracting(s -> s.get("symbol").asString())
                .containsExactly("ETH/USDT");
        assertProblem(get("/api/v1/exchanges/" + venue() + "/symbols?limit=0", user), 400, "VALIDATION_ERROR");
        assertProblem(get("/api/v1/exchanges/nowhere/symbols", user), 404, "NOT_FOUND");
    }

    @Test
    void aKeyIsVerifiedAgainstTheVenueBeforeItIsStored() {
        Session user = newUser();
        Answer refused = post("/api/v1/credentials", user, key("no-such-key-0123456789", unknownKeySecret()));
        assertProblem(refused, 400, "VENUE_REFUSED_KEY");
        assertThat(refused.errorFields()).containsExactly("apiKey");
        assertThat(refused.body().toString()).contains(unknownKeyCode()).doesNotContain(unknownKeySecret());
        assertThat(get("/api/v1/credentials", user).body().size()).as("nothing stored").isZero();

        String id = storeKey(user);
        JsonNode stored = get("/api/v1/credentials", user).body().get(0);
        assertThat(stored.get("canTrade").asBoolean()).isTrue();
        assertThat(stored.get("canWithdraw").asBoolean()).isFalse();
        assertThat(stored.get("verifiedAt").isNull()).isFalse();
        assertThat(stored.get("warnings").size()).isZero();

        JsonNode balances = get("/api/v1/credentials/" + id + "/balances", user).body().get("balances");
        Map<String, String> totals = new HashMap<>();
        balances.forEach(b -> totals.put(b.get("asset").asString(), b.get("total").asString()));
        var account = fake().engine().account(StandardSetup.API_KEY);
        assertThat(new java.math.BigDecimal(totals.get("USDT")))
                .isEqualByComparingTo(account.free("USDT").add(account.locked("USDT")));

        if (!reportsWithdrawPermission()) return;
        fake().engine().account(StandardSetup.API_KEY).canWithdraw = true;
        JsonNode risky = post("/api/v1/credentials", user, key(fake().apiKey(), fake().apiSecret())).body();
        assertThat(risky.get("canWithdraw").asBoolean()).isTrue();
        assertThat(risky.get("warnings").get(0).asString()).contains("withdraw");
    }

    @Test
    void aPaperBotTradesOnTheVenuesPricesWithoutTouchingTheVenue() {
        Session user = newUser();
        String bot = start(user, scalperOnBinance(user, "PAPER", null));
        await("the paper buy rests", () -> get("/api/v1/bots/" + bot + "/orders?status=open", user).body(), o -> o.size() == 1);
        // Prices arrive through the venue's market stream; a trade through the buy fills it on paper.
        await("the venue's price reaches the hub", () -> {
            fake().engine().printTrade(btcUsdt(), "50000.00", "0.5");
            return get("/api/v1/price/ltp?exchange=" + venue() + "&symbol=BTC/USDT", user);
        }, a -> a.status() == 200);
        JsonNode trades = await("a paper fill", () -> {
            fake().engine().printTrade(btcUsdt(), "49980.00", "0.5");
            return get("/api/v1/bots/" + bot + "/trades", user).body();
        }, t -> t.size() >= 1);
        assertThat(new java.math.BigDecimal(trades.get(trades.size() - 1).get("price").asString())).as(trades.toString())
                .isEqualByComparingTo("49990.00");
        assertThat(venueOrders(bot)).as("paper never reaches the venue").isEmpty();
        post("/api/v1/bots/" + bot + "/stop", user, null);
    }

    @Test
    void aLiveBotPlacesFillsAndCancelsOnTheVenue(CapturedOutput output) {
        Session user = newUser();
        String key = storeKey(user);
        Answer noKey = post("/api/v1/bots", user, Map.of("name", "x", "exchange", venue(), "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", "LIVE",
                "config", Map.of("quantity", "0.001", "buyPrice", "49990.00", "sellPrice", "50010.00")));
        assertProblem(noKey, 400, "VALIDATION_ERROR");
        assertThat(noKey.errorFields()).containsExactly("credentialId");

        String bot = start(user, scalperOnBinance(user, "LIVE", key));
        List<FakeOrder> placed = await("the buy rests on the venue", () -> venueOrders(bot), o -> o.size() == 1);
        assertThat(placed).as(describe(placed)).hasSize(1);
        assertThat(placed.getFirst().price).isEqualByComparingTo("49990.00");
        assertThat(placed.getFirst().side).isEqualTo(FakeOrder.Side.BUY);

        fake().engine().printTrade(btcUsdt(), "49985.00", "0.5");
        JsonNode trades = await("the venue's fill reaches the bot", () -> get("/api/v1/bots/" + bot + "/trades", user).body(),
                t -> t.size() == 1);
        long venueTradeId = placed.getFirst().trades.getFirst().tradeId();
        assertThat(trades.get(0).get("tradeId").asString()).isEqualTo(venueTradeId(venueTradeId));
        assertThat(trades.get(0).get("feeCurrency").asString()).isEqualTo(buyFeeAsset());
        await("the sell rests on the venue", () -> venueOrders(bot).stream().filter(FakeOrder::isOpen).toList(),
                o -> o.size() == 1 && o.getFirst().side == FakeOrder.Side.SELL);

        assertThat(post("/api/v1/bots/" + bot + "/stop", user, null).status()).isEqualTo(200);
        await("stop cancels the bot's orders on the venue", () -> venueOrders(bot).stream().filter(FakeOrder::isOpen).toList(),
                List::isEmpty);
        assertThat(fake().engine().acceptedClientIds()).doesNotHaveDuplicates();
        // Every request was signed with the secret, and the adapters logged every call at DEBUG: none shows it.
        assertThat(output.getAll()).contains(venue() + " POST ").doesNotContain(fake().apiSecret())
                .doesNotContain("signature=");
    }

    @Test
    void aLiveBotStopsInErrorAtItsOwnersDailyLossLimitAndCannotStartAgain() {
        Session user = newUser();
        Answer limit = put("/api/v1/me/risk", user, Map.of("dailyLossLimits", Map.of("USDT", "0.01")));
        assertThat(limit.status()).as(String.valueOf(limit.body())).isEqualTo(200);
        String bot = start(user, scalperOnBinance(user, "LIVE", storeKey(user)));
        await("the buy rests on the venue", () -> venueOrders(bot), o -> o.size() == 1);
        // The entry's fee is already a realized loss (about -0.05 USDT), past the 0.01 USDT limit.
        fake().engine().printTrade(btcUsdt(), "49985.00", "0.5");
        JsonNode stopped = await("the bot stops in ERROR", () -> get("/api/v1/bots/" + bot, user).body(),
                b -> b.get("status").asString().equals("ERROR"));
        assertThat(stopped.get("statusReason").asString()).contains("daily loss limit");
        JsonNode today = get("/api/v1/me/risk", user).body().get("today").get("USDT");
        assertThat(today.get("tripped").asBoolean()).isTrue();
        assertThat(new java.math.BigDecimal(today.get("realizedPnl").asString())).isLessThanOrEqualTo(new java.math.BigDecimal("-0.01"));
        await("nothing left open on the venue", () -> venueOrders(bot).stream().filter(FakeOrder::isOpen).toList(),
                List::isEmpty);
        Answer again = post("/api/v1/bots/" + bot + "/start", user, null);
        assertProblem(again, 409, "CONFLICT");
        assertThat(again.body().get("detail").asString()).contains("daily loss limit");
    }
}
