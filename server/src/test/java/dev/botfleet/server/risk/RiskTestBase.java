package dev.botfleet.server.risk;

import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.order.OrderRepository;
import dev.botfleet.server.runtime.RuntimeTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows for the daily loss limit: bots made through the API and then turned LIVE in the table (the test context has no
 * live venue to start a LIVE bot on), and fills booked through the journal's own repository.
 */
abstract class RiskTestBase extends RuntimeTestBase {
    @Autowired
    OrderRepository orders;

    /** A STOPPED PAPER scalper on sim BTC/USDT whose orders rest far from the market. */
    UUID bot(Session user, String name) {
        Answer created = post("/api/v1/bots", user, Map.of("name", name, "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", "PAPER",
                "config", Map.of("quantity", "0.001", "buyPrice", "60000", "sellPrice", "61000")));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asString());
    }

    /** Sets the bot's row as if it were so; nothing runs (no session), so nothing overwrites it. */
    void setRow(UUID bot, String mode, String status, String symbol) {
        jdbc.sql("UPDATE bots SET mode = :mode, status = :status, symbol = :symbol WHERE id = :id")
                .param("mode", mode).param("status", status).param("symbol", symbol).param("id", bot).update();
        botRowChanged(bot);
    }

    /** A fill of {@code bot} realizing {@code realizedPnl} at {@code at}, booked as the journal books one. */
    void fill(Session user, UUID bot, String symbol, String realizedPnl, Instant at) {
        UUID order = UUID.randomUUID();
        String clientOrderId = "risk-" + order;
        jdbc.sql("""
                        INSERT INTO orders (id, owner_id, bot_id, client_order_id, exchange, symbol, side, type,
                            time_in_force, price, quantity, filled_quantity, fee, status, created_at, updated_at)
                        VALUES (:id, :owner, :bot, :cid, 'sim', :symbol, 'SELL', 'LIMIT', 'GTC', 100, 1, 1, 0, 'FILLED',
                            :at, :at)""")
                .param("id", order).param("owner", user.id()).param("bot", bot).param("cid", clientOrderId)
                .param("symbol", symbol).param("at", Times.sql(at)).update();
        orders.insertTrade(user.id(), bot, order, new Fill(bot.toString(), clientOrderId, "t-" + order, "sim", symbol,
                OrderSide.SELL, BigDecimal.valueOf(100), BigDecimal.ONE, BigDecimal.ZERO, "USDT", Liquidity.TAKER,
                new BigDecimal(realizedPnl), at));
    }

    LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** 00:00 UTC of the clock's day. */
    Instant startOfToday() {
        return today().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Answer putLimits(Session user, Object limits) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("dailyLossLimits", limits);
        return put("/api/v1/me/risk", user, body);
    }

    JsonNode bot(Session user, UUID bot) {
        return get("/api/v1/bots/" + bot, user).body();
    }

    String status(Session user, UUID bot) {
        return bot(user, bot).get("status").asString();
    }

    List<String> logMessages(Session user) {
        List<String> messages = new ArrayList<>();
        get("/api/v1/logs?size=100", user).body().get("items").forEach(e -> messages.add(e.get("message").asString()));
        return messages;
    }
}
