package dev.botfleet.server.notify.telegram;

import dev.botfleet.fakes.telegram.ChatLog;
import dev.botfleet.fakes.telegram.FakeTelegram;
import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Telegram slice through the real server against the fake Bot API: connect flow, commands, alerts, 429, restart. */
@SpringBootTest(properties = {"botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4",
        "botfleet.sim.tick-interval=50ms",
        "spring.datasource.url=jdbc:h2:mem:botfleet-telegram;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "botfleet.telegram.enabled=true", "botfleet.telegram.token=4242:TEST-TOKEN", "botfleet.telegram.bot-name=botfleet_test_bot",
        "botfleet.telegram.poll-timeout=1s", "botfleet.telegram.per-chat-interval=20ms",
        // alerts reuse a user's link for an hour here: only a link's own forget can make the next alert see it
        "botfleet.notify.targets-max-age=1h"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class TelegramFlowH2Test extends TelegramTestBase {
    static final FakeTelegram TG = new FakeTelegram("4242:TEST-TOKEN", "botfleet_test_bot");

    static {
        TG.perChatLimit(1000, 1000);  // the 429 test forces its own; the others must not depend on timing
    }

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("botfleet.telegram.api-base", TG::baseUrl);
    }

    @AfterAll
    static void closeFake() { TG.close(); }

    @Override
    FakeTelegram tg() { return TG; }

    @Autowired
    TelegramSendQueue sendQueue;
    @Autowired
    TelegramApi api;
    @Autowired
    TelegramOutbox outbox;
    @Autowired
    TelegramProperties properties;

    @Test
    void connectFlowLinksTheChatAndRefusesReusedExpiredAndUnknownCodes() {
        Session user = newUser();
        assertThat(get("/api/v1/telegram", user).body().get("linked").asBoolean()).isFalse();
        String code = code(user);
        long chat = newChat();
        TG.userSays(chat, "/start " + code);
        awaitMessage(chat, "now linked");
        Answer state = get("/api/v1/telegram", user);
        assertThat(state.body().get("linked").asBoolean()).isTrue();
        assertThat(state.body().get("chatTitle").asString()).isEqualTo("User" + chat);

        long other = newChat();
        TG.userSays(other, "/start " + code);
        awaitMessage(other, "already been used");
        TG.userSays(other, "/start nosuchcode");
        awaitMessage(other, "not one I know");
        String late = code(newUser());
        clock.advance(properties.linkCodeLifetime().plusSeconds(1));
        TG.userSays(other, "/start " + late);
        awaitMessage(other, "expired");
        TG.userSays(other, "/status");
        awaitMessage(other, "not linked");

        // the commands answer in the linked chat; /unlink ends it
        TG.userSays(chat, "/status");
        awaitMessage(chat, "running");
        TG.userSays(chat, "/unlink");
        awaitMessage(chat, "no longer linked");
        assertThat(get("/api/v1/telegram", user).body().get("linked").asBoolean()).isFalse();
    }

    @Test
    void anUnlinkedChatIsRefusedEveryCommand() {
        long chat = newChat();
        for (String command : List.of("/status", "/bots", "/stopall", "/stop scalper", "/unlink")) TG.userSays(chat, command);
        await("five refusals", () -> texts(chat), t -> t.size() == 5);
        assertThat(texts(chat)).allSatisfy(t -> assertThat(t).startsWith("This chat is not linked"));
    }

    @Test
    void deleteUnlinksAndSettingsValidate() {
        Session user = newUser();
        linked(user);
        assertThat(delete("/api/v1/telegram", user).status()).isEqualTo(204);
        assertThat(get("/api/v1/telegram", user).body().get("linked").asBoolean()).isFalse();
        Answer bad = put("/api/v1/telegram/alerts", user, java.util.Map.of("started", true, "stopped", "yes"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("stopped");
    }

    @Test
    void aPaperBotsFillOnSimReachesTheOwnersChat() {
        Session user = newUser();
        long chat = linked(user);
        assertThat(put("/api/v1/telegram/alerts", user, java.util.Map.of("started", true, "stopped", true, "errors", true,
                "fills", true)).status()).isEqualTo(200);
        String bot = start(user, scalper(user, "0.0002", "0.0002"));
        awaitMessage(chat, "Bot scalper started");
        awaitFilling("a fill", user, bot, () -> get("/api/v1/bots/" + bot + "/stats", user).body(), s -> s.get("fills").asLong() >= 1);
        String fill = awaitMessage(chat, "on sim — bot scalper");
        assertThat(fill).matches("(Bought|Sold) 0\\.001 BTC at [0-9,]+\\.[0-9]{2,} on sim — bot scalper");
        post("/api/v1/bots/" + bot + "/stop", user, null);
        awaitMessage(chat, "Bot scalper stopped (stopped by user)");
    }

    @Test
    void aChatLinkedAfterAnAlertGetsTheNextOne() {
        Session user = newUser();
        start(user, scalper(user, "0.05", "0.05"));  // its start's alert found no chat, and that answer is reused
        long chat = linked(user);
        assertThat(put("/api/v1/telegram/alerts", user, java.util.Map.of("started", true, "stopped", true, "errors", true,
                "fills", false)).status()).isEqualTo(200);
        start(user, scalper(user, "0.05", "0.05"));
        awaitMessage(chat, "Bot scalper started");
    }

    @Test
    void stopAllAsksWithAButtonAndStopsOnYes() {
        Session user = newUser();
        long chat = linked(user);
        start(user, scalper(user, "0.05", "0.05"));
        TG.userSays(chat, "/stopall");
        awaitMessage(chat, "Stop all 1 running bot?");
        ChatLog.Sent ask = TG.chat(chat).messages().stream().filter(m -> m.text().startsWith("Stop all")).findFirst().orElseThrow();
        assertThat(ask.buttonData()).containsExactly("stopall:yes", "stopall:no");
        TG.userPresses(chat, ask.messageId(), "stopall:yes");
        await("the question edited", () -> TG.chat(chat).messages(), ms -> ms.stream().anyMatch(m -> m.text().equals("Stopped 1 bot.")));
        assertThat(TG.callbackAnswers()).containsValue("Stopped");
        assertThat(get("/api/v1/telegram", user).status()).isEqualTo(200);
        await("the bot stopped", () -> get("/api/v1/bots", user).body().get("items").get(0).get("status").asString(),
                "STOPPED"::equals);
    }

    @Test
    void a429IsRespectedBeforeTheMessageIsSentAgain() {
        Session user = newUser();
        long chat = linked(user);
        int before = TG.throttled();
        TG.throttleNext(1, 1);
        TG.userSays(chat, "/help");
        awaitMessage(chat, "/stopall");
        assertThat(TG.throttled()).isEqualTo(before + 1);
        assertThat(TG.earlyRetries()).isZero();
        assertThat(texts(chat).stream().filter(t -> t.contains("/stopall")).count()).isEqualTo(1);
    }

    @Test
    void aRestartDeliversWhatWasQueuedExactlyOnce() {
        Session user = newUser();
        long chat = linked(user);
        sendQueue.stop();  // the server goes down with alerts in the outbox
        try {
            for (int i = 1; i <= 3; i++) outbox.queue(chat, "queued alert " + i, null, clock.instant());
            assertThat(texts(chat)).noneMatch(t -> t.startsWith("queued alert"));
            // the next run: a fresh queue (no memory of the last one) over the same database
            TelegramSendQueue restarted = new TelegramSendQueue(api, outbox, clock, properties);
            restarted.start();
            try {
                await("three queued alerts", () -> texts(chat), t -> t.stream().filter(s -> s.startsWith("queued alert")).count() == 3);
                TG.userSays(chat, "/help");  // the restarted queue keeps working, and sends nothing twice
                awaitMessage(chat, "/stopall");
            } finally {
                restarted.stop();
            }
            assertThat(texts(chat).stream().filter(s -> s.startsWith("queued alert")).toList())
                    .containsExactly("queued alert 1", "queued alert 2", "queued alert 3");
            assertThat(outbox.pending(100)).isEmpty();
        } finally {
            sendQueue.start();
        }
    }

    @Test
    void theTokenIsNeverInAnErrorMessage() {
        TelegramApi wrong = new TelegramApi(new TelegramProperties(true, "4242:WRONG-SECRET", TG.baseUrl(), "b", "polling",
                Duration.ofSeconds(1), Duration.ofMillis(20), Duration.ofMinutes(10), 10, null), json);
        try {
            wrong.call("getMe", wrong.params());
            throw new AssertionError("a wrong token was accepted");
        } catch (TelegramApiException e) {
            assertThat(e.errorCode()).isEqualTo(401);
            assertThat(e.getMessage()).doesNotContain("WRONG-SECRET").contains("Unauthorized");
        }
        assertThat(properties.toString()).doesNotContain("TEST-TOKEN");
        assertThat(TG.commands()).extracting(c -> c.get("command").asString()).containsExactly("status", "bots", "bot",
                "profit", "balance", "trades", "start", "stop", "stopall", "unlink", "help");
    }

    @Test
    void pollingModeRemovesAnyWebhookAndHasNoWebhookEndpoint() {
        // a server switched back from webhook mode: Telegram would refuse getUpdates while a webhook is set
        assertThat(TG.calls()).contains("deleteWebhook", "getUpdates").doesNotContain("setWebhook");
        assertThat(TG.calls().indexOf("deleteWebhook")).isLessThan(TG.calls().indexOf("getUpdates"));
        Answer off = request(org.springframework.http.HttpMethod.POST, "/api/v1/telegram/webhook", null, "{\"update_id\":1}");
        assertProblem(off, 404, "NOT_FOUND");
    }
}
