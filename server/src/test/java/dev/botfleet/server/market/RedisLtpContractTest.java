package dev.botfleet.server.market;

import dev.botfleet.engine.market.Tick;
import dev.botfleet.server.support.ApiTestBase;
import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis LTP contract against the machine's real Redis (127.0.0.1:6379): last prices are mirrored in our layout and
 * in the shared one other processes read ({@code binance_spot:ETH}: ltp, timestamp), and the LTP endpoint answers from
 * Redis for a market this server has no price of its own for. The sim feed is off, so every price here is the test's.
 */
@SpringBootTest(properties = {"botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4",
        "botfleet.redis.enabled=true", "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379",
        "botfleet.sim.enabled=false", "botfleet.venues.binance.enabled=false", "botfleet.venues.bybit.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:botfleet-redis;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
@org.junit.jupiter.api.extension.ExtendWith(dev.botfleet.server.support.RedisAvailable.class)
class RedisLtpContractTest extends ApiTestBase {
    private static final List<String> KEYS = List.of("ltp:binance:ETH/USDT", "binance_spot:ETH", "ltp:binance:ETH/BTC",
            "sim_spot:ETH", "ltp:sim:ETH/USDT", "sim_spot:SOL", "ltp:sim:SOL/USDT");

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisLastPriceMirror mirror;

    @AfterEach
    void clean() { redis.delete(KEYS); }

    @Test
    void lastPricesAreMirroredInOurLayoutAndInTheSharedOne() {
        mirror.onTick(new Tick("binance", "ETH/USDT", 1_796_000_000_000L, 3210.5, 0.2));
        assertThat(redis.<String, String>opsForHash().entries("ltp:binance:ETH/USDT"))
                .containsEntry("price", "3210.5").containsEntry("timestamp", "1796000000000");
        assertThat(redis.<String, String>opsForHash().entries("binance_spot:ETH"))
                .containsEntry("ltp", "3210.5").containsEntry("timestamp", "1796000000000")
                .doesNotContainKey("current_funding_rate");

        mirror.onTick(new Tick("binance", "ETH/BTC", 1_796_000_000_000L, 0.05, 1));
        assertThat(redis.hasKey("ltp:binance:ETH/BTC")).isTrue();
        assertThat(redis.<String, String>opsForHash().entries("binance_spot:ETH"))
                .as("the shared key names only the base: it keeps the USDT market").containsEntry("ltp", "3210.5");
    }

    @Test
    void theLtpEndpointAnswersFromRedisWhenAnotherProcessKeepsThePrice() {
        Session user = newUser();
        assertProblem(get("/api/v1/price/ltp?exchange=sim&symbol=ETH/USDT", user), 404, "NOT_FOUND");

        redis.opsForHash().putAll("sim_spot:ETH", Map.of("ltp", "3210.5", "current_funding_rate", "0.0001",
                "timestamp", "1796000000"));
        Answer shared = get("/api/v1/price/ltp?exchange=sim&symbol=ETH/USDT", user);
        assertThat(shared.status()).as(String.valueOf(shared.body())).isEqualTo(200);
        assertThat(shared.body().get("price").asString()).as("at the instrument's tick").isEqualTo("3210.50");
        assertThat(shared.body().get("fundingRate").asString()).isEqualTo("0.0001");
        assertThat(shared.body().get("timestamp").asString()).isEqualTo("2026-11-30T00:53:20Z");

        // Our own key wins over the shared one.
        redis.opsForHash().putAll("ltp:sim:ETH/USDT", Map.of("price", "3300.25", "timestamp", "1796000001000"));
        assertThat(get("/api/v1/price/ltp?exchange=sim&symbol=ETH/USDT", user).body().get("price").asString())
                .isEqualTo("3300.25");

        // What is not a price is no price.
        redis.opsForHash().putAll("sim_spot:SOL", Map.of("ltp", "not a number", "timestamp", "1796000000"));
        Answer notAPrice = get("/api/v1/price/ltp?exchange=sim&symbol=SOL/USDT", user);
        assertProblem(notAPrice, 404, "NOT_FOUND");
        assertThat(notAPrice.body().get("detail").asString()).contains("No price yet");
    }
}
