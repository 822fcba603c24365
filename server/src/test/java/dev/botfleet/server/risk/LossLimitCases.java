package dev.botfleet.server.risk;

import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotService;
import dev.botfleet.server.runtime.TradingRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enforcement of the daily loss limit without a live venue: LIVE bots are rows (or running PAPER bots whose row says
 * LIVE), their fills are booked through the journal's repository, and the runtime's {@link LiveFillBooked} is
 * published as the runtime publishes it after a LIVE fill. What only a LIVE fixture can show (the runtime publishing
 * it after a real fill, the cancels reaching a venue) is left to the live tests.
 */
public abstract class LossLimitCases extends RiskTestBase {
    private static final String REASON = "daily loss limit reached: -250 USDT today (limit 250 USDT)";

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    BotService botService;
    @Autowired
    TradingRuntime runtime;

    @Test
    void aLiveFillReachingTheLimitStopsTheOwnersLiveBotsInThatAssetInError() {
        Session user = newUser();
        Session other = newUser();
        UUID filling = bot(user, "filling");
        UUID sibling = bot(user, "sibling");
        UUID inBtc = bot(user, "in btc");
        UUID stopped = bot(user, "stopped");
        UUID paper = bot(user, "paper");
        UUID othersLive = bot(other, "other's live");
        setRow(filling, "LIVE", "ACTIVE", "BTC/USDT");
        setRow(inBtc, "LIVE", "ACTIVE", "ETH/BTC");
        setRow(stopped, "LIVE", "STOPPED", "BTC/USDT");
        setRow(othersLive, "LIVE", "ACTIVE", "BTC/USDT");
        // the sibling really runs (a PAPER session with an order resting far below the market); its row says LIVE,
        // so the enforcer selects it and the runtime's real stop must cancel its order
        UUID running = UUID.fromString(start(user, scalper(user, "0.2", "0.2")));
        awaitRestingOrder(user, running);
        jdbc.sql("UPDATE bots SET mode = 'LIVE' WHERE id = :id").param("id", running).update();
        botRowChanged(running);
        start(user, paper.toString());
        putLimits(user, Map.of("USDT", "250"));
        putLimits(other, Map.of("USDT", "1"));

        fill(user, filling, "BTC/USDT", "-1000", startOfToday().minusSeconds(1));  // yesterday
        fill(user, paper, "BTC/USDT", "-1000", clock.instant());                  // paper
        fill(user, filling, "BTC/USDT", "-249.99", clock.instant());
        events.publishEvent(new LiveFillBooked(user.id(), filling, "USDT"));
        assertThat(List.of(status(user, filling), status(user, running))).containsOnly("ACTIVE");

        fill(user, filling, "BTC/USDT", "-0.01", clock.instant());
        events.publishEvent(new LiveFillBooked(user.id(), filling, "USDT"));

        for (UUID stoppedInError : List.of(filling, running)) {
            JsonNode b = bot(user, stoppedInError);
            assertThat(b.get("status").asString()).isEqualTo("ERROR");
            assertThat(b.get("statusReason").asString()).isEqualTo(REASON);
        }
        assertThat(status(user, inBtc)).isEqualTo("ACTIVE");       // another quote asset
        assertThat(status(user, paper)).isEqualTo("ACTIVE");       // PAPER is never affected
        assertThat(status(user, stopped)).isEqualTo("STOPPED");    // not active: untouched
        assertThat(status(other, othersLive)).isEqualTo("ACTIVE"); // another user's limit and fills
        assertThat(logMessages(user)).contains("Bot 'filling' stopped: " + REASON, "Bot 'scalper' stopped: " + REASON);
        await("the stopped bot's resting order canceled", () -> get("/api/v1/bots/" + running + "/orders?status=open",
                user).body(), JsonNode::isEmpty);
        assertThat(get("/api/v1/bots/" + running + "/orders?status=closed", user).body().get(0).get("status")
                .asString()).isEqualTo("CANCELED");
        await("the session ended", () -> runtime.isRunning(running), r -> !r);

        post("/api/v1/bots/" + paper + "/stop", user, null);
        setRow(inBtc, "LIVE", "STOPPED", "ETH/BTC");
        setRow(othersLive, "LIVE", "STOPPED", "BTC/USDT");
    }

    @Test
    void settingALimitTodaysLossAlreadyReachedStopsTheLiveBotsAtOnce() {
        Session user = newUser();
        UUID live = bot(user, "live");
        setRow(live, "LIVE", "ACTIVE", "BTC/USDT");
        fill(user, live, "BTC/USDT", "-300", clock.instant());
        putLimits(user, Map.of("USDT", "500"));
        assertThat(status(user, live)).isEqualTo("ACTIVE");

        putLimits(user, Map.of("USDT", "300"));
        JsonNode b = bot(user, live);
        assertThat(b.get("status").asString()).isEqualTo("ERROR");
        assertThat(b.get("statusReason").asString())
                .isEqualTo("daily loss limit reached: -300 USDT today (limit 300 USDT)");
    }

    @Test
    void stopInErrorStopsTheSelectedRunningBotsAndCancelsTheirOrders() {
        // the mechanism the enforcer uses, on real PAPER sessions: only the selected bot stops, in ERROR
        Session user = newUser();
        UUID chosen = UUID.fromString(start(user, scalper(user, "0.2", "0.2")));
        UUID spared = UUID.fromString(start(user, scalper(user, "0.2", "0.2")));
        awaitRestingOrder(user, chosen);
        awaitRestingOrder(user, spared);

        List<Bot> stopped = botService.stopInError(user.id(), bot -> bot.id().equals(chosen), "a reason");

        assertThat(stopped).extracting(Bot::id).containsExactly(chosen);
        JsonNode b = bot(user, chosen);
        assertThat(b.get("status").asString()).isEqualTo("ERROR");
        assertThat(b.get("statusReason").asString()).isEqualTo("a reason");
        await("the chosen bot's order canceled", () -> get("/api/v1/bots/" + chosen + "/orders?status=open", user).body(),
                JsonNode::isEmpty);
        await("the chosen bot's session ended", () -> runtime.isRunning(chosen), r -> !r);
        assertThat(status(user, spared)).isEqualTo("ACTIVE");
        assertThat(get("/api/v1/bots/" + spared + "/orders?status=open", user).body()).hasSize(1);
        assertThat(runtime.isRunning(spared)).isTrue();
        assertThat(logMessages(user)).contains("Bot 'scalper' stopped: a reason");
        post("/api/v1/bots/stop-all", user, null);
    }

    @Test
    void aLiveStartIsRefusedWhileTheLimitIsReachedAndAPaperStartIsNot() {
        Session user = newUser();
        // a LIVE bot on binance with a key row: start gets past the adapter and key checks to the runtime's own
        UUID live = bot(user, "live");
        UUID key = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO exchange_credentials (id, owner_id, exchange, label, api_key_last4, api_key_enc,
                            api_secret_enc, created_at) VALUES (:id, :owner, 'binance', 'k', 'abcd', 'x', 'x', :now)""")
                .param("id", key).param("owner", user.id()).param("now", dev.botfleet.server.common.Times.sql(clock.instant()))
                .update();
        jdbc.sql("UPDATE bots SET mode = 'LIVE', exchange = 'binance', credential_id = :key WHERE id = :id")
                .param("key", key).param("id", live).update();
        botRowChanged(live);
        fill(user, live, "BTC/USDT", "-250", clock.instant());
        putLimits(user, Map.of("USDT", "250"));

        Answer refused = post("/api/v1/bots/" + live + "/start", user, null);
        assertProblem(refused, 409, "CONFLICT");
        String resetsAt = startOfToday().plus(Duration.ofDays(1)).toString();
        assertThat(refused.body().get("detail").asString()).isEqualTo("Cannot start bot 'live': " + REASON
                + "; LIVE bots in USDT can start again at " + resetsAt + " unless you raise the limit");
        assertThat(status(user, live)).isEqualTo("STOPPED");
        assertThat(logMessages(user)).noneMatch(m -> m.contains("started"));

        UUID paper = bot(user, "paper");  // PAPER in the same asset: never refused
        start(user, paper.toString());
        post("/api/v1/bots/" + paper + "/stop", user, null);

        putLimits(user, Map.of("USDT", "250.01"));
        Answer notRefusedForTheLimit = post("/api/v1/bots/" + live + "/start", user, null);
        assertThat(String.valueOf(notRefusedForTheLimit.body())).doesNotContain("daily loss limit");
        post("/api/v1/bots/" + live + "/stop", user, null);
    }

    private void awaitRestingOrder(Session user, UUID bot) {
        await("the resting buy order", () -> get("/api/v1/bots/" + bot + "/orders?status=open", user).body(),
                o -> o.size() == 1 && o.get(0).get("status").asString().equals("ACCEPTED"));
    }
}
