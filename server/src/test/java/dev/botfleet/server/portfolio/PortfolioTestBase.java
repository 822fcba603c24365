package dev.botfleet.server.portfolio;

import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.position.PositionSnapshot;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.order.OrderRepository;
import dev.botfleet.server.runtime.RuntimeTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Paper bots made through the API whose fills and positions are booked through the journal's own repository. */
abstract class PortfolioTestBase extends RuntimeTestBase {
    @Autowired
    OrderRepository orders;
    @Autowired
    EquitySnapshots snapshots;
    @Autowired
    PortfolioRepository repository;

    /** A STOPPED PAPER scalper on sim whose orders would rest far from the market. */
    UUID bot(Session user, String name, String symbol, String buy, String sell) {
        Answer created = post("/api/v1/bots", user, Map.of("name", name, "exchange", "sim", "symbol", symbol,
                "strategy", "scalper", "mode", "PAPER",
                "config", Map.of("quantity", "0.01", "buyPrice", buy, "sellPrice", sell)));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asString());
    }

    /** A filled order and its fill, as the journal books them (fee in USDT). */
    void fill(Session user, UUID bot, OrderSide side, String price, String quantity, String fee, String realizedPnl,
              Instant at) {
        UUID order = UUID.randomUUID();
        String clientOrderId = "pf-" + order;
        jdbc.sql("""
                        INSERT INTO orders (id, owner_id, bot_id, client_order_id, exchange, symbol, side, type,
                            time_in_force, price, quantity, filled_quantity, fee, status, created_at, updated_at)
                        VALUES (:id, :owner, :bot, :cid, 'sim', 'BTC/USDT', :side, 'LIMIT', 'GTC', :price, :qty, :qty,
                            :fee, 'FILLED', :at, :at)""")
                .param("id", order).param("owner", user.id()).param("bot", bot).param("cid", clientOrderId)
                .param("side", side.name()).param("price", new BigDecimal(price)).param("qty", new BigDecimal(quantity))
                .param("fee", new BigDecimal(fee)).param("at", Times.sql(at)).update();
        orders.insertTrade(user.id(), bot, order, new Fill(bot.toString(), clientOrderId, "t-" + order, "sim", "BTC/USDT",
                side, new BigDecimal(price), new BigDecimal(quantity), new BigDecimal(fee), "USDT", Liquidity.MAKER,
                new BigDecimal(realizedPnl), at));
    }

    void position(Session user, UUID bot, String quantity, String entry, String realized, Instant at) {
        orders.savePosition(user.id(), bot, new PositionSnapshot(bot.toString(), "sim", "BTC/USDT",
                new BigDecimal(quantity), new BigDecimal(entry), new BigDecimal(realized), null, null, Map.of(), at,
                BigDecimal.ZERO, null, null), "USDT", null);
    }

    /** Marks the bot ACTIVE in its row only (no session runs it), so the snapshot job takes it. */
    void markActive(UUID bot) {
        jdbc.sql("UPDATE bots SET status = 'ACTIVE' WHERE id = :id").param("id", bot).update();
        botRowChanged(bot);
    }

    static JsonNode account(JsonNode portfolio, UUID bot) {
        for (JsonNode a : portfolio.get("accounts")) {
            if (a.get("botId") != null && bot.toString().equals(a.get("botId").asString())) return a;
        }
        throw new AssertionError("no account of bot " + bot + " in " + portfolio);
    }

    static JsonNode balance(JsonNode account, String asset) {
        for (JsonNode b : account.get("balances")) if (asset.equals(b.get("asset").asString())) return b;
        throw new AssertionError("no " + asset + " balance in " + account);
    }

    static JsonNode exposure(JsonNode portfolio, String asset) {
        for (JsonNode e : portfolio.get("exposure")) if (asset.equals(e.get("asset").asString())) return e;
        throw new AssertionError("no " + asset + " exposure in " + portfolio);
    }

    static BigDecimal dec(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asString());
    }

    /** The display rounding of money (8 decimals, half-even), as the API documents it. */
    static BigDecimal money(BigDecimal value) {
        return value.setScale(8, java.math.RoundingMode.HALF_EVEN);
    }

    static void assertMoney(JsonNode node, String field, BigDecimal expected) {
        assertThat(dec(node, field)).as(field + " in " + node).isEqualByComparingTo(money(expected));
    }
}
