package dev.botfleet.server.notify;

import dev.botfleet.server.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert choice and summary bookkeeping on each database: which choice wins, and a summary day claimed once. */
public abstract class NotificationPreferencesCases extends ApiTestBase {
    @Autowired
    AlertChoices choices;
    @Autowired
    NotificationSettings settings;

    private UUID bot(Session user) {
        Answer created = post("/api/v1/bots", user, Map.of("name", "b", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", "PAPER",
                "config", Map.of("quantity", "0.001", "buyPrice", "60000", "sellPrice", "61000")));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asString());
    }

    @Test
    void aBotsOverrideWinsOverTheUsersDefaultWhichWinsOverTheBuiltInOne() {
        Session user = newUser();
        UUID muted = bot(user);
        UUID other = bot(user);
        assertThat(choices.wanted(user.id(), AlertChannel.EMAIL, BotAlert.Kind.FILL, other)).isFalse();   // built-in
        assertThat(choices.wanted(user.id(), AlertChannel.EMAIL, BotAlert.Kind.ERROR, other)).isTrue();   // built-in
        Answer saved = put("/api/v1/notifications/preferences", user, Map.of(
                "defaults", Map.of("email", Map.of("FILL", true)),
                "overrides", List.of(Map.of("botId", muted.toString(), "channel", "email", "kind", "FILL", "enabled", false),
                        Map.of("botId", other.toString(), "channel", "telegram", "kind", "STARTED", "enabled", false))));
        assertThat(saved.status()).as(String.valueOf(saved.body())).isEqualTo(200);
        assertThat(choices.wanted(user.id(), AlertChannel.EMAIL, BotAlert.Kind.FILL, other)).isTrue();    // default
        assertThat(choices.wanted(user.id(), AlertChannel.EMAIL, BotAlert.Kind.FILL, muted)).isFalse();   // override
        assertThat(choices.wanted(user.id(), AlertChannel.EMAIL, BotAlert.Kind.FILL, null)).isTrue();     // account-wide
        assertThat(choices.wanted(user.id(), AlertChannel.TELEGRAM, BotAlert.Kind.STARTED, other)).isFalse();
        assertThat(choices.wanted(user.id(), AlertChannel.TELEGRAM, BotAlert.Kind.STARTED, muted)).isTrue();
        // another user's choices are their own
        Session stranger = newUser();
        assertThat(choices.wanted(stranger.id(), AlertChannel.EMAIL, BotAlert.Kind.FILL, null)).isFalse();

        // deleting the bot takes its overrides with it
        assertThat(delete("/api/v1/bots/" + muted, user).status()).isEqualTo(204);
        assertThat(get("/api/v1/notifications/preferences", user).body().get("overrides").size()).isEqualTo(1);
    }

    @Test
    void aSummaryDayIsClaimedOnce() {
        Session user = newUser();
        assertThat(put("/api/v1/notifications/preferences", user, Map.of("dailySummaryHour", 6, "timeZone", "America/New_York"))
                .status()).isEqualTo(200);
        assertThat(settings.summaryUsers()).anySatisfy(u -> {
            assertThat(u.userId()).isEqualTo(user.id());
            assertThat(u.hour()).isEqualTo(6);
            assertThat(u.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        });
        // a day after any the summary job can claim meanwhile (it claims today's in the user's zone once 06:00 passed)
        LocalDate day = LocalDate.of(2100, 1, 1);
        assertThat(settings.claimSummary(user.id(), day)).isTrue();
        assertThat(settings.claimSummary(user.id(), day)).isFalse();
        assertThat(settings.claimSummary(user.id(), day.minusDays(1))).isFalse();
        assertThat(settings.claimSummary(user.id(), day.plusDays(1))).isTrue();
        assertThat(settings.of(user.id()).lastSummaryDay()).isEqualTo(day.plusDays(1));
        // turning the summary off keeps the zone
        assertThat(put("/api/v1/notifications/preferences", user, Map.of("timeZone", "America/New_York")).status()).isEqualTo(200);
        assertThat(settings.of(user.id()).summaryHour()).isNull();
        assertThat(settings.summaryUsers()).noneMatch(u -> u.userId().equals(user.id()));
    }
}
