package dev.botfleet.server.runtime;

import dev.botfleet.server.support.OnH2;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paper bot writes its fills behind its turn (docs/architecture.md, life of an order, step 9). When such a write
 * fails, the bot must not trade on as if it were stored: it stops in ERROR with the reason, and nothing it did after
 * the failed write reaches the database (its journal refuses every later write).
 */
@OnH2
class WriteBehindH2Test extends RuntimeTestBase {

    @Test
    void aFillThatCannotBeStoredStopsTheBotInErrorAndNothingLaterIsStored() {
        Session user = newUser();
        String bot = marketableBuyThenExit(user);
        // the fill's write fails: its position row breaks a rule (a start reads the table, so it stays in reach)
        jdbc.sql("ALTER TABLE positions ADD CONSTRAINT positions_not_this_bot_ck CHECK (bot_id <> '" + bot + "')")
                .update();
        try {
            start(user, bot);
            Map<String, Object> status = await("the bot in ERROR", () -> jdbc.sql(
                            "SELECT status, status_reason FROM bots WHERE id = :id").param("id", UUID.fromString(bot))
                    .query().singleRow(), row -> "ERROR".equals(row.get("status")));
            assertThat((String) status.get("status_reason")).contains("journal could not be written");
        } finally {
            jdbc.sql("ALTER TABLE positions DROP CONSTRAINT positions_not_this_bot_ck").update();
        }
        UUID id = UUID.fromString(bot);
        assertThat(count("SELECT COUNT(*) FROM trades WHERE bot_id = :id", id)).as("the fill's write rolled back whole").isZero();
        assertThat(count("SELECT COUNT(*) FROM positions WHERE bot_id = :id", id)).as("no position of an unstored fill").isZero();
        // the buy's intent was stored before it was sent; the exit the strategy placed after the fill was not
        assertThat(count("SELECT COUNT(*) FROM orders WHERE bot_id = :id", id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT message FROM activity_logs WHERE bot_id = :id AND level = 'ERROR'").param("id", id)
                .query(String.class).list()).anyMatch(m -> m.contains("journal could not be written"));
    }

    /** A scalper whose buy is 0.3 % above the last price (fills on the next tick), then an exit 1 % above. */
    private String marketableBuyThenExit(Session user) {
        BigDecimal price = ltp();
        Map<String, Object> config = new HashMap<>();
        config.put("firstOrder", "BUY");
        config.put("quantity", "0.001");
        config.put("buyPrice", price.multiply(new BigDecimal("1.003")).setScale(2, RoundingMode.HALF_EVEN));
        config.put("sellPrice", price.multiply(new BigDecimal("1.01")).setScale(2, RoundingMode.HALF_EVEN));
        config.put("infiniteLoop", false);
        Map<String, Object> body = new HashMap<>(Map.of("name", "behind", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", "PAPER"));
        body.put("config", config);
        Answer created = post("/api/v1/bots", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private long count(String sql, UUID bot) {
        return jdbc.sql(sql).param("id", bot).query(Long.class).single();
    }
}
