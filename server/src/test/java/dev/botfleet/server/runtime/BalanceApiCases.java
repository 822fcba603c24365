package dev.botfleet.server.runtime;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/bots/{id}/balances: a paper bot's simulated account, live while it runs and rebuilt from the journal
 * when it is stopped. The sim BTC/USDT account starts with 10000 USDT and 10000 / 64000 = 0.15625 BTC.
 */
public abstract class BalanceApiCases extends RuntimeTestBase {
    private static final BigDecimal START_USDT = new BigDecimal("10000");
    private static final BigDecimal START_BTC = new BigDecimal("0.15625");

    private JsonNode balances(Session user, String bot) {
        Answer a = get("/api/v1/bots/" + bot + "/balances", user);
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
        return a.body();
    }

    private static void assertBalance(JsonNode b, String asset, BigDecimal total, BigDecimal available) {
        assertThat(b.get("asset").asString()).isEqualTo(asset);
        assertThat(new BigDecimal(b.get("total").asString())).as(asset + " total").isEqualByComparingTo(total);
        assertThat(new BigDecimal(b.get("available").asString())).as(asset + " available").isEqualByComparingTo(available);
    }

    @Test
    void aNewBotHasThePaperAccountAndARestingBuyReservesItsCostWhileItRuns() {
        Session user = newUser();
        String bot = scalper(user, "0.2", "0.2");  // 20% below the price: the buy rests
        JsonNode fresh = balances(user, bot);
        assertThat(fresh).hasSize(2);
        assertBalance(fresh.get(0), "USDT", START_USDT, START_USDT);
        assertBalance(fresh.get(1), "BTC", START_BTC, START_BTC);

        start(user, bot);
        JsonNode open = await("the resting buy order", () -> get("/api/v1/bots/" + bot + "/orders?status=open", user).body(),
                o -> o.size() == 1 && o.get(0).get("status").asString().equals("ACCEPTED"));
        BigDecimal price = new BigDecimal(open.get(0).get("price").asString());
        // the sim reserves price x quantity plus the fee (0.1%), rounded down to cents for the answer
        BigDecimal reserved = price.multiply(new BigDecimal("0.001")).multiply(new BigDecimal("1.001"));
        JsonNode running = balances(user, bot);
        assertBalance(running.get(0), "USDT", START_USDT, START_USDT.subtract(reserved).setScale(2, RoundingMode.DOWN));
        assertBalance(running.get(1), "BTC", START_BTC, START_BTC);

        post("/api/v1/bots/" + bot + "/stop", user, null);
        await("the stop released the reservation", () -> balances(user, bot).get(0).get("available").asString(),
                a -> new BigDecimal(a).compareTo(START_USDT) == 0);
    }

    @Test
    void aStoppedBotsAccountIsTheStartSettledWithEveryFill() {
        Session user = newUser();
        String bot = start(user, scalper(user, "0.0005", "0.0005"));
        awaitFilling("a completed round trip", user, bot, () -> get("/api/v1/bots/" + bot + "/stats", user).body(),
                s -> s.get("totalTrades").asLong() >= 1);
        stopAndAwaitItsLastTurn(user, bot);
        assertThat(get("/api/v1/bots/" + bot + "/orders?status=open", user).body()).as("open orders after the stop").isEmpty();

        BigDecimal usdt = START_USDT;
        BigDecimal btc = START_BTC;
        for (JsonNode t : get("/api/v1/bots/" + bot + "/trades", user).body()) {
            BigDecimal qty = new BigDecimal(t.get("quantity").asString());
            BigDecimal notional = qty.multiply(new BigDecimal(t.get("price").asString()));
            BigDecimal fee = new BigDecimal(t.get("fee").asString());
            boolean buy = t.get("side").asString().equals("BUY");
            usdt = buy ? usdt.subtract(notional).subtract(fee) : usdt.add(notional).subtract(fee);
            btc = buy ? btc.add(qty) : btc.subtract(qty);
        }
        assertThat(usdt).isNotEqualByComparingTo(START_USDT);
        JsonNode b = balances(user, bot);
        assertBalance(b.get(0), "USDT", usdt.setScale(2, RoundingMode.DOWN), usdt.setScale(2, RoundingMode.DOWN));
        assertBalance(b.get(1), "BTC", btc, btc);
    }

    @Test
    void anotherUsersBotIsNotFoundAndALiveBotIsAConflict() {
        Session owner = newUser();
        Session other = newUser();
        String bot = scalper(owner, "0.2", "0.2");
        assertProblem(get("/api/v1/bots/" + bot + "/balances", other), 404, "NOT_FOUND");
        assertThat(get("/api/v1/bots/" + bot + "/balances", null).status()).isEqualTo(401);
        assertProblem(get("/api/v1/bots/not-a-uuid/balances", owner), 400, "VALIDATION_ERROR");

        // no exchange has a live adapter yet, so a LIVE bot can only exist from before or by hand
        jdbc.sql("UPDATE bots SET mode = 'LIVE' WHERE id = :id").param("id", UUID.fromString(bot)).update();
        botRowChanged(UUID.fromString(bot));
        Answer live = get("/api/v1/bots/" + bot + "/balances", owner);
        assertProblem(live, 409, "CONFLICT");
        assertThat(live.body().get("detail").asString()).isEqualTo("balances of live bots come from the exchange (not built yet)");
    }
}
