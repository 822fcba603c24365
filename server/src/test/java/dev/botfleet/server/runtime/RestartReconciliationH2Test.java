package dev.botfleet.server.runtime;

import dev.botfleet.server.support.OnH2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash windows of "journal, then send", staged in the database exactly as a killed server leaves them, then the
 * bot resumed as on a restart: an order journaled SUBMITTED whose acceptance the exchange recorded but the journal never
 * saw is re-rested, not sent again; one the exchange never received is sent (once); one it refused ends REJECTED.
 */
@OnH2
class RestartReconciliationH2Test extends RuntimeTestBase {
    @Autowired
    TradingRuntime runtime;

    /** A stopped scalper far from the market (nothing fills), with order 1 journaled as a crash left it; then resumed. */
    private String crashedBotWithOrderOne(Session user, String receipt, String reason) {
        String bot = scalper(user, "0.2", "0.2");
        BigDecimal buy = new BigDecimal(get("/api/v1/bots/" + bot, user).body().get("config").get("buyPrice").asString());
        UUID botId = UUID.fromString(bot);
        String clientOrderId = bot + "-1";
        Instant at = Instant.now().minusSeconds(5);
        jdbc.sql("""
                        INSERT INTO orders (id, owner_id, bot_id, client_order_id, exchange, symbol, side, type, time_in_force,
                            price, quantity, filled_quantity, fee, status, acknowledged, created_at, updated_at)
                        VALUES (:id, :owner, :bot, :cid, 'sim', 'BTC/USDT', 'BUY', 'LIMIT', 'GTC', :price, 0.001, 0, 0,
                            'SUBMITTED', FALSE, :at, :at)""")
                .param("id", UUID.randomUUID()).param("owner", user.id()).param("bot", botId).param("cid", clientOrderId)
                .param("price", buy.setScale(2, RoundingMode.HALF_EVEN)).param("at", at.atOffset(ZoneOffset.UTC)).update();
        if (receipt != null) {
            jdbc.sql("INSERT INTO sim_orders (client_order_id, bot_id, status, reason, submissions, received_at) VALUES (:cid, :bot, :status, :reason, 1, :at)")
                    .param("cid", clientOrderId).param("bot", botId).param("status", receipt).param("reason", reason)
                    .param("at", at.atOffset(ZoneOffset.UTC)).update();
        }
        jdbc.sql("UPDATE bots SET status = 'ACTIVE' WHERE id = :bot").param("bot", botId).update();
        botRowChanged(botId);
        runtime.launch(user.id(), botId);  // what the server does for every ACTIVE bot when it starts
        return bot;
    }

    private Map<String, Object> simRecord(String bot, String clientOrderId) {
        return jdbc.sql("SELECT status, submissions FROM sim_orders WHERE client_order_id = :cid").param("cid", clientOrderId)
                .query().singleRow();
    }

    private String statusOf(Session user, String bot, String clientOrderId) {
        for (var o : get("/api/v1/orders?botId=" + bot + "&size=100", user).body().get("items")) {
            if (o.get("clientOrderId").asString().equals(clientOrderId)) return o.get("status").asString();
        }
        return null;
    }

    @Test
    void anOrderTheExchangeAcceptedBeforeTheCrashIsAdoptedNotResent() {
        Session user = newUser();
        String bot = crashedBotWithOrderOne(user, "ACCEPTED", null);
        await("order 1 acknowledged", () -> statusOf(user, bot, bot + "-1"), "ACCEPTED"::equals);
        assertThat(((Number) simRecord(bot, bot + "-1").get("submissions")).intValue()).isEqualTo(1);
        // the scalper resumed waiting on the restored buy: no second entry order
        assertThat(get("/api/v1/bots/" + bot + "/orders", user).body()).hasSize(1);
        assertThat(runtime.isRunning(UUID.fromString(bot))).isTrue();
        post("/api/v1/bots/" + bot + "/stop", user, null);
        await("the stop canceled it", () -> statusOf(user, bot, bot + "-1"), "CANCELED"::equals);
    }

    @Test
    void anOrderTheExchangeNeverReceivedIsSentOnce() {
        Session user = newUser();
        String bot = crashedBotWithOrderOne(user, null, null);
        await("order 1 sent and accepted", () -> statusOf(user, bot, bot + "-1"), "ACCEPTED"::equals);
        Map<String, Object> record = simRecord(bot, bot + "-1");
        assertThat(record.get("status")).isEqualTo("ACCEPTED");
        assertThat(((Number) record.get("submissions")).intValue()).isEqualTo(1);
        assertThat(get("/api/v1/bots/" + bot + "/orders", user).body()).hasSize(1);
        post("/api/v1/bots/" + bot + "/stop", user, null);
    }

    @Test
    void anOrderTheExchangeRefusedBeforeTheCrashEndsRejectedWithItsReason() {
        Session user = newUser();
        String bot = crashedBotWithOrderOne(user, "REJECTED", "insufficient balance: USDT available 1, needed 64");
        await("order 1 rejected", () -> statusOf(user, bot, bot + "-1"), "REJECTED"::equals);
        var order = get("/api/v1/orders?botId=" + bot + "&status=closed", user).body().get("items").get(0);
        assertThat(order.get("reason").asString()).isEqualTo("insufficient balance: USDT available 1, needed 64");
        assertThat(((Number) simRecord(bot, bot + "-1").get("submissions")).intValue()).isEqualTo(1);
        post("/api/v1/bots/" + bot + "/stop", user, null);
    }

    @Test
    void aBotThatCanNoLongerBeBuiltResumesInErrorWithTheReason() {
        Session user = newUser();
        String bot = scalper(user, "0.2", "0.2");
        UUID botId = UUID.fromString(bot);
        // e.g. a config written by an older version that today's scalper refuses
        jdbc.sql("UPDATE bots SET status = 'ACTIVE', config = :config WHERE id = :bot")
                .param("config", "{\"quantity\":\"0.001\",\"buyPrice\":\"65000\",\"sellPrice\":\"64000\"}")
                .param("bot", botId).update();
        botRowChanged(botId);
        runtime.launch(user.id(), botId);
        var answer = get("/api/v1/bots/" + bot, user).body();
        assertThat(answer.get("status").asString()).isEqualTo("ERROR");
        assertThat(answer.get("statusReason").asString()).contains("sellPrice").contains("must be greater than buyPrice");
        assertThat(runtime.isRunning(botId)).isFalse();
        List<String> messages = new java.util.ArrayList<>();
        get("/api/v1/logs?level=ERROR&botId=" + bot, user).body().get("items").forEach(e -> messages.add(e.get("message").asString()));
        assertThat(messages).anyMatch(m -> m.startsWith("Bot stopped: could not start") && m.contains("sellPrice"));
    }
}
