package dev.botfleet.server.risk;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** PUT and GET /me/risk: limits stored, replaced, cleared and validated; today's figures count LIVE fills of today only. */
public abstract class RiskApiCases extends RiskTestBase {
    @Test
    void limitsAreStoredReplacedAndCleared() {
        Session user = newUser();
        Session other = newUser();
        Answer none = get("/api/v1/me/risk", user);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().get("dailyLossLimits").isEmpty()).isTrue();
        assertThat(none.body().get("today").isEmpty()).isTrue();
        assertThat(none.body().get("day").asString()).isEqualTo(today().toString());

        Answer set = putLimits(user, Map.of("USDT", "250.50", "BTC", 0.01));  // strings or JSON numbers
        assertThat(set.status()).as(String.valueOf(set.body())).isEqualTo(200);
        assertThat(set.body().get("dailyLossLimits").toString()).isEqualTo("{\"BTC\":\"0.01\",\"USDT\":\"250.5\"}");
        JsonNode usdt = set.body().get("today").get("USDT");
        assertThat(usdt.get("realizedPnl").asString()).isEqualTo("0");
        assertThat(usdt.get("limit").asString()).isEqualTo("250.5");
        assertThat(usdt.get("tripped").asBoolean()).isFalse();
        assertThat(get("/api/v1/me/risk", user).body()).isEqualTo(set.body());
        assertThat(get("/api/v1/me/risk", other).body().get("dailyLossLimits").isEmpty()).isTrue();

        putLimits(other, Map.of("USDT", "5"));
        Answer replaced = putLimits(user, Map.of("ETH", "1"));  // PUT replaces the whole map
        assertThat(replaced.body().get("dailyLossLimits").toString()).isEqualTo("{\"ETH\":\"1\"}");
        assertThat(putLimits(user, Map.of()).body().get("dailyLossLimits").isEmpty()).isTrue();
        putLimits(user, Map.of("USDT", "1"));
        assertThat(putLimits(user, null).body().get("dailyLossLimits").isEmpty()).isTrue();
        putLimits(user, Map.of("USDT", "1"));
        assertThat(put("/api/v1/me/risk", user, Map.of()).body().get("dailyLossLimits").isEmpty()).isTrue();
        assertThat(get("/api/v1/me/risk", other).body().get("dailyLossLimits").toString()).isEqualTo("{\"USDT\":\"5\"}");

        assertThat(logMessages(user)).contains("Daily loss limits set: 0.01 BTC, 250.5 USDT", "Daily loss limits cleared");
        assertThat(get("/api/v1/me/risk", null).status()).isEqualTo(401);
        assertThat(put("/api/v1/me/risk", null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void badLimitsAreRefusedNamingEachAssetAndChangeNothing() {
        Session user = newUser();
        putLimits(user, Map.of("USDT", "250"));
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("USDT", "0");
        bad.put("BTC", "-1");
        bad.put("ETH", "lots");
        bad.put("usdc", "5");
        bad.put("SOL", null);
        bad.put("BNB", true);
        bad.put("DOGE", "0.0000000000000000001");  // 19 decimal places
        bad.put("XRP", "1000000000001");
        bad.put("ABCDEFGHIJKLMNOPQ", "5");  // 17 characters
        bad.put("ADA", "10");  // fine, but the request as a whole is refused
        Answer refused = putLimits(user, bad);
        assertProblem(refused, 400, "VALIDATION_ERROR");
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("dailyLossLimits.USDT", "dailyLossLimits.BTC",
                "dailyLossLimits.ETH", "dailyLossLimits.usdc", "dailyLossLimits.SOL", "dailyLossLimits.BNB",
                "dailyLossLimits.DOGE", "dailyLossLimits.XRP", "dailyLossLimits.ABCDEFGHIJKLMNOPQ");
        assertThat(refused.body().get("detail").asString()).contains("dailyLossLimits.USDT: must be greater than 0");
        assertThat(get("/api/v1/me/risk", user).body().get("dailyLossLimits").toString()).isEqualTo("{\"USDT\":\"250\"}");

        Map<String, Object> tooMany = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) tooMany.put("A" + i, "1");
        assertThat(putLimits(user, tooMany).errorFields()).containsExactly("dailyLossLimits");
        Answer wrongType = putLimits(user, "250");
        assertProblem(wrongType, 400, "MALFORMED_REQUEST");
        assertThat(wrongType.errorFields()).containsExactly("dailyLossLimits");
        assertThat(get("/api/v1/me/risk", user).body().get("dailyLossLimits").toString()).isEqualTo("{\"USDT\":\"250\"}");
    }

    @Test
    void todayCountsTheLiveBotsFillsOfTheUtcDayPerQuoteAsset() {
        Session user = newUser();
        Session other = newUser();
        UUID live = bot(user, "live");
        UUID paper = bot(user, "paper");
        UUID liveBtc = bot(user, "live in btc");
        UUID othersLive = bot(other, "other's live");
        setRow(live, "LIVE", "STOPPED", "BTC/USDT");
        setRow(liveBtc, "LIVE", "STOPPED", "ETH/BTC");
        setRow(othersLive, "LIVE", "STOPPED", "BTC/USDT");
        putLimits(user, Map.of("USDT", "250", "EUR", "100"));
        java.time.Instant midnight = startOfToday();

        fill(user, live, "BTC/USDT", "-10", midnight);                       // the day's first microsecond
        fill(user, live, "BTC/USDT", "2.5", clock.instant());                // gains count against losses
        fill(user, live, "BTC/USDT", "-5", clock.instant());
        fill(user, live, "BTC/USDT", "-1000", midnight.minusNanos(1000));     // yesterday's last microsecond
        fill(user, paper, "BTC/USDT", "-1000", clock.instant());             // paper money is not real
        fill(user, liveBtc, "ETH/BTC", "-0.001", clock.instant());
        fill(other, othersLive, "BTC/USDT", "-1000", clock.instant());

        JsonNode risk = get("/api/v1/me/risk", user).body();
        assertThat(risk.get("day").asString()).isEqualTo(today().toString());
        JsonNode today = risk.get("today");
        assertThat(today.propertyNames()).containsExactly("BTC", "EUR", "USDT");
        assertThat(today.get("USDT").toString()).isEqualTo("{\"realizedPnl\":\"-12.5\",\"limit\":\"250\",\"tripped\":false}");
        assertThat(today.get("EUR").toString()).isEqualTo("{\"realizedPnl\":\"0\",\"limit\":\"100\",\"tripped\":false}");
        assertThat(today.get("BTC").toString()).isEqualTo("{\"realizedPnl\":\"-0.001\",\"limit\":null,\"tripped\":false}");

        fill(user, live, "BTC/USDT", "-237.5", clock.instant());  // exactly -250: reached
        JsonNode usdt = get("/api/v1/me/risk", user).body().get("today").get("USDT");
        assertThat(usdt.get("realizedPnl").asString()).isEqualTo("-250");
        assertThat(usdt.get("tripped").asBoolean()).isTrue();
        assertThat(get("/api/v1/me/risk", other).body().get("today").get("USDT").get("tripped").asBoolean()).isFalse();
    }

    @Test
    void theNextUtcDayStartsFromZero() {
        Session user = newUser();
        UUID live = bot(user, "live");
        setRow(live, "LIVE", "STOPPED", "BTC/USDT");
        putLimits(user, Map.of("USDT", "100"));
        fill(user, live, "BTC/USDT", "-150", clock.instant());
        assertThat(get("/api/v1/me/risk", user).body().get("today").get("USDT").get("tripped").asBoolean()).isTrue();

        clock.advance(Duration.between(clock.instant(), startOfToday().plus(Duration.ofDays(1))).plusSeconds(1));
        Answer login = login(user.email(), user.password(), nextAddress());  // the old token may have expired
        Session again = new Session(user.id(), user.email(), user.password(), login.body().get("token").asString());
        JsonNode risk = get("/api/v1/me/risk", again).body();
        assertThat(risk.get("day").asString()).isEqualTo(today().toString());
        assertThat(risk.get("today").get("USDT").toString())
                .isEqualTo("{\"realizedPnl\":\"0\",\"limit\":\"100\",\"tripped\":false}");
    }
}
