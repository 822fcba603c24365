package dev.botfleet.server.order;

import dev.botfleet.server.bot.BotDirectory;
import dev.botfleet.server.common.Ids;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.position.PositionSnapshot;
import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The journal's tables: orders, trades (fills), positions and deals. Writes come from one bot's thread at a time
 * (single writer per bot), reads from the API; every read filters by owner.
 */
@Repository
public class OrderRepository {
    /** Statuses of a working order; the complement (DENIED, FILLED, CANCELED, REJECTED, EXPIRED) is "closed". */
    public static final List<String> OPEN = List.of("INITIALIZED", "SUBMITTED", "ACCEPTED", "PARTIALLY_FILLED", "PENDING_CANCEL");

    private final JdbcClient jdbc;

    /** Told when a bot's row changes here (its status, or what a fill books on it). */
    private final BotDirectory directory;

    public OrderRepository(JdbcClient jdbc, BotDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    // ------------------------------------------------------------------ journal writes

    private static final String ORDER_COLUMNS = """
            id, owner_id, bot_id, client_order_id, exchange_order_id, exchange, symbol, side, type, time_in_force,
            price, quantity, filled_quantity, average_price, fee, fee_currency, status, reason, acknowledged,
            close_reason, trigger_price, created_at, updated_at, lease_epoch""";
    private static final String ORDER_VALUES = """
            :id, :owner, :bot, :cid, :eid, :exchange, :symbol, :side, :type, :tif, :price, :qty, :filled, :avg, :fee,
            :feeCurrency, :status, :reason, :ack, :closeReason, :trigger, :created, :updated, :epoch""";

    public void insertOrder(UUID ownerId, UUID botId, OrderSnapshot s) {
        orderParams(jdbc.sql("INSERT INTO orders (" + ORDER_COLUMNS + ") VALUES (" + ORDER_VALUES + ")"),
                ownerId, botId, s).param("epoch", null, java.sql.Types.BIGINT).update();
    }

    /**
     * The fenced insert of an order intent (cluster, PostgreSQL; docs/cluster.md): one statement that inserts the row
     * only while {@code fence}'s lease is held by its owner under its epoch and unexpired by the database's clock. The
     * lease row is share-locked, so a takeover (which updates that row) either waits for this insert to commit — and
     * then sees the intent when it reconciles — or commits first, and then this insert finds a newer epoch and inserts
     * nothing. False when nothing was inserted: the order must not be sent.
     */
    public boolean insertOrderFenced(UUID ownerId, UUID botId, OrderSnapshot s, LeaseFence fence) {
        return orderParams(jdbc.sql("INSERT INTO orders (" + ORDER_COLUMNS + ") SELECT " + ORDER_VALUES + " " + """
                         WHERE EXISTS (SELECT 1 FROM shard_leases
                            WHERE shard = :shard AND owner = :leaseOwner AND epoch = :epoch
                              AND expires_at > clock_timestamp() FOR SHARE)"""),
                ownerId, botId, s)
                .param("epoch", fence.epoch()).param("shard", fence.shard()).param("leaseOwner", fence.owner())
                .update() == 1;
    }

    /**
     * Inside a bot's journal transaction in a cluster: true while {@code fence}'s lease is still held, unexpired by the
     * database's clock; the lease row stays share-locked until the transaction ends, so a take-over waits for it.
     */
    public boolean holdsLease(LeaseFence fence) {
        return jdbc.sql("""
                        SELECT 1 FROM shard_leases WHERE shard = :shard AND owner = :leaseOwner AND epoch = :epoch
                          AND expires_at > clock_timestamp() FOR SHARE""")
                .param("shard", fence.shard()).param("leaseOwner", fence.owner()).param("epoch", fence.epoch())
                .query(Integer.class).optional().isPresent();
    }

    private static JdbcClient.StatementSpec orderParams(JdbcClient.StatementSpec sql, UUID ownerId, UUID botId,
                                                        OrderSnapshot s) {
        return sql.param("id", Ids.timeOrdered()).param("owner", ownerId).param("bot", botId)
                .param("cid", s.clientOrderId()).param("eid", s.exchangeOrderId(), java.sql.Types.VARCHAR)
                .param("exchange", s.exchange())
                .param("symbol", s.symbol()).param("side", s.side().name()).param("type", s.type().name())
                .param("tif", s.timeInForce().name()).param("price", s.price(), java.sql.Types.NUMERIC)
                .param("qty", s.quantity())
                .param("filled", s.filledQuantity()).param("avg", s.averagePrice(), java.sql.Types.NUMERIC)
                .param("fee", fee(s), java.sql.Types.NUMERIC)
                .param("feeCurrency", feeCurrency(s), java.sql.Types.VARCHAR).param("status", s.status().name())
                .param("reason", reason(s), java.sql.Types.VARCHAR).param("ack", s.acknowledged())
                .param("closeReason", s.closeReason() == null ? null : s.closeReason().name(), java.sql.Types.VARCHAR)
                .param("trigger", s.triggerPrice(), java.sql.Types.NUMERIC)
                .param("created", Times.sql(s.createdAt())).param("updated", Times.sql(s.updatedAt()));
    }

    /** Brings the order row in line with the snapshot; false if the order was never journaled. */
    public boolean updateOrder(UUID botId, OrderSnapshot s) {
        return jdbc.sql("""
                        UPDATE orders SET exchange_order_id = :eid, filled_quantity = :filled, average_price = :avg,
                            fee = :fee, fee_currency = :feeCurrency, status = :status, reason = :reason,
                            acknowledged = :ack, updated_at = :updated
                        WHERE bot_id = :bot AND client_order_id = :cid""")
                .param("eid", s.exchangeOrderId()).param("filled", s.filledQuantity()).param("avg", s.averagePrice())
                .param("fee", fee(s)).param("feeCurrency", feeCurrency(s)).param("status", s.status().name())
                .param("reason", reason(s)).param("ack", s.acknowledged()).param("updated", Times.sql(s.updatedAt()))
                .param("bot", botId).param("cid", s.clientOrderId())
                .update() > 0;
    }

    /**
     * Books a fill of the bot's order {@code f.clientOrderId()} (its row must exist) unless that order already has the
     * trade: one statement for the lookup of the order, the duplicate check and the insert (a fill is the fleet's most
     * frequent write: three round trips were two too many). False when the trade was booked before.
     */
    public boolean insertTradeOnce(UUID ownerId, UUID botId, Fill f) {
        return tradeParams(jdbc.sql("""
                        INSERT INTO trades (id, owner_id, bot_id, order_id, trade_id, symbol, side, price, quantity, fee,
                            fee_currency, realized_pnl, executed_at, client_order_id, exchange, liquidity)
                        SELECT :id, :owner, :bot, o.id, :trade, :symbol, :side, :price, :qty, :fee, :feeCurrency,
                            :pnl, :at, :cid, :exchange, :liquidity
                          FROM orders o
                         WHERE o.bot_id = :bot AND o.client_order_id = :cid
                           AND NOT EXISTS (SELECT 1 FROM trades t WHERE t.order_id = o.id AND t.trade_id = :trade)"""),
                ownerId, botId, f).update() > 0;
    }

    public void insertTrade(UUID ownerId, UUID botId, UUID orderId, Fill f) {
        tradeParams(jdbc.sql("""
                        INSERT INTO trades (id, owner_id, bot_id, order_id, trade_id, symbol, side, price, quantity, fee,
                            fee_currency, realized_pnl, executed_at, client_order_id, exchange, liquidity)
                        VALUES (:id, :owner, :bot, :order, :trade, :symbol, :side, :price, :qty, :fee, :feeCurrency,
                            :pnl, :at, :cid, :exchange, :liquidity)""").param("order", orderId), ownerId, botId, f)
                .update();
    }

    private static JdbcClient.StatementSpec tradeParams(JdbcClient.StatementSpec sql, UUID ownerId, UUID botId, Fill f) {
        return sql.param("id", Ids.timeOrdered()).param("owner", ownerId).param("bot", botId)
                .param("trade", f.tradeId()).param("symbol", f.symbol()).param("side", f.side().name())
                .param("price", f.price()).param("qty", f.quantity()).param("fee", f.fee())
                .param("feeCurrency", f.feeCurrency()).param("pnl", f.realizedPnl()).param("at", Times.sql(f.executedAt()))
                .param("cid", f.clientOrderId()).param("exchange", f.exchange())
                .param("liquidity", f.liquidity() == null ? null : f.liquidity().name());
    }

    public void savePosition(UUID ownerId, UUID botId, PositionSnapshot p, String quoteAsset) {
        BigDecimal fees = p.fees().getOrDefault(quoteAsset, BigDecimal.ZERO);
        int updated = jdbc.sql("""
                        UPDATE positions SET quantity = :qty, average_entry_price = :avg, realized_pnl = :pnl, fees = :fees,
                            funding = :funding, liquidation_price = :liquidation, leverage = :leverage,
                            updated_at = :updated WHERE bot_id = :bot AND symbol = :symbol""")
                .param("qty", p.quantity()).param("avg", p.averageEntryPrice()).param("pnl", p.realizedPnl())
                .param("fees", fees).param("funding", p.funding()).param("liquidation", p.liquidationPrice())
                .param("leverage", p.leverage())
                .param("updated", Times.sql(p.updatedAt())).param("bot", botId).param("symbol", p.symbol())
                .update();
        if (updated > 0) return;
        jdbc.sql("""
                        INSERT INTO positions (id, owner_id, bot_id, exchange, symbol, quantity, average_entry_price,
                            realized_pnl, fees, funding, liquidation_price, leverage, updated_at)
                        VALUES (:id, :owner, :bot, :exchange, :symbol, :qty, :avg, :pnl, :fees, :funding, :liquidation,
                            :leverage, :updated)""")
                .param("id", Ids.timeOrdered()).param("owner", ownerId).param("bot", botId).param("exchange", p.exchange())
                .param("symbol", p.symbol()).param("qty", p.quantity()).param("avg", p.averageEntryPrice())
                .param("pnl", p.realizedPnl()).param("fees", fees).param("funding", p.funding())
                .param("liquidation", p.liquidationPrice()).param("leverage", p.leverage())
                .param("updated", Times.sql(p.updatedAt()))
                .update();
    }

    public void insertDeal(UUID ownerId, UUID botId, Deal d) {
        jdbc.sql("""
                        INSERT INTO deals (id, owner_id, bot_id, symbol, direction, quantity, entry_price, exit_price, pnl,
                            fees, close_reason, opened_at, closed_at)
                        VALUES (:id, :owner, :bot, :symbol, :direction, :qty, :entry, :exit, :pnl, :fees, :reason,
                            :opened, :closed)""")
                .param("id", Ids.timeOrdered()).param("owner", ownerId).param("bot", botId).param("symbol", d.symbol())
                .param("direction", d.direction().name()).param("qty", d.quantity()).param("entry", d.entryPrice())
                .param("exit", d.exitPrice()).param("pnl", d.pnl()).param("fees", d.fees())
                .param("reason", d.closeReason() == null ? null : d.closeReason().name())
                .param("opened", Times.sql(d.openedAt())).param("closed", Times.sql(d.closedAt()))
                .update();
    }

    /** A completed deal moves the bot's pnl and trade count; every fill moves its last fill time. */
    public void bookOnBot(UUID botId, BigDecimal dealPnl, int deals, Instant lastFill, Instant now) {
        jdbc.sql("""
                        UPDATE bots SET pnl = pnl + :pnl, total_trades = total_trades + :deals,
                            last_fill_time = :lastFill, updated_at = :now WHERE id = :bot""")
                .param("pnl", dealPnl).param("deals", deals).param("lastFill", Times.sql(lastFill))
                .param("now", Times.sql(now)).param("bot", botId)
                .update();
        directory.changed(botId);
    }

    // ------------------------------------------------------------------ restore

    public List<OrderSnapshot> openOrders(UUID botId) {
        return jdbc.sql("SELECT * FROM orders WHERE bot_id = :bot AND status IN (:open) ORDER BY seq")
                .param("bot", botId).param("open", OPEN).query(snapshot(botId)).list();
    }

    public List<String> clientOrderIds(UUID botId) {
        return jdbc.sql("SELECT client_order_id FROM orders WHERE bot_id = :bot").param("bot", botId)
                .query(String.class).list();
    }

    /** Every fill of a bot, oldest first: replayed, they rebuild its position and any open deal. */
    public List<Fill> fills(UUID botId) {
        return jdbc.sql("SELECT * FROM trades WHERE bot_id = :bot ORDER BY seq")
                .param("bot", botId)
                .query((rs, n) -> new Fill(botId.toString(), rs.getString("client_order_id"), rs.getString("trade_id"),
                        rs.getString("exchange"), rs.getString("symbol"), OrderSide.valueOf(rs.getString("side")),
                        rs.getBigDecimal("price"), rs.getBigDecimal("quantity"), rs.getBigDecimal("fee"),
                        rs.getString("fee_currency"),
                        rs.getString("liquidity") == null ? null : Liquidity.valueOf(rs.getString("liquidity")),
                        rs.getBigDecimal("realized_pnl"), Times.read(rs, "executed_at")))
                .list();
    }

    private static RowMapper<OrderSnapshot> snapshot(UUID botId) {
        return (rs, n) -> {
            Map<String, BigDecimal> fees = new LinkedHashMap<>();
            if (rs.getString("fee_currency") != null) fees.put(rs.getString("fee_currency"), rs.getBigDecimal("fee"));
            String closeReason = rs.getString("close_reason");
            return new OrderSnapshot(botId.toString(), rs.getString("client_order_id"), rs.getString("exchange_order_id"),
                    rs.getString("exchange"), rs.getString("symbol"), OrderSide.valueOf(rs.getString("side")),
                    OrderType.valueOf(rs.getString("type")), TimeInForce.valueOf(rs.getString("time_in_force")),
                    rs.getBigDecimal("price"), rs.getBigDecimal("quantity"), OrderStatus.valueOf(rs.getString("status")),
                    rs.getBigDecimal("filled_quantity"), rs.getBigDecimal("average_price"), fees, BigDecimal.ZERO,
                    closeReason == null ? null : CloseReason.valueOf(closeReason), rs.getString("reason"),
                    rs.getBoolean("acknowledged"), Times.read(rs, "created_at"), Times.read(rs, "updated_at"),
                    rs.getBigDecimal("trigger_price"));
        };
    }

    private static BigDecimal fee(OrderSnapshot s) {
        return s.fees().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String feeCurrency(OrderSnapshot s) {
        return s.fees().isEmpty() ? null : s.fees().keySet().iterator().next();
    }

    private static String reason(OrderSnapshot s) {
        String r = s.reason();
        return r == null || r.length() <= 500 ? r : r.substring(0, 499) + "…";
    }
}
