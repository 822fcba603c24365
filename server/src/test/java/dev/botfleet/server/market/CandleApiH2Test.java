package dev.botfleet.server.market;

import dev.botfleet.server.support.ApiTestBase;
import dev.botfleet.server.support.OnH2;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/candles: a market's recent candles for charts, and clear errors for bad parameters. */
@OnH2
class CandleApiH2Test extends ApiTestBase {
    @Test
    void theSimMarketHasAPastOfMinuteCandlesOldestFirstOnItsTickGrid() {
        Answer a = get("/api/v1/candles?exchange=sim&symbol=BTC/USDT", newUser());
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
        JsonNode candles = a.body();
        assertThat(candles).hasSize(300);
        Instant previous = null;
        for (JsonNode c : candles) {
            Instant open = Instant.parse(c.get("openTime").asString());
            if (previous != null) assertThat(open).isEqualTo(previous.plusSeconds(60));
            previous = open;
            BigDecimal high = new BigDecimal(c.get("high").asString());
            BigDecimal low = new BigDecimal(c.get("low").asString());
            assertThat(high.scale()).isEqualTo(2);
            assertThat(high).isGreaterThanOrEqualTo(low);
            assertThat(c.get("complete").asBoolean()).isTrue();
        }
        assertThat(previous).isBefore(Instant.now());
    }

    @Test
    void longerTimeframesAreBuiltFromTheMinutes() {
        JsonNode candles = get("/api/v1/candles?exchange=sim&symbol=ETH/USDT&timeframe=1h&limit=5", newUser()).body();
        assertThat(candles).hasSize(5);
        for (JsonNode c : candles) {
            assertThat(Instant.parse(c.get("openTime").asString()).getEpochSecond() % 3600).isZero();
        }
    }

    @Test
    void badParametersAreNamedAndUnknownMarketsAreNotFound() {
        Session user = newUser();
        assertProblem(get("/api/v1/candles?exchange=sim&symbol=BTC/USDT&timeframe=7m", user), 400, "VALIDATION_ERROR");
        assertThat(get("/api/v1/candles?exchange=sim&symbol=BTC/USDT&timeframe=7m", user).errorFields()).containsExactly("timeframe");
        assertThat(get("/api/v1/candles?exchange=sim&symbol=BTC/USDT&limit=0", user).errorFields()).containsExactly("limit");
        assertThat(get("/api/v1/candles?exchange=sim&symbol=BTC/USDT&limit=lots", user).errorFields()).containsExactly("limit");
        assertThat(get("/api/v1/candles?exchange=sim&symbol=BTC/USDT&limit=1001", user).errorFields()).containsExactly("limit");
        assertThat(get("/api/v1/candles?symbol=BTC/USDT", user).errorFields()).containsExactly("exchange");
        assertProblem(get("/api/v1/candles?exchange=sim&symbol=DOGE/EUR", user), 404, "NOT_FOUND");
        assertProblem(request(HttpMethod.GET, "/api/v1/candles?exchange=sim&symbol=BTC/USDT", null, null), 401, "UNAUTHORIZED");
    }
}
