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
            // minutes, strictly in order (the shared test clock may jump, leaving gaps between live candles)
            assertThat(open.getEpochSecond() % 60).isZero();
            if (previous != null) assertThat(open).isAfter(previous);
            previous = open;
            BigDecimal high = new BigDecimal(c.get("high").asString());
            BigDecimal low = new BigDecimal(c.get("low").asString());
            assertThat(high.scale()).isEqualTo(2);
            assertThat(high).isGreaterThanOrEqualTo(low);
            assertThat(c.get("complete").asBoolean()).isTrue();
        }
        assertThat(previous).isBefore(clock.instant());  // the server's clock, which other tests move
    }

    @Test
    void longerTimeframesAreBuiltFromTheMinutes() {
        // other tests of this shared context move the clock by hours, which leaves gaps in the live candles: the
        // exact bucketing is CandleHistoryTest's; here the API answers whole hours, at most as many as asked
        JsonNode candles = get("/api/v1/candles?exchange=sim&symbol=ETH/USDT&timeframe=1h&limit=5", newUser()).body();
        assertThat(candles.size()).isBetween(1, 5);
        for (JsonNode c : candles) {
            assertThat(Instant.parse(c.get("openTime").asString()).getEpochSecond() % 3600).isZero();
        }
    }

    @Test
    void badParametersAreNamedAndUnknownMarketsAreNotFound() {
        Session user = newUser();
        assertProblem(get("/api/v1/candles?exchange=sim&symbol=BTC/USDT&timeframe=7m", user), 400, "VALIDATION_ERROR");
        assertThat(get("/api/v1/candles?exchange=sim&symbol=BTC/USDT&timeframe=7m", user).errorFields()).containsExactly("timeframe");
        // 1s exists for backtests on 1-second data; the history keeps 1m candles and cannot make it
        assertThat(get("/api/v1/candles?exchange=sim&symbol=BTC/USDT&timeframe=1s", user).errorFields()).containsExactly("timeframe");
        assertThat(get("/api/v1/candles?exchange=sim&symbol=BTC/USDT&limit=0", user).errorFields()).containsExactly("limit");
        assertThat(get("/api/v1/candles?exchange=sim&symbol=BTC/USDT&limit=lots", user).errorFields()).containsExactly("limit");
        assertThat(get("/api/v1/candles?exchange=sim&symbol=BTC/USDT&limit=1001", user).errorFields()).containsExactly("limit");
        assertThat(get("/api/v1/candles?symbol=BTC/USDT", user).errorFields()).containsExactly("exchange");
        assertProblem(get("/api/v1/candles?exchange=sim&symbol=DOGE/EUR", user), 404, "NOT_FOUND");
        assertProblem(request(HttpMethod.GET, "/api/v1/candles?exchange=sim&symbol=BTC/USDT", null, null), 401, "UNAUTHORIZED");
    }
}
