package dev.botfleet.server.notify;

import dev.botfleet.server.notify.telegram.TelegramLinks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The choice of alerts per channel, kind and bot, through the real server to every channel; deal-closed alerts. */
class AlertChoiceFlowH2Test extends NotifyTestBase {
    @Autowired
    TelegramLinks telegramLinks;

    private long linkTelegram(Session user) {
        long chat = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        telegramLinks.link(user.id(), chat, "test chat", clock.instant());
        return chat;
    }

    private List<String> telegramTexts(long chat) {
        return jdbc.sql("SELECT text FROM telegram_outbox WHERE chat_id = :c ORDER BY id").param("c", chat)
                .query(String.class).list();
    }

    /** Every channel and kind off for one bot. */
    private static List<Map<String, Object>> muted(String bot) {
        List<Map<String, Object>> overrides = new ArrayList<>();
        for (String channel : List.of("telegram", "email", "webhook")) {
            for (BotAlert.Kind kind : BotAlert.Kind.values()) {
                overrides.add(Map.of("botId", bot, "channel", channel, "kind", kind.name(), "enabled", false));
            }
        }
        return overrides;
    }

    @Test
    void aMutedBotSendsNothingOnAnyChannelWhileAnotherBotStillAlertsOnEach() {
        Session user = newUser();
        long chat = linkTelegram(user);
        String path = hook(user);
        String quiet = scalper(user, "0.2", "0.2");
        String loud = scalper(user, "0.2", "0.2");
        jdbc.sql("UPDATE bots SET name = 'quiet' WHERE id = :id").param("id", UUID.fromString(quiet)).update();
        botRowChanged(UUID.fromString(quiet));
        jdbc.sql("UPDATE bots SET name = 'loud' WHERE id = :id").param("id", UUID.fromString(loud)).update();
        botRowChanged(UUID.fromString(loud));
        Answer saved = putPreferences(user, Map.of("defaults", Map.of("email", Map.of("STARTED", true, "STOPPED", true)),
                "overrides", muted(quiet)));
        assertThat(saved.status()).as(String.valueOf(saved.body())).isEqualTo(200);
        assertThat(saved.body().get("overrides").size()).isEqualTo(3 * BotAlert.Kind.values().length);

        start(user, quiet);
        start(user, loud);
        post("/api/v1/bots/" + quiet + "/stop", user, null);
        post("/api/v1/bots/" + loud + "/stop", user, null);

        // the loud bot's start and stop reach every channel; each channel keeps its order, so the quiet bot's
        // earlier alerts would have arrived before them
        JsonNode started = awaitEvent(path, "BOT_STARTED");
        await("the loud bot's stop at the webhook", () -> events(path, "BOT_STOPPED"), l -> !l.isEmpty());
        awaitMail(user.email(), "Bot loud started");
        awaitMail(user.email(), "Bot loud stopped");
        assertThat(telegramTexts(chat)).anyMatch(t -> t.startsWith("Bot loud started"))
                .anyMatch(t -> t.startsWith("Bot loud stopped"));

        assertThat(started.get("botId").asString()).isEqualTo(loud);
        List<JsonNode> all = new ArrayList<>(events(path, "BOT_STARTED"));
        all.addAll(events(path, "BOT_STOPPED"));
        assertThat(all).extracting(e -> e.get("botId").asString()).containsOnly(loud);
        assertThat(mails(user.email())).noneMatch(m -> m.contains("quiet"));
        assertThat(telegramTexts(chat)).noneMatch(t -> t.contains("quiet"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE user_id = :u AND text LIKE '%quiet%'")
                .param("u", user.id()).query(Integer.class).single()).isZero();

        // structured data of a start: the bot's fields plus the text
        JsonNode data = started.get("data");
        assertThat(data.get("botName").asString()).isEqualTo("loud");
        assertThat(data.get("symbol").asString()).isEqualTo("BTC/USDT");
        assertThat(data.get("exchange").asString()).isEqualTo("sim");
        assertThat(data.get("strategy").asString()).isEqualTo("scalper");
        assertThat(data.get("mode").asString()).isEqualTo("PAPER");
        assertThat(data.get("text").asString()).startsWith("Bot loud started");
    }

    @Test
    void aClosedDealAlertsWithItsPnlPercentAndReasonByWebhookAndEmail() {
        Session user = newUser();
        String path = hook(user);
        // a buy just above the last price fills at once; the sell needs the price to rise 0.015 %
        String bot = start(user, scalper(user, "-0.0001", "0.00015"));
        JsonNode deal = awaitEvent(path, "DEAL_CLOSED");
        JsonNode fill = awaitEvent(path, "FILL").get("data");

        JsonNode data = deal.get("data");
        assertThat(deal.get("botId").asString()).isEqualTo(bot);
        assertThat(data.get("botId").asString()).isEqualTo(bot);
        assertThat(data.get("symbol").asString()).isEqualTo("BTC/USDT");
        assertThat(data.get("quoteAsset").asString()).isEqualTo("USDT");
        assertThat(data.get("direction").asString()).isEqualTo("LONG");
        assertThat(data.get("reason").asString()).isEqualTo("TAKE_PROFIT");
        // the figures are the stored deal's, exactly
        Map<String, Object> stored = jdbc.sql("SELECT pnl, entry_price, quantity, close_reason FROM deals WHERE bot_id = :b ORDER BY seq")
                .param("b", UUID.fromString(bot)).query().listOfRows().getFirst();
        BigDecimal pnl = (BigDecimal) stored.get("pnl");
        assertThat(new BigDecimal(data.get("pnl").asString())).isEqualByComparingTo(pnl);
        BigDecimal percent = pnl.multiply(BigDecimal.valueOf(100))
                .divide(((BigDecimal) stored.get("entry_price")).multiply((BigDecimal) stored.get("quantity")), 2, RoundingMode.HALF_EVEN);
        assertThat(new BigDecimal(data.get("pnlPercent").asString())).isEqualByComparingTo(percent);
        assertThat(stored.get("close_reason")).isEqualTo("TAKE_PROFIT");
        assertThat(data.get("text").asString()).startsWith("Deal closed on BTC/USDT — bot scalper: ")
                .contains(" USDT (").endsWith(" %), take profit");

        // a fill's fields
        assertThat(fill.get("side").asString()).isIn("BUY", "SELL");
        assertThat(new BigDecimal(fill.get("quantity").asString())).isEqualByComparingTo("0.001");
        assertThat(new BigDecimal(fill.get("price").asString())).isPositive();
        assertThat(fill.get("clientOrderId").asString()).startsWith(bot);

        // email: deals closed are on by default, fills are not
        String mail = awaitMail(user.email(), "Deal closed on BTC/USDT");
        assertThat(mail).contains("take profit");
        assertThat(mails(user.email())).noneMatch(m -> m.contains("Bought") || m.contains("Sold"));
    }

    @Test
    void preferencesRoundTripAndTheTelegramEndpointIsTheTelegramChannelsDefaults() {
        Session user = newUser();
        String bot = idleBot(user, "b").toString();
        JsonNode initial = get("/api/v1/notifications/preferences", user).body();
        assertThat(initial.get("defaults").get("email").get("FILL").asBoolean()).isFalse();
        assertThat(initial.get("defaults").get("email").get("DEAL_CLOSED").asBoolean()).isTrue();
        assertThat(initial.get("defaults").get("telegram").get("FILL").asBoolean()).isTrue();
        assertThat(initial.get("dailySummaryHour").isNull()).isTrue();
        assertThat(initial.get("timeZone").asString()).isEqualTo("UTC");
        assertThat(initial.get("emailEnabled").asBoolean()).isTrue();

        Map<String, Object> body = new HashMap<>();
        body.put("defaults", Map.of("telegram", Map.of("FILL", false), "webhook", Map.of("RISK", false)));
        body.put("overrides", List.of(Map.of("botId", bot, "channel", "email", "kind", "FILL", "enabled", true)));
        body.put("dailySummaryHour", 7);
        body.put("timeZone", "Europe/Berlin");
        JsonNode saved = putPreferences(user, body).body();
        assertThat(saved).isEqualTo(get("/api/v1/notifications/preferences", user).body());
        assertThat(saved.get("defaults").get("telegram").get("FILL").asBoolean()).isFalse();
        assertThat(saved.get("defaults").get("webhook").get("RISK").asBoolean()).isFalse();
        assertThat(saved.get("overrides").get(0).get("botId").asString()).isEqualTo(bot);
        assertThat(saved.get("dailySummaryHour").asInt()).isEqualTo(7);
        assertThat(saved.get("timeZone").asString()).isEqualTo("Europe/Berlin");

        JsonNode telegram = get("/api/v1/telegram/alerts", user).body();
        assertThat(telegram.get("fills").asBoolean()).isFalse();
        assertThat(telegram.get("started").asBoolean()).isTrue();
        assertThat(put("/api/v1/telegram/alerts", user, Map.of("started", false, "stopped", true, "errors", true,
                "fills", true)).status()).isEqualTo(200);
        JsonNode after = get("/api/v1/notifications/preferences", user).body();
        assertThat(after.get("defaults").get("telegram").get("STARTED").asBoolean()).isFalse();
        assertThat(after.get("defaults").get("telegram").get("FILL").asBoolean()).isTrue();
        // what the Telegram endpoint does not cover stays
        assertThat(after.get("overrides").size()).isEqualTo(1);
        assertThat(after.get("defaults").get("webhook").get("RISK").asBoolean()).isFalse();
    }

    @Test
    void badPreferencesAreA400NamingTheField() {
        Session user = newUser();
        Session other = newUser();
        String othersBot = idleBot(other, "theirs").toString();
        assertField(user, Map.of("defaults", Map.of("email", Map.of("NOPE", true))), "defaults.email.NOPE");
        assertField(user, Map.of("defaults", Map.of("sms", Map.of("FILL", true))), "defaults.sms");
        assertField(user, Map.of("defaults", Map.of("email", Map.of("FILL", "yes"))), "defaults.email.FILL");
        assertField(user, Map.of("overrides", List.of(Map.of("botId", othersBot, "channel", "email", "kind", "FILL",
                "enabled", false))), "overrides[0].botId");
        assertField(user, Map.of("overrides", List.of(Map.of("botId", "not-a-uuid", "channel", "email", "kind", "FILL",
                "enabled", false))), "overrides[0].botId");
        assertField(user, Map.of("overrides", List.of(Map.of("botId", idleBot(user, "mine").toString(), "channel", "pager",
                "kind", "FILL", "enabled", false))), "overrides[0].channel");
        assertField(user, Map.of("timeZone", "Mars/Olympus_Mons"), "timeZone");
        assertField(user, Map.of("timeZone", "+02:00"), "timeZone");
        assertField(user, Map.of("dailySummaryHour", 24), "dailySummaryHour");
        assertField(user, Map.of("dailySummaryHour", 7.5), "dailySummaryHour");
        assertThat(put("/api/v1/notifications/preferences", user, "[1]").status()).isEqualTo(400);
        assertThat(get("/api/v1/notifications/preferences", null).status()).isEqualTo(401);
        // nothing was saved by the refused requests
        assertThat(get("/api/v1/notifications/preferences", user).body().get("overrides").size()).isZero();
    }

    private void assertField(Session user, Map<String, Object> body, String field) {
        Answer a = putPreferences(user, body);
        assertProblem(a, 400, "VALIDATION_ERROR");
        assertThat(a.errorFields()).containsExactly(field);
    }
}
