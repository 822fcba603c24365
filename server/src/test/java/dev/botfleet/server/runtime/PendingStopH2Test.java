package dev.botfleet.server.runtime;

import dev.botfleet.server.support.OnH2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's stop commits the bot STOPPED before the bot's last turn cancels its orders. When the process dies in between
 * (or, in a cluster, the bot's shard moves), the stop is left pending: whoever runs the bot next carries it out — the bot
 * is rebuilt from its journal only to reconcile and cancel, sends nothing new and never runs its strategy. Staged in
 * the database exactly as a killed server leaves it, then resumed as on a restart.
 */
@OnH2
class PendingStopH2Test extends RuntimeTestBase {
    @Autowired
    TradingRuntime runtime;
    @Autowired
    RuntimeRepository runtimeBots;

    /** A scalper far from the market, STOPPED by its user with order 1 in flight, as a crash right after the stop left it. */
    private String stoppedBotWithOrderOne(Session user, String journaled, String receipt, String pendingStop) {
        String bot = scalper(user, "0.2", "0.2");
        BigDecimal buy = new BigDecimal(get("/api/v1/bots/" + bot, user).body().get("config").get("buyPrice").asString());
        UUID botId = UUID.fromString(bot);
        Instant at = Instant.now().minusSeconds(5);
        jdbc.sql("""
                        INSERT INTO orders (id, owner_id, bot_id, client_order_id, exchange, symbol, side, type, time_in_force,
                            price, quantity, filled_quantity, fee, status, acknowledged, created_at, updated_at)
                        VALUES (:id, :owner, :bot, :cid, 'sim', 'BTC/USDT', 'BUY', 'LIMIT', 'GTC', :price, 0.001, 0, 0,
                            :status, :ack, :at, :at)""")
                .param("id", UUID.randomUUID()).param("owner", user.id()).param("bot", botId).param("cid", bot + "-1")
                .param("price", buy.setScale(2, RoundingMode.HALF_EVEN)).param("status", journaled)
                .param("ack", journaled.equals("ACCEPTED")).param("at", at.atOffset(ZoneOffset.UTC)).update();
        if (receipt != null) {
            jdbc.sql("INSERT INTO sim_orders (client_order_id, bot_id, status, submissions, received_at) VALUES (:cid, :bot, :status, 1, :at)")
                    .param("cid", bot + "-1").param("bot", botId).param("status", receipt)
                    .param("at", at.atOffset(ZoneOffset.UTC)).update();
        }
        jdbc.sql("UPDATE bots SET status = 'STOPPED', pending_stop = :reason WHERE id = :bot")
                .param("reason", pendingStop).param("bot", botId).update();
        botRowChanged(botId);
        return bot;
    }

    private String journalStatus(String bot) {
        return jdbc.sql("SELECT status FROM orders WHERE client_order_id = :cid").param("cid", bot + "-1")
                .query(String.class).single();
    }

    private String pendingStop(String bot) {
        return jdbc.sql("SELECT pending_stop FROM bots WHERE id = :id").param("id", UUID.fromString(bot))
                .query(String.class).optional().orElse(null);
    }

    private List<String> activity(Session user, String bot) {
        List<String> messages = new ArrayList<>();
        get("/api/v1/logs?botId=" + bot + "&size=100", user).body().get("items")
                .forEach(e -> messages.add(e.get("message").asString()));
        return messages;
    }

    private boolean toRun(String bot) {
        return runtimeBots.botsToRun().stream().anyMatch(b -> b.id().equals(UUID.fromString(bot)));
    }

    @Test
    void anOrderStillOpenAtTheExchangeIsCanceledAndNothingNewIsPlaced() {
        Session user = newUser();
        String bot = stoppedBotWithOrderOne(user, "ACCEPTED", "ACCEPTED", "stopped by user");
        assertThat(toRun(bot)).isTrue();  // what a restarting server resumes

        runtime.launch(user.id(), UUID.fromString(bot));

        await("the stop carried out", () -> pendingStop(bot), p -> p == null);
        assertThat(journalStatus(bot)).isEqualTo("CANCELED");
        // the scalper never ran: no new entry order, and the bot stays STOPPED
        assertThat(get("/api/v1/bots/" + bot + "/orders", user).body()).hasSize(1);
        assertThat(get("/api/v1/bots/" + bot, user).body().get("status").asString()).isEqualTo("STOPPED");
        assertThat(runtime.isRunning(UUID.fromString(bot))).isFalse();
        assertThat(toRun(bot)).isFalse();
        await("its activity", () -> activity(user, bot), m -> m.contains("Bot stopped: stopped by user"));
        assertThat(activity(user, bot)).anyMatch(m -> m.startsWith("Finishing the stop on sim BTC/USDT: 1 order(s)"))
                .noneMatch(m -> m.contains("marked canceled"));  // canceled at the exchange, not only in the journal
    }

    @Test
    void anOrderTheExchangeNeverReceivedIsMarkedCanceledNotSent() {
        Session user = newUser();
        String bot = stoppedBotWithOrderOne(user, "SUBMITTED", null, "stop-all");

        runtime.launch(user.id(), UUID.fromString(bot));

        await("the stop carried out", () -> pendingStop(bot), p -> p == null);
        assertThat(journalStatus(bot)).isEqualTo("CANCELED");
        // a restart of an ACTIVE bot would have sent it; a stopping one does not
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sim_orders WHERE client_order_id = :cid").param("cid", bot + "-1")
                .query(Long.class).single()).isZero();
        await("its activity", () -> activity(user, bot), m -> m.contains("Bot stopped: stop-all"));
    }

    @Test
    void aStoppedBotWithNoStopPendingIsNotRun() {
        Session user = newUser();
        String bot = stoppedBotWithOrderOne(user, "ACCEPTED", "ACCEPTED", null);
        assertThat(toRun(bot)).isFalse();

        runtime.launch(user.id(), UUID.fromString(bot));

        assertThat(runtime.isRunning(UUID.fromString(bot))).isFalse();
        assertThat(journalStatus(bot)).isEqualTo("ACCEPTED");
    }

    @Test
    void aStopThatCannotBeCarriedOutIsSaidAndNotTriedAgain() {
        Session user = newUser();
        String bot = stoppedBotWithOrderOne(user, "ACCEPTED", "ACCEPTED", "stopped by user");
        // e.g. a config written by an older version that today's scalper refuses
        jdbc.sql("UPDATE bots SET config = :config WHERE id = :bot")
                .param("config", "{\"quantity\":\"0.001\",\"buyPrice\":\"65000\",\"sellPrice\":\"64000\"}")
                .param("bot", UUID.fromString(bot)).update();
        botRowChanged(UUID.fromString(bot));

        runtime.launch(user.id(), UUID.fromString(bot));

        assertThat(pendingStop(bot)).isNull();
        assertThat(get("/api/v1/bots/" + bot, user).body().get("status").asString()).isEqualTo("STOPPED");
        List<String> errors = new ArrayList<>();
        get("/api/v1/logs?level=ERROR&botId=" + bot, user).body().get("items")
                .forEach(e -> errors.add(e.get("message").asString()));
        assertThat(errors).anyMatch(m -> m.startsWith("Could not finish the bot's stop") && m.contains("sellPrice")
                && m.endsWith("may still be open on sim"));
    }

    @Test
    void aUsersStopOfABotThatDoesNotRunHereIsCarriedOutAtOnce() {
        Session user = newUser();
        // ACTIVE, with an order resting, but no session (as while it waits for its venue after a restart)
        String bot = stoppedBotWithOrderOne(user, "ACCEPTED", "ACCEPTED", null);
        jdbc.sql("UPDATE bots SET status = 'ACTIVE' WHERE id = :bot").param("bot", UUID.fromString(bot)).update();
        botRowChanged(UUID.fromString(bot));
        assertThat(runtime.isRunning(UUID.fromString(bot))).isFalse();

        assertThat(post("/api/v1/bots/" + bot + "/stop", user, null).status()).isEqualTo(200);

        await("the stop carried out", () -> journalStatus(bot), "CANCELED"::equals);
        await("and recorded", () -> pendingStop(bot), p -> p == null);
        assertThat(get("/api/v1/bots/" + bot + "/orders", user).body()).hasSize(1);
        await("its activity", () -> activity(user, bot), m -> m.contains("Bot stopped: stopped by user"));
    }

    @Test
    void aStartClearsAStopLeftPendingTheRunningBotReconcilesItsOrdersItself() {
        Session user = newUser();
        String bot = stoppedBotWithOrderOne(user, "ACCEPTED", "ACCEPTED", "stopped by user");
        start(user, bot);
        assertThat(pendingStop(bot)).isNull();
        await("the resting buy adopted", () -> runtime.isRunning(UUID.fromString(bot)), Boolean::booleanValue);
        assertThat(journalStatus(bot)).isEqualTo("ACCEPTED");
        Map<String, Object> record = jdbc.sql("SELECT status, submissions FROM sim_orders WHERE client_order_id = :cid")
                .param("cid", bot + "-1").query().singleRow();
        assertThat(record.get("status")).isEqualTo("ACCEPTED");
    }
}
