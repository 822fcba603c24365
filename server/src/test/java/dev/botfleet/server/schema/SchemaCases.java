package dev.botfleet.server.schema;

import dev.botfleet.server.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tables the runtime will write (orders, trades, positions): exact decimals, the uniqueness that prevents
 * double-counting, and cascades. Run on H2 and on PostgreSQL.
 */
public abstract class SchemaCases extends ApiTestBase {
    @org.springframework.beans.factory.annotation.Autowired
    private dev.botfleet.server.order.OrderRepository orders;

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    private UUID bot(Session user) {
        Answer a = post("/api/v1/bots", user, Map.of("name", "s", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", "PAPER",
                "config", Map.of("quantity", "0.001", "buyPrice", "60000", "sellPrice", "61000")));
        return UUID.fromString(a.body().get("id").asString());
    }

    private UUID order(Session user, UUID bot, String clientOrderId, String quantity, String filled) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO orders (id, owner_id, bot_id, client_order_id, exchange, symbol, side, type,
                            time_in_force, price, quantity, filled_quantity, fee, fee_currency, status, created_at, updated_at)
                        VALUES (:id, :owner, :bot, :cid, 'sim', 'BTC/USDT', 'BUY', 'LIMIT', 'GTC', :price, :qty, :filled,
                            :fee, 'USDT', 'ACCEPTED', :now, :now)""")
                .param("id", id).param("owner", user.id()).param("bot", bot).param("cid", clientOrderId)
                .param("price", new BigDecimal("64210.123456789012345678")).param("qty", new BigDecimal(quantity))
                .param("filled", new BigDecimal(filled)).param("fee", new BigDecimal("0.000000000000000001"))
                .param("now", NOW).update();
        return id;
    }

    private void withStatus(UUID order, String status) {
        jdbc.sql("UPDATE orders SET status = :status WHERE id = :id").param("status", status).param("id", order).update();
    }

    private void trade(Session user, UUID bot, UUID order, String tradeId) {
        jdbc.sql("""
                        INSERT INTO trades (id, owner_id, bot_id, order_id, trade_id, symbol, side, price, quantity, fee,
                            fee_currency, realized_pnl, executed_at)
                        VALUES (:id, :owner, :bot, :order, :tid, 'BTC/USDT', 'BUY', 64210.5, 0.001, 0.0642105, 'USDT', 0, :now)""")
                .param("id", UUID.randomUUID()).param("owner", user.id()).param("bot", bot).param("order", order)
                .param("tid", tradeId).param("now", NOW).update();
    }

    @Test
    void decimalsRoundTripExactly() {
        Session user = newUser();
        UUID bot = bot(user);
        UUID id = order(user, bot, "c-1", "0.123456789012345678", "0");
        Map<String, Object> row = jdbc.sql("SELECT price, quantity, fee FROM orders WHERE id = :id").param("id", id).query().singleRow();
        assertThat((BigDecimal) row.get("price")).isEqualByComparingTo("64210.123456789012345678");
        assertThat((BigDecimal) row.get("quantity")).isEqualByComparingTo("0.123456789012345678");
        assertThat((BigDecimal) row.get("fee")).isEqualByComparingTo("0.000000000000000001");
    }

    @Test
    void aClientOrderIdIsUniquePerBotAndATradeIdPerOrder() {
        Session user = newUser();
        UUID bot = bot(user);
        UUID other = bot(user);
        UUID order = order(user, bot, "c-1", "1", "0");
        assertThatThrownBy(() -> order(user, bot, "c-1", "1", "0")).isInstanceOf(DataIntegrityViolationException.class);
        order(user, other, "c-1", "1", "0"); // the same id on another bot is fine

        trade(user, bot, order, "t-1");
        assertThatThrownBy(() -> trade(user, bot, order, "t-1")).isInstanceOf(DataIntegrityViolationException.class);
        trade(user, bot, order, "t-2");
    }

    @Test
    void impossibleQuantitiesAreRefusedByTheDatabase() {
        Session user = newUser();
        UUID bot = bot(user);
        assertThatThrownBy(() -> order(user, bot, "c-over", "1", "2")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> order(user, bot, "c-zero", "0", "0")).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void positionsAreOnePerBotAndSymbolAndGoWithTheirBot() {
        Session user = newUser();
        UUID bot = bot(user);
        String insert = """
                INSERT INTO positions (id, owner_id, bot_id, exchange, symbol, quantity, average_entry_price, realized_pnl, fees, updated_at)
                VALUES (:id, :owner, :bot, 'sim', 'BTC/USDT', -0.5, 64000.25, 12.345, 0.01, :now)""";
        jdbc.sql(insert).param("id", UUID.randomUUID()).param("owner", user.id()).param("bot", bot).param("now", NOW).update();
        assertThatThrownBy(() -> jdbc.sql(insert).param("id", UUID.randomUUID()).param("owner", user.id()).param("bot", bot)
                .param("now", NOW).update()).isInstanceOf(DataIntegrityViolationException.class);
        UUID order = order(user, bot, "c-1", "1", "1");
        trade(user, bot, order, "t-1");

        assertThat(delete("/api/v1/bots/" + bot, user).status()).isEqualTo(204);
        for (String table : new String[]{"positions", "orders", "trades"}) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE bot_id = :b").param("b", bot).query(Long.class).single())
                    .as(table).isZero();
        }
    }

    @Test
    void orderListsAndCountsAreOneBotsWhenABotIsAskedForAndTheWholeFleetsOtherwise() {
        Session user = newUser();
        UUID a = bot(user);
        UUID b = bot(user);
        order(user, a, a + "-1", "0.001", "0");
        order(user, a, a + "-2", "0.001", "0");
        withStatus(order(user, a, a + "-3", "0.001", "0.001"), "FILLED");
        order(user, b, b + "-1", "0.001", "0");

        assertThat(get("/api/v1/orders?size=100&botId=" + a, user).body().get("total").asLong()).isEqualTo(3);
        assertThat(get("/api/v1/orders?size=100&status=open&botId=" + a, user).body().get("total").asLong()).isEqualTo(2);
        assertThat(get("/api/v1/orders?size=100&status=closed&botId=" + b, user).body().get("total").asLong()).isZero();
        var ofA = get("/api/v1/orders?size=100&botId=" + a, user).body().get("items");
        assertThat(ofA).hasSize(3).allSatisfy(o -> assertThat(o.get("clientOrderId").asString()).startsWith(a.toString()));
        assertThat(get("/api/v1/orders?size=100", user).body().get("total").asLong()).isEqualTo(4);
        assertThat(get("/api/v1/orders?size=100&status=open", user).body().get("total").asLong()).isEqualTo(3);
        assertThat(get("/api/v1/bots/" + a + "/stats", user).body().get("openOrders").asLong()).isEqualTo(2);
        assertThat(get("/api/v1/bots/" + b + "/stats", user).body().get("openOrders").asLong()).isEqualTo(1);
    }

    @Test
    void aStopMarketOrderIsJournaledWithItsTriggerAndRestoredExactly() {
        Session user = newUser();
        UUID bot = bot(user);
        java.time.Instant at = java.time.Instant.parse("2026-01-01T00:00:00Z");
        var stop = new dev.botfleet.engine.order.OrderSnapshot(bot.toString(), bot + "-1", null, "sim", "BTC/USDT",
                dev.botfleet.engine.order.OrderSide.SELL, dev.botfleet.engine.order.OrderType.STOP_MARKET,
                dev.botfleet.engine.order.TimeInForce.GTC, null, new BigDecimal("0.00100"),
                dev.botfleet.engine.order.OrderStatus.ACCEPTED, BigDecimal.ZERO, null, Map.of(), BigDecimal.ZERO, null,
                null, true, at, at, new BigDecimal("61234.56"));

        orders.insertOrder(user.id(), bot, stop);

        var restored = orders.openOrders(bot);
        assertThat(restored).singleElement().satisfies(o -> {
            assertThat(o.type()).isEqualTo(dev.botfleet.engine.order.OrderType.STOP_MARKET);
            assertThat(o.triggerPrice()).isEqualByComparingTo("61234.56");
            assertThat(o.price()).isNull();
        });
        var shown = get("/api/v1/bots/" + bot + "/orders?status=open", user).body();
        assertThat(shown.get(0).get("type").asString()).isEqualTo("STOP_MARKET");
        assertThat(new BigDecimal(shown.get(0).get("triggerPrice").asString())).isEqualByComparingTo("61234.56");
    }
}
