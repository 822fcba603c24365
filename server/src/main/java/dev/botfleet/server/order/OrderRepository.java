package dev.botfleet.server.order;

import dev.botfleet.server.bot.BotDirectory;
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
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
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
    private final JournalRows rows;

    /** Told when a bot's row changes here (its status, or what a fill books on it). */
    private final BotDirectory directory;

    public OrderRepository(NamedParameterJdbcOperations jdbc, BotDirectory directory) {
        this.jdbc = JdbcClient.create(jdbc);
        this.rows = new JournalRows(jdbc);
        this.directory = directory;
    }

    // ------------------------------------------------------------------ journal writes (statements: JournalRows)

    /** The journal's writes as rows for a group commit's batches (a paper bot writing behind). */
    public JournalRows rows() {
        return rows;
    }

    public void insertOrder(UUID ownerId, UUID botId, OrderSnapshot s) {
        jdbc.sql(JournalRows.INSERT_ORDER).paramSource(JournalRows.newOrderParams(ownerId, botId, s)).update();
    }

    /**
     * The fenced insert of an order intent (cluster, PostgreSQL; docs/cluster.md): one statement that inserts the row
     * only while {@code fence}'s lease is held by its owner under its epoch and unexpired by the database's clock. The
     * lease row is share-locked, so a takeover (which updates that row) either waits for this insert to commit — and
     * then sees the intent when it reconciles — or commits first, and then this insert finds a newer epoch and inserts
     * nothing. False when nothing was inserted: the order must not be sent.
     */
    public boolean insertOrderFenced(UUID ownerId, UUID botId, OrderSnapshot s, LeaseFence fence) {
        return jdbc.sql("WITH idle AS (" + IDLE_LIMIT + ") INSERT INTO orders (" + JournalRows.ORDER_COLUMNS + ") SELECT "
                        + JournalRows.ORDER_VALUES + " FROM idle " + """
                         WHERE EXISTS (SELECT 1 FROM shard_leases
                            WHERE shard = :shard AND owner = :leaseOwner AND epoch = :epoch
                              AND expires_at > clock_timestamp() FOR SHARE)""")
                .paramSource(JournalRows.orderParams(ownerId, botId, s)
                        .addValue("epoch", fence.epoch()).addValue("shard", fence.shard())
                        .addValue("leaseOwner", fence.owner()))
                .update() == 1;
    }

    /**
     * How long a transaction that share-locked a lease row may sit idle between its statements before PostgreSQL ends
     * it (and its session): 5 s, below the lease's 6-s ttl. A take-over updates the lease row and so waits for those
     * share locks; a node frozen inside such a transaction (SIGSTOP, a VM paused) keeps its connection — its kernel
     * still answers TCP — and without a limit the take-over waited as long as the freeze (seen once in
     * ClusterZombieIT). Ended by the server, the frozen transaction's intents and fills are rolled back, and the node, if it
     * resumes, finds its connection closed: it journals nothing more, so it sends nothing more. A healthy writer never
     * idles this long inside a transaction. Set for the transaction only ({@code set_config(…, true)}).
     */
    private static final String SET_IDLE_LIMIT = "set_config('idle_in_transaction_session_timeout', '5000', true)";
    private static final String IDLE_LIMIT = "SELECT " + SET_IDLE_LIMIT;

    /**
     * Inside a bot's journal transaction in a cluster: true while {@code fence}'s lease is still held, unexpired by the
     * database's clock; the lease row stays share-locked until the transaction ends, so a take-over waits for it.
     */
    public boolean holdsLease(LeaseFence fence) {
        // the idle limit is set by the row the lock is taken on (no row, no lock, no limit needed)
        return jdbc.sql("SELECT " + SET_IDLE_LIMIT + " FROM shard_leases " + """
                         WHERE shard = :shard AND owner = :leaseOwner AND epoch = :epoch
                           AND expires_at > clock_timestamp() FOR SHARE""")
                .param("shard", fence.shard()).param("leaseOwner", fence.owner()).param("epoch", fence.epoch())
                .query(String.class).optional().isPresent();
    }

    /** Brings the order row in line with the snapshot; false if the order was never journaled. */
    public boolean updateOrder(UUID botId, OrderSnapshot s) {
        return jdbc.sql(JournalRows.UPDATE_ORDER).paramSource(JournalRows.orderUpdateParams(botId, s)).update() > 0;
    }

    /**
     * Books a fill of the bot's order {@code f.clientOrderId()} (its row must exist) unless that order already has the
     * trade: one statement for the lookup of the order, the duplicate check and the insert (a fill is the fleet's most
     * frequent write: three round trips were two too many). False when the trade was booked before.
     */
    public boolean insertTradeOnce(UUID ownerId, UUID botId, Fill f) {
        return jdbc.sql(JournalRows.INSERT_TRADE_ONCE).paramSource(JournalRows.tradeParams(ownerId, botId, f)).update() > 0;
    }

    public void insertTrade(UUID ownerId, UUID botId, UUID orderId, Fill f) {
        jdbc.sql("INSERT INTO trades (" + JournalRows.TRADE_COLUMNS + ")\n" + """
                        VALUES (:id, :owner, :bot, :order, :trade, :symbol, :side, :price, :qty, :fee, :feeCurrency,
                            :pnl, :at, :cid, :exchange, :liquidity)""")
                .paramSource(JournalRows.tradeParams(ownerId, botId, f).addValue("order", orderId)).update();
    }

    /**
     * The bot's position row, created by its first save (one statement either way).
     *
     * @param flat where the fill being booked left the bot flat, or null (the stored flat point stays)
     */
    public void savePosition(UUID ownerId, UUID botId, PositionSnapshot p, String quoteAsset, FlatMark flat) {
        jdbc.sql(JournalRows.SAVE_POSITION)
                .paramSource(JournalRows.positionParams(ownerId, botId, p, quoteAsset, flat)).update();
    }

    public void insertDeal(UUID ownerId, UUID botId, Deal d) {
        jdbc.sql(JournalRows.INSERT_DEAL).paramSource(JournalRows.dealParams(ownerId, botId, d)).update();
    }

    /** A completed deal moves the bot's pnl and trade count; every fill moves its last fill time. */
    public void bookOnBot(UUID botId, BigDecimal dealPnl, int deals, Instant lastFill, Instant now) {
        jdbc.sql(JournalRows.BOOK_ON_BOT)
                .paramSource(JournalRows.botTotalsParams(botId, dealPnl, deals, lastFill, now)).update();
        botChanged(botId);
    }

    /** The bot's row changed (or will, once the caller's transaction commits): its cached view is stale then. */
    public void botChanged(UUID botId) {
        directory.changed(botId);
    }

    // ------------------------------------------------------------------ restore

    public List<OrderSnapshot> openOrders(UUID botId) {
        return jdbc.sql("SELECT * FROM orders WHERE bot_id = :bot AND status IN (:open) ORDER BY seq")
                .param("bot", botId).param("open", OPEN).query(snapshot(botId)).list();
    }

    /**
     * The bot's orders not in a terminal state, oldest first. From a flat point only the orders it names as maybe open
     * and those placed after it ({@code clientOrderIds}: all the bot's ids, read from the unique index) are looked up;
     * without one, every order of the bot is read for its status.
     */
    public List<OrderSnapshot> openOrders(UUID botId, FlatMark flat, List<String> clientOrderIds) {
        if (flat == null) return openOrders(botId);
        java.util.Set<String> candidates = new java.util.LinkedHashSet<>(flat.openOrders());
        for (String id : clientOrderIds) {
            long sequence = dev.botfleet.engine.order.ClientOrderIds.sequenceOf(id);
            // placed after the mark — or an id not of our making, which says nothing about when
            if (sequence >= flat.nextSequence() || sequence < 0) candidates.add(id);
        }
        if (candidates.isEmpty()) return List.of();
        if (candidates.size() > 1_000) return openOrders(botId);  // long after its mark: as many lookups as a scan
        return jdbc.sql("""
                        SELECT * FROM orders WHERE bot_id = :bot AND client_order_id IN (:ids) AND status IN (:open)
                         ORDER BY seq""")
                .param("bot", botId).param("ids", candidates).param("open", OPEN).query(snapshot(botId)).list();
    }

    public List<String> clientOrderIds(UUID botId) {
        return jdbc.sql("SELECT client_order_id FROM orders WHERE bot_id = :bot").param("bot", botId)
                .query(String.class).list();
    }

    /** Every fill of a bot, oldest first: replayed, they rebuild its position and any open deal. */
    public List<Fill> fills(UUID botId) {
        return jdbc.sql("SELECT * FROM trades WHERE bot_id = :bot ORDER BY seq")
                .param("bot", botId).query(fill(botId)).list();
    }

    /**
     * The bot's flat point in :symbol and the seq of the fill it names (null when the fill is not found, or the bot
     * never stood flat there). The fill is looked up by value, its order by the orders' unique index and the fill by
     * the trades' (order_id, trade_id): written as joins, a fresh fleet's first starts planned them (once for all
     * parameters, on empty tables) as a hash join over a scan of every trade, and kept that plan — each later start
     * would have read all the fleet's fills.
     */
    static final String FLAT_POINT = """
            SELECT p.flat_client_order_id, p.flat_trade_id, p.flat_realized_pnl, p.flat_fees,
                   p.flat_base_flow, p.flat_quote_flow, p.flat_at, p.flat_open_orders, p.flat_next_sequence,
                   (SELECT t.seq FROM trades t WHERE t.trade_id = p.flat_trade_id
                       AND t.order_id = (SELECT o.id FROM orders o
                                          WHERE o.bot_id = :bot AND o.client_order_id = p.flat_client_order_id)) AS seq
              FROM positions p
             WHERE p.bot_id = :bot AND p.symbol = :symbol AND p.flat_client_order_id IS NOT NULL""";

    /**
     * What the bot's start replays: where it last stood flat in {@code symbol} and the fills after that (by the
     * trades' (bot_id, seq) index), or every fill when it never stood flat there. The flat point names its fill; that
     * fill is found by its order and trade id, and only later fills are read.
     */
    public BotHistory history(UUID botId, String symbol) {
        record Stored(FlatMark mark, long seq) { }
        Stored flat = jdbc.sql(FLAT_POINT)
                .param("bot", botId).param("symbol", symbol)
                .query((rs, n) -> rs.getObject("seq") == null ? null : new Stored(new FlatMark(rs.getString(1), rs.getString(2),
                        new dev.botfleet.engine.position.FlatPoint(rs.getBigDecimal(3), FlatMark.parseFees(rs.getString(4)),
                                Times.read(rs, "flat_at")),
                        new SpotFlows(rs.getBigDecimal(5), rs.getBigDecimal(6)),
                        FlatMark.parseOpenOrders(rs.getString("flat_open_orders")), rs.getLong("flat_next_sequence")),
                        rs.getLong("seq")))
                .list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (flat == null) return BotHistory.all(fills(botId));
        return new BotHistory(flat.mark(), jdbc.sql("SELECT * FROM trades WHERE bot_id = :bot AND seq > :seq ORDER BY seq")
                .param("bot", botId).param("seq", flat.seq()).query(fill(botId)).list());
    }

    /** The trade ids each of the bot's orders {@code clientOrderIds} has booked, by client order id. */
    public Map<String, List<String>> tradeIds(UUID botId, java.util.Collection<String> clientOrderIds) {
        if (clientOrderIds.isEmpty()) return Map.of();
        Map<String, List<String>> ids = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT o.client_order_id, t.trade_id FROM orders o JOIN trades t ON t.order_id = o.id
                         WHERE o.bot_id = :bot AND o.client_order_id IN (:ids) ORDER BY t.seq""")
                .param("bot", botId).param("ids", clientOrderIds)
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> ids.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return ids;
    }

    private static RowMapper<Fill> fill(UUID botId) {
        return (rs, n) -> new Fill(botId.toString(), rs.getString("client_order_id"), rs.getString("trade_id"),
                rs.getString("exchange"), rs.getString("symbol"), OrderSide.valueOf(rs.getString("side")),
                rs.getBigDecimal("price"), rs.getBigDecimal("quantity"), rs.getBigDecimal("fee"),
                rs.getString("fee_currency"),
                rs.getString("liquidity") == null ? null : Liquidity.valueOf(rs.getString("liquidity")),
                rs.getBigDecimal("realized_pnl"), Times.read(rs, "executed_at"));
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
}
