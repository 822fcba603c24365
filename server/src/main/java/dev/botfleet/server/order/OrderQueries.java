package dev.botfleet.server.order;

import dev.botfleet.server.common.Decimals;
import dev.botfleet.server.common.OwnedBot;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the API reads from the journal's tables. Every query filters by owner. */
@Repository
public class OrderQueries {
    /** Per-bot lists answer at most this many rows, newest first (the paged GET /orders reaches the rest). */
    public static final int LIST_LIMIT = 500;

    static final RowMapper<OrderResponse> ORDER = (rs, n) -> new OrderResponse(rs.getObject("id", UUID.class),
            rs.getObject("bot_id", UUID.class), rs.getString("client_order_id"), rs.getString("exchange_order_id"),
            rs.getString("exchange"), rs.getString("symbol"), rs.getString("side"), rs.getString("type"),
            rs.getString("time_in_force"), Decimals.format(rs.getBigDecimal("price")),
            Decimals.format(rs.getBigDecimal("trigger_price")), Decimals.format(rs.getBigDecimal("quantity")), rs.getString("status"),
            Decimals.format(rs.getBigDecimal("filled_quantity")), Decimals.format(rs.getBigDecimal("average_price")),
            Decimals.format(rs.getBigDecimal("fee")), rs.getString("fee_currency"), rs.getString("reason"),
            Times.read(rs, "created_at"), Times.read(rs, "updated_at"), confidence(rs));

    /**
     * The orders' columns plus the ML confidence that placed each (an ml-signal bot's entry), found by client order
     * id among the bot's decisions (index ml_decisions_order_ix); null for every other order.
     */
    private static final String ORDERS = "SELECT o.*, (SELECT MAX(d.confidence) FROM ml_decisions d"
            + " WHERE d.bot_id = o.bot_id AND d.client_order_id = o.client_order_id) AS confidence FROM orders o";

    private static Double confidence(java.sql.ResultSet rs) throws java.sql.SQLException {
        double c = rs.getDouble("confidence");
        return rs.wasNull() ? null : c;
    }

    static final RowMapper<TradeResponse> TRADE = (rs, n) -> new TradeResponse(rs.getObject("id", UUID.class),
            rs.getObject("bot_id", UUID.class), rs.getObject("order_id", UUID.class), rs.getString("client_order_id"),
            rs.getString("trade_id"), rs.getString("symbol"), rs.getString("side"),
            Decimals.format(rs.getBigDecimal("price")), Decimals.format(rs.getBigDecimal("quantity")),
            Decimals.format(rs.getBigDecimal("fee")), rs.getString("fee_currency"),
            Decimals.format(rs.getBigDecimal("realized_pnl")), Times.read(rs, "executed_at"));

    /** A position row; unrealized PnL is filled in by the caller, who knows the last price. */
    public record PositionRow(UUID botId, String exchange, String symbol, BigDecimal quantity,
                              BigDecimal averageEntryPrice, BigDecimal realizedPnl, BigDecimal fees,
                              java.time.Instant updatedAt, BigDecimal funding, BigDecimal liquidationPrice,
                              BigDecimal leverage) {
    }

    private static final String STATUS_FILTER = " AND (CAST(:open AS VARCHAR(8)) IS NULL"
            + " OR (:open = 'open' AND status IN (" + quoted(OrderRepository.OPEN) + "))"
            + " OR (:open = 'closed' AND status NOT IN (" + quoted(OrderRepository.OPEN) + ")))";

    /**
     * One bot's orders, when its owner asks, along the index orders_bot_seq_ix (bot_id, seq): read backwards, newest
     * first, stopping at the page's last row rather than sorting every order the bot ever placed. On PostgreSQL that
     * index holds the rows with {@code seq > 0} (all of them), so that only queries which say so can use it — not the
     * journal's lookups by client order id (db/vendor/postgresql/V58).
     */
    private static final String BOT_ROWS_BY_AGE = OwnedBot.ROWS + " AND o.seq > 0";

    /** A bot's newest orders, at most {@code LIST_LIMIT}. */
    static final String BOT_ORDERS = ORDERS + " WHERE " + BOT_ROWS_BY_AGE + STATUS_FILTER
            + " ORDER BY seq DESC LIMIT " + LIST_LIMIT;

    /**
     * One order of the owner's bot, by its primary key alone: written "owner_id = :owner AND bot_id = :bot", PostgreSQL
     * planned it once for all parameters on a fresh fleet's empty tables along the owner's index (owner_id, seq) and
     * read every order of the fleet to find one. Compared with IS NOT DISTINCT FROM (the same for columns that are
     * never null, but no index answers it), the owner and the bot are checked on the row found (as {@link OwnedBot}).
     */
    static final String ONE_ORDER = ORDERS + " WHERE o.id = :id AND o.owner_id IS NOT DISTINCT FROM :owner"
            + " AND o.bot_id IS NOT DISTINCT FROM :bot";

    private final JdbcClient jdbc;

    public OrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OrderResponse> botOrders(UUID ownerId, UUID botId, String openOrClosed) {
        return jdbc.sql(BOT_ORDERS).param("owner", ownerId).param("bot", botId).param("open", openOrClosed).query(ORDER).list();
    }

    public List<OrderResponse> orders(UUID ownerId, UUID botId, String openOrClosed, Paging paging) {
        return jdbc.sql(ORDERS + " WHERE " + ownerAndBot(botId)
                        + STATUS_FILTER + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .param("owner", ownerId).param("bot", botId).param("open", openOrClosed)
                .param("limit", paging.size()).param("offset", paging.offset()).query(ORDER).list();
    }

    public long countOrders(UUID ownerId, UUID botId, String openOrClosed) {
        return jdbc.sql("SELECT COUNT(*) FROM orders o WHERE " + ownerAndBot(botId) + STATUS_FILTER)
                .param("owner", ownerId).param("bot", botId).param("open", openOrClosed).query(Long.class).single();
    }

    public Optional<OrderResponse> order(UUID ownerId, UUID botId, UUID orderId) {
        return jdbc.sql(ONE_ORDER)
                .param("owner", ownerId).param("bot", botId).param("id", orderId).query(ORDER).optional();
    }

    public Optional<OrderResponse> orderByClientId(UUID botId, String clientOrderId) {
        return jdbc.sql(ORDERS + " WHERE bot_id = :bot AND client_order_id = :cid")
                .param("bot", botId).param("cid", clientOrderId).query(ORDER).optional();
    }

    /** One page of the bot's trades, newest first, {@code LIST_LIMIT} a page. */
    public List<TradeResponse> trades(UUID ownerId, UUID botId, int page) {
        return jdbc.sql("SELECT * FROM trades WHERE " + OwnedBot.ROWS + " ORDER BY seq DESC LIMIT " + LIST_LIMIT
                        + " OFFSET :offset")
                .param("owner", ownerId).param("bot", botId).param("offset", (long) page * LIST_LIMIT).query(TRADE).list();
    }

    /**
     * One fill of the bot's order, as the event stream tells it after each fill: by the trades' unique index (order_id,
     * trade_id), the order found by its own (bot_id, client_order_id). Not "bot_id = :bot AND client_order_id = :cid
     * AND trade_id = :trade": no index of trades has the client order id, so that read every fill the bot ever made,
     * on each fill while its owner watched.
     */
    static final String ONE_TRADE = "SELECT * FROM trades WHERE trade_id = :trade"
            + " AND order_id = (SELECT o.id FROM orders o WHERE o.bot_id = :bot AND o.client_order_id = :cid)";

    public Optional<TradeResponse> trade(UUID botId, String clientOrderId, String tradeId) {
        return jdbc.sql(ONE_TRADE)
                .param("bot", botId).param("cid", clientOrderId).param("trade", tradeId).query(TRADE).optional();
    }

    public List<PositionRow> positions(UUID ownerId, UUID botId) {
        return jdbc.sql("SELECT * FROM positions WHERE " + OwnedBot.ROWS + " ORDER BY symbol")
                .param("owner", ownerId).param("bot", botId)
                .query((rs, n) -> new PositionRow(rs.getObject("bot_id", UUID.class), rs.getString("exchange"),
                        rs.getString("symbol"), rs.getBigDecimal("quantity"), rs.getBigDecimal("average_entry_price"),
                        rs.getBigDecimal("realized_pnl"), rs.getBigDecimal("fees"), Times.read(rs, "updated_at"),
                        rs.getBigDecimal("funding"), rs.getBigDecimal("liquidation_price"), rs.getBigDecimal("leverage")))
                .list();
    }

    public record DealCounts(long wins, long losses) {
    }

    public DealCounts dealCounts(UUID ownerId, UUID botId) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(CASE WHEN pnl > 0 THEN 1 ELSE 0 END), 0) AS wins,
                               COALESCE(SUM(CASE WHEN pnl < 0 THEN 1 ELSE 0 END), 0) AS losses
                        FROM deals WHERE
                        """ + OwnedBot.ROWS)
                .param("owner", ownerId).param("bot", botId)
                .query((rs, n) -> new DealCounts(rs.getLong("wins"), rs.getLong("losses"))).single();
    }

    public long fillCount(UUID ownerId, UUID botId) {
        return jdbc.sql("SELECT COUNT(*) FROM trades WHERE " + OwnedBot.ROWS)
                .param("owner", ownerId).param("bot", botId).query(Long.class).single();
    }

    /**
     * The owner's orders, or one bot's by its own index ({@link OwnedBot}, {@link #BOT_ROWS_BY_AGE}); not "(:bot IS NULL
     * OR bot_id = :bot)", which the planner cannot narrow, so a bot's count read every order of its owner's fleet (the
     * stats call of a 1,000-bot account: tens of ms).
     */
    private static String ownerAndBot(UUID botId) {
        return botId == null ? "owner_id = :owner AND CAST(:bot AS UUID) IS NULL" : BOT_ROWS_BY_AGE;
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
    }
}
