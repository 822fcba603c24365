package dev.botfleet.server.notify;

import dev.botfleet.server.risk.LiveFillBooked;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Risk alerts (daily loss limit, stop-all) and the daily summary at the user's hour, once per day. */
class RiskAndSummaryH2Test extends NotifyTestBase {
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DailySummaries summaries;

    @Test
    void reachingTheDailyLossLimitSendsOneRiskAlertByWebhookAndEmail() {
        Session user = newUser();
        String path = hook(user);
        UUID live = idleBot(user, "live one");
        // the test context has no venue for a LIVE bot: its row says LIVE and ACTIVE (as LossLimitCases does)
        jdbc.sql("UPDATE bots SET mode = 'LIVE', status = 'ACTIVE' WHERE id = :id").param("id", live).update();
        botRowChanged(live);
        Map<String, Object> limits = new HashMap<>();
        limits.put("dailyLossLimits", Map.of("USDT", "250"));
        assertThat(put("/api/v1/me/risk", user, limits).status()).isEqualTo(200);

        fill(user, live, "-300", clock.instant());
        events.publishEvent(new LiveFillBooked(user.id(), live, "USDT"));

        JsonNode risk = awaitEvent(path, "RISK");
        JsonNode data = risk.get("data");
        assertThat(data.get("event").asString()).isEqualTo("DAILY_LOSS_LIMIT");
        assertThat(data.get("quoteAsset").asString()).isEqualTo("USDT");
        assertThat(data.get("realizedPnl").asString()).isEqualTo("-300");
        assertThat(data.get("limit").asString()).isEqualTo("250");
        assertThat(data.get("botsStopped").asInt()).isEqualTo(1);
        assertThat(risk.get("botId").isNull()).isTrue();
        assertThat(data.get("text").asString()).startsWith("Risk: daily loss limit reached");
        awaitMail(user.email(), "Risk: daily loss limit reached");
        awaitEvent(path, "BOT_ERROR");

        // a later fill finds no LIVE bot left to stop: no second risk alert
        fill(user, live, "-1", clock.instant());
        events.publishEvent(new LiveFillBooked(user.id(), live, "USDT"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE user_id = :u AND kind = 'RISK'")
                .param("u", user.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void stopAllIsARiskAlert() {
        Session user = newUser();
        String path = hook(user);
        start(user, scalper(user, "0.2", "0.2"));
        assertThat(post("/api/v1/bots/stop-all", user, null).status()).isEqualTo(200);
        JsonNode data = awaitEvent(path, "RISK").get("data");
        assertThat(data.get("event").asString()).isEqualTo("STOP_ALL");
        assertThat(data.get("botsStopped").asInt()).isEqualTo(1);
        awaitMail(user.email(), "Stop-all: 1 bot(s) stopped");
    }

    @Test
    void theDailySummaryIsSentOnceADayAtTheUsersHourInTheUsersZone() {
        Session user = newUser();
        String path = hook(user);
        UUID bot = idleBot(user, "summed");
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Instant now = clock.instant();
        ZonedDateTime at = now.atZone(tokyo).truncatedTo(ChronoUnit.HOURS).plusHours(2);
        if (at.getHour() == 0) at = at.plusHours(1);  // 23:59 the evening before would be late for that day's 00:00
        fill(user, bot, "-12.5", now.minus(Duration.ofHours(1)));
        fill(user, bot, "20", now.minus(Duration.ofMinutes(30)));
        fill(user, bot, "1000", now.minus(Duration.ofHours(30)));  // older than 24 h at the hour
        Map<String, Object> body = new HashMap<>();
        body.put("dailySummaryHour", at.getHour());
        body.put("timeZone", "Asia/Tokyo");
        assertThat(putPreferences(user, body).status()).isEqualTo(200);

        summaries.sendDue(at.minusMinutes(1).toInstant());
        assertThat(summaryRows(user)).isZero();                  // before the hour
        summaries.sendDue(at.toInstant());
        summaries.sendDue(at.plusMinutes(30).toInstant());       // the same day again
        summaries.sendDue(at.plusHours(5).toInstant());
        assertThat(summaryRows(user)).isEqualTo(1);

        JsonNode summary = awaitEvent(path, "DAILY_SUMMARY");
        JsonNode data = summary.get("data");
        assertThat(data.get("day").asString()).isEqualTo(at.toLocalDate().toString());
        assertThat(data.get("timeZone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(data.get("botsRunning").asInt()).isZero();
        JsonNode usdt = data.get("assets").get(0);
        assertThat(usdt.get("quoteAsset").asString()).isEqualTo("USDT");
        assertThat(usdt.get("fills").asInt()).isEqualTo(2);
        assertThat(usdt.get("realizedPnl").asString()).isEqualTo("7.5");
        awaitMail(user.email(), "Daily summary for " + at.toLocalDate());

        summaries.sendDue(at.plusDays(1).toInstant());          // the next day's
        assertThat(summaryRows(user)).isEqualTo(2);
        await("two summaries at the webhook", () -> events(path, "DAILY_SUMMARY"), l -> l.size() == 2);
        assertThat(jdbc.sql("SELECT last_summary_day FROM notification_settings WHERE user_id = :u").param("u", user.id())
                .query(java.sql.Date.class).single().toLocalDate()).isEqualTo(at.plusDays(1).toLocalDate());
    }

    @Test
    void noSummaryWithoutAnHour() {
        Session user = newUser();
        hook(user);
        assertThat(putPreferences(user, Map.of("timeZone", "UTC")).status()).isEqualTo(200);
        summaries.sendDue(clock.instant().plus(Duration.ofHours(24)));
        assertThat(summaryRows(user)).isZero();
    }

    /** Summaries queued for the user: every channel gets one row per summary; the email outbox is counted. */
    private int summaryRows(Session user) {
        return jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE user_id = :u AND kind = 'DAILY_SUMMARY'")
                .param("u", user.id()).query(Integer.class).single();
    }

}
