package dev.botfleet.server.order;

import dev.botfleet.server.common.Decimals;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.order.OrderViews.OrderView;
import dev.botfleet.server.order.OrderViews.PositionView;
import dev.botfleet.server.order.OrderViews.TradeView;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/** Reads what the bot runtime journals. Every query filters by owner. */
@Repository
public class OrderRepository {
    static final String OPEN = "('INITIALIZED', 'SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED', 'PENDING_CANCEL')";
    private static final String ORDER_FILTER = """
            WHERE owner_id = :owner
              AND (CAST(:bot AS UUID) IS NULL OR bot_id = :bot)
              AND (CAST(:state AS VARCHAR(6)) IS NULL
                   OR (CAST(:state AS VARCHAR(6)) = 'open' AND status IN %s)
                   OR (CAST(:state AS VARCHAR(6)) = 'closed' AND status NOT IN %s))""".formatted(OPEN, OPEN);

    private static final RowMapper<OrderView> ORDER = (rs, n) -> new OrderView(rs.getObject("id", UUID.class),
            rs.getObject("bot_id", UUID.class), rs.getString("client_order_id"), rs.getString("exchange_order_id"),
            rs.getString("exchange"), rs.getString("symbol"), rs.getString("side"), rs.getString("type"),
            rs.getString("time_in_force"), Decimals.format(rs.getBigDecimal("price")),
            Decimals.format(rs.getBigDecimal("quantity")), rs.getString("status"),
            Decimals.format(rs.getBigDecimal("filled_quantity")), Decimals.format(rs.getBigDecimal("average_price")),
            Decimals.format(rs.getBigDecimal("fee")), rs.getString("fee_currency"), rs.getString("reason"),
            Times.read(rs, "created_at"), Times.read(rs, "updated_at"));

    private static final RowMapper<TradeView> TRADE = (rs, n) -> new TradeView(rs.getObject("id", UUID.class),
            rs.getObject("bot_id", UUID.class), rs.getObject("order_id", UUID.class), rs.getString("client_order_id"),
            rs.getString("trade_id"), rs.getString("symbol"), rs.getString("side"),
            Decimals.format(rs.getBigDecimal("price")), Decimals.format(rs.getBigDecimal("quantity")),
            Decimals.format(rs.getBigDecimal("fee")), rs.getString("fee_currency"),
            Decimals.format(rs.getBigDecimal("realized_pnl")), Times.read(rs, "executed_at"));

    private static final RowMapper<PositionView> POSITION = (rs, n) -> new PositionView(rs.getObject("bot_id", UUID.class),
            rs.getString("exchange"), rs.getString("symbol"), Decimals.format(rs.getBigDecimal("quantity")),
            Decimals.format(rs.getBigDecimal("average_entry_price")), Decimals.format(rs.getBigDecimal("realized_pnl")),
            null, null, Decimals.format(rs.getBigDecimal("fees")), Times.read(rs, "updated_at"));

    private final JdbcClient jdbc;

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param state "open", "closed" or null for all */
    public List<OrderView> orders(UUID ownerId, UUID botId, String state, Paging paging) {
        return jdbc.sql("SELECT * FROM orders " + ORDER_FILTER + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .param("owner", ownerId).param("bot", botId).param("state", state)
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(ORDER).list();
    }

    public long countOrders(UUID ownerId, UUID botId, String state) {
        return jdbc.sql("SELECT COUNT(*) FROM orders " + ORDER_FILTER)
                .param("owner", ownerId).param("bot", botId).param("state", state).query(Long.class).single();
    }

    public List<TradeView> trades(UUID ownerId, UUID botId, Paging paging) {
        return jdbc.sql("""
                        SELECT t.*, o.client_order_id FROM trades t JOIN orders o ON o.id = t.order_id
                        WHERE t.owner_id = :owner AND t.bot_id = :bot
                        ORDER BY t.seq DESC LIMIT :limit OFFSET :offset""")
                .param("owner", ownerId).param("bot", botId)
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(TRADE).list();
    }

    public long countTrades(UUID ownerId, UUID botId) {
        return jdbc.sql("SELECT COUNT(*) FROM trades WHERE owner_id = :owner AND bot_id = :bot")
                .param("owner", ownerId).param("bot", botId).query(Long.class).single();
    }

    public List<PositionView> positions(UUID ownerId, UUID botId) {
        return jdbc.sql("SELECT * FROM positions WHERE owner_id = :owner AND bot_id = :bot ORDER BY symbol")
                .param("owner", ownerId).param("bot", botId).query(POSITION).list();
    }
}
