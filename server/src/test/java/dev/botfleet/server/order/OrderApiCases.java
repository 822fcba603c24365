package dev.botfleet.server.order;

import dev.botfleet.server.support.ApiTestBase;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading orders, fills and positions as the runtime will journal them. Run on H2 and on PostgreSQL. */
public abstract class OrderApiCases extends ApiTestBase {
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    private UUID bot(Session user) {
        Answer a = post("/api/v1/bots", user, Map.of("name", "o", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", "PAPER",
                "config", Map.of("quantity", "0.001", "buyPrice", "60000", "sellPrice", "61000")));
        return UUID.fromString(a.body().get("id").asString());
    }

    private UUID order(Session user, UUID bot, String cid, String status, String filled) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO orders (id, owner_id, bot_id, client_order_id, exchange_order_id, exchange, symbol,
                            side, type, time_in_force, price, quantity, filled_quantity, average_price, fee, fee_currency,
                            status, created_at, updated_at)
                        VALUES (:id, :owner, :bot, :cid, :eid, 'sim', 'BTC/USDT', 'BUY', 'LIMIT', 'GTC', 60000.00, 0.00100,
                            :filled, :avg, 0.06, 'USDT', :status, :now, :now)""")
                .param("id", id).param("owner", user.id()).param("bot", bot).param("cid", cid).param("eid", "x-" + cid)
                .param("filled", new BigDecimal(filled)).param("avg", filled.equals("0") ? null : new BigDecimal("60000.00"))
                .param("status", status).param("now", NOW).update();
        return id;
    }

    private static List<String> field(Answer page, String name) {
        List<String> out = new ArrayList<>();
        page.body().get("items").forEach(o -> out.add(o.get(name).asString()));
        return out;
    }

    @Test
    void ordersAreListedNewestFirstAndFilteredByOpenOrClosed() {
        Session user = newUser();
        UUID bot = bot(user);
        order(user, bot, "c-1", "FILLED", "0.001");
        order(user, bot, "c-2", "ACCEPTED", "0");
        order(user, bot, "c-3", "CANCELED", "0");

        Answer all = get("/api/v1/bots/" + bot + "/orders", user);
        assertThat(all.status()).isEqualTo(200);
        assertThat(field(all, "clientOrderId")).containsExactly("c-3", "c-2", "c-1");
        JsonNode filled = all.body().get("items").get(2);
        assertThat(filled.get("price").asString()).isEqualTo("60000");
        assertThat(filled.get("quantity").asString()).isEqualTo("0.001");
        assertThat(filled.get("filledQuantity").asString()).isEqualTo("0.001");
        assertThat(filled.get("averagePrice").asString()).isEqualTo("60000");
        assertThat(filled.get("fee").asString()).isEqualTo("0.06");
        assertThat(filled.get("exchangeOrderId").asString()).isEqualTo("x-c-1");
        assertThat(filled.get("timeInForce").asString()).isEqualTo("GTC");
        assertThat(filled.get("botId").asString()).isEqualTo(bot.toString());

        assertThat(field(get("/api/v1/bots/" + bot + "/orders?status=open", user), "clientOrderId")).containsExactly("c-2");
        assertThat(field(get("/api/v1/bots/" + bot + "/orders?status=closed", user), "clientOrderId")).containsExactly("c-3", "c-1");
        Answer bad = get("/api/v1/bots/" + bot + "/orders?status=pending", user);
        assertProblem(bad, 400, "VALIDATION_ERROR");
        assertThat(bad.errorFields()).containsExactly("status");

        UUID other = bot(user);
        order(user, other, "d-1", "SUBMITTED", "0");
        assertThat(get("/api/v1/orders", user).body().get("total").asLong()).isEqualTo(4);
        assertThat(field(get("/api/v1/orders?status=open", user), "clientOrderId")).containsExactly("d-1", "c-2");
        assertThat(field(get("/api/v1/orders?botId=" + other, user), "clientOrderId")).containsExactly("d-1");
    }

    @Test
    void tradesAndPositionsOfABot() {
        Session user = newUser();
        UUID bot = bot(user);
        UUID order = order(user, bot, "c-1", "FILLED", "0.001");
        jdbc.sql("""
                        INSERT INTO trades (id, owner_id, bot_id, order_id, trade_id, symbol, side, price, quantity, fee,
                            fee_currency, realized_pnl, executed_at)
                        VALUES (:id, :owner, :bot, :order, 't-1', 'BTC/USDT', 'BUY', 60000.00, 0.001, 0.06, 'USDT', -0.06, :now)""")
                .param("id", UUID.randomUUID()).param("owner", user.id()).param("bot", bot).param("order", order)
                .param("now", NOW).update();
        jdbc.sql("""
                        INSERT INTO positions (id, owner_id, bot_id, exchange, symbol, quantity, average_entry_price,
                            realized_pnl, fees, updated_at)
                        VALUES (:id, :owner, :bot, 'sim', 'BTC/USDT', 0.001, 60000.00, 0, 0.06, :now)""")
                .param("id", UUID.randomUUID()).param("owner", user.id()).param("bot", bot).param("now", NOW).update();

        Answer trades = get("/api/v1/bots/" + bot + "/trades", user);
        assertThat(trades.body().get("total").asLong()).isEqualTo(1);
        JsonNode t = trades.body().get("items").get(0);
        assertThat(t.get("clientOrderId").asString()).isEqualTo("c-1");
        assertThat(t.get("tradeId").asString()).isEqualTo("t-1");
        assertThat(t.get("realizedPnl").asString()).isEqualTo("-0.06");
        assertThat(t.get("orderId").asString()).isEqualTo(order.toString());

        Answer positions = get("/api/v1/bots/" + bot + "/positions", user);
        JsonNode p = positions.body().get(0);
        assertThat(p.get("quantity").asString()).isEqualTo("0.001");
        assertThat(p.get("averageEntryPrice").asString()).isEqualTo("60000");
        assertThat(p.get("fees").asString()).isEqualTo("0.06");
        assertThat(p.get("unrealizedPnl").isNull()).isTrue();
    }

    @Test
    void anotherUsersOrdersTradesAndPositionsAreNotFound() {
        Session alice = newUser();
        Session bob = newUser();
        UUID bot = bot(alice);
        order(alice, bot, "c-1", "ACCEPTED", "0");
        for (String part : List.of("orders", "trades", "positions")) {
            assertProblem(get("/api/v1/bots/" + bot + "/" + part, bob), 404, "NOT_FOUND");
        }
        assertThat(get("/api/v1/orders", bob).body().get("total").asLong()).isZero();
        assertThat(get("/api/v1/orders?botId=" + bot, bob).body().get("total").asLong()).isZero();
        assertProblem(get("/api/v1/bots/" + UUID.randomUUID() + "/orders", alice), 404, "NOT_FOUND");
    }
}
