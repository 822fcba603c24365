package dev.botfleet.server.runtime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A LIVE bot found ACTIVE when the runtime resumes it (e.g. the server died between the fill that reached the daily
 * loss limit and the stop it caused) goes to ERROR with the limit's reason instead of trading on.
 */
public abstract class LossLimitResumeCases extends RuntimeTestBase {
    @Autowired
    TradingRuntime runtime;

    @Test
    void aLiveBotPastItsDailyLossLimitIsNotResumed() {
        Session user = newUser();
        String id = scalper(user, "0.2", "0.2");
        UUID bot = UUID.fromString(id);
        assertThat(put("/api/v1/me/risk", user, Map.of("dailyLossLimits", Map.of("USDT", "10"))).status()).isEqualTo(200);
        jdbc.sql("UPDATE bots SET mode = 'LIVE', status = 'ACTIVE' WHERE id = :id").param("id", bot).update();
        botRowChanged(bot);
        UUID order = UUID.randomUUID();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO orders (id, owner_id, bot_id, client_order_id, exchange, symbol, side, type,
                            time_in_force, price, quantity, filled_quantity, fee, status, created_at, updated_at)
                        VALUES (:id, :owner, :bot, :cid, 'sim', 'BTC/USDT', 'SELL', 'LIMIT', 'GTC', 100, 1, 1, 0,
                            'FILLED', :now, :now)""")
                .param("id", order).param("owner", user.id()).param("bot", bot).param("cid", id + "-1")
                .param("now", now).update();
        jdbc.sql("""
                        INSERT INTO trades (id, owner_id, bot_id, order_id, trade_id, symbol, side, price, quantity,
                            realized_pnl, executed_at)
                        VALUES (:id, :owner, :bot, :order, 't-1', 'BTC/USDT', 'SELL', 100, 1, -10, :now)""")
                .param("id", UUID.randomUUID()).param("owner", user.id()).param("bot", bot).param("order", order)
                .param("now", now).update();

        runtime.launch(user.id(), bot);

        JsonNode b = get("/api/v1/bots/" + id, user).body();
        assertThat(b.get("status").asString()).isEqualTo("ERROR");
        assertThat(b.get("statusReason").asString()).startsWith("daily loss limit reached: -10 USDT today (limit 10 USDT)");
        assertThat(runtime.isRunning(bot)).isFalse();
        assertThat(get("/api/v1/logs?botId=" + id, user).body().get("items").get(0).get("message").asString())
                .startsWith("Bot stopped: daily loss limit reached: -10 USDT today");
    }
}
