package dev.botfleet.server.order;

import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.position.PositionSnapshot;
import dev.botfleet.server.common.BatchedRow;
import dev.botfleet.server.common.Ids;
import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;

/**
 * The journal's writes as statements and parameters: run one by one by {@link OrderRepository}, or handed to a group
 * commit as {@link BatchedRow}s — a paper bot writing behind its turn books a fill as rows of its commit's JDBC batches
 * (order, trade, position, deal, the bot's totals), no savepoint and no round trip of its own (docs/fleet-scale.md,
 * "A fill as rows"). Each row's stage lets it build on the rows before it: a trade looks its order up, so orders come
 * first.
 */
public final class JournalRows {
    static final String ORDER_COLUMNS = """
            id, owner_id, bot_id, client_order_id, exchange_order_id, exchange, symbol, side, type, time_in_force,
            price, quantity, filled_quantity, average_price, fee, fee_currency, status, reason, acknowledged,
            close_reason, trigger_price, created_at, updated_at, lease_epoch""";
    static final String ORDER_VALUES = """
            :id, :owner, :bot, :cid, :eid, :exchange, :symbol, :side, :type, :tif, :price, :qty, :filled, :avg, :fee,
            :feeCurrency, :status, :reason, :ack, :closeReason, :trigger, :created, :updated, :epoch""";
    static final String TRADE_COLUMNS = """
            id, owner_id, bot_id, order_id, trade_id, symbol, side, price, quantity, fee, fee_currency, realized_pnl,
            executed_at, client_order_id, exchange, liquidity""";
    static final String INSERT_ORDER = "INSERT INTO orders (" + ORDER_COLUMNS + ") VALUES (" + ORDER_VALUES + ")";
    static final String UPDATE_ORDER = """
            UPDATE orders SET exchange_order_id = :eid, filled_quantity = :filled, average_price = :avg,
                fee = :fee, fee_currency = :feeCurrency, status = :status, reason = :reason,
                acknowledged = :ack, updated_at = :updated
            WHERE bot_id = :bot AND client_order_id = :cid""";
    /**
     * The order lookup, the duplicate check and the insert in one statement: no trade is booked twice. The duplicate
     * check looks the order up again rather than joining {@code o}: PostgreSQL plans a prepared statement once for all
     * parameters after five runs, and planned on the nearly empty tables of a fresh fleet, the join became a scan of
     * the trades' unique index on its second column — every fill read all trades, and one fleet's writer spent most
     * of its time there (docs/fleet-scale.md, "A fill as rows"). Compared with a value, both columns are looked up.
     */
    static final String INSERT_TRADE_ONCE = "INSERT INTO trades (" + TRADE_COLUMNS + ")\n" + """
            SELECT :id, :owner, :bot, o.id, :trade, :symbol, :side, :price, :qty, :fee, :feeCurrency,
                :pnl, :at, :cid, :exchange, :liquidity
              FROM orders o
             WHERE o.bot_id = :bot AND o.client_order_id = :cid
               AND NOT EXISTS (SELECT 1 FROM trades t WHERE t.trade_id = :trade
                   AND t.order_id = (SELECT id FROM orders WHERE bot_id = :bot AND client_order_id = :cid))""";
    /**
     * The bot's position in its symbol, created at its first write: one statement (standard SQL, H2 and PostgreSQL).
     * The flat point's columns change only when this fill left the bot flat (their parameters are null otherwise).
     */
    static final String SAVE_POSITION = """
            MERGE INTO positions p
            USING (SELECT CAST(:bot AS UUID) AS bot_id, CAST(:symbol AS VARCHAR(32)) AS symbol) v
               ON p.bot_id = v.bot_id AND p.symbol = v.symbol
            WHEN MATCHED THEN UPDATE SET quantity = :qty, average_entry_price = :avg, realized_pnl = :pnl, fees = :fees,
                funding = :funding, liquidation_price = :liquidation, leverage = :leverage, updated_at = :updated,
                flat_client_order_id = COALESCE(CAST(:flatCid AS VARCHAR(64)), p.flat_client_order_id),
                flat_trade_id = COALESCE(CAST(:flatTrade AS VARCHAR(128)), p.flat_trade_id),
                flat_realized_pnl = COALESCE(CAST(:flatPnl AS NUMERIC(38, 18)), p.flat_realized_pnl),
                flat_fees = COALESCE(CAST(:flatFees AS VARCHAR(500)), p.flat_fees),
                flat_base_flow = COALESCE(CAST(:flatBase AS NUMERIC(38, 18)), p.flat_base_flow),
                flat_quote_flow = COALESCE(CAST(:flatQuote AS NUMERIC(38, 18)), p.flat_quote_flow),
                flat_at = COALESCE(CAST(:flatAt AS TIMESTAMP WITH TIME ZONE), p.flat_at),
                flat_open_orders = COALESCE(CAST(:flatOpen AS VARCHAR(4000)), p.flat_open_orders),
                flat_next_sequence = COALESCE(CAST(:flatNext AS BIGINT), p.flat_next_sequence)
            WHEN NOT MATCHED THEN INSERT (id, owner_id, bot_id, exchange, symbol, quantity, average_entry_price,
                realized_pnl, fees, funding, liquidation_price, leverage, updated_at, flat_client_order_id,
                flat_trade_id, flat_realized_pnl, flat_fees, flat_base_flow, flat_quote_flow, flat_at, flat_open_orders,
                flat_next_sequence)
              VALUES (:id, :owner, v.bot_id, :exchange, v.symbol, :qty, :avg, :pnl, :fees, :funding, :liquidation,
                :leverage, :updated, :flatCid, :flatTrade, :flatPnl, :flatFees, :flatBase, :flatQuote, :flatAt,
                :flatOpen, :flatNext)""";
    static final String INSERT_DEAL = """
            INSERT INTO deals (id, owner_id, bot_id, symbol, direction, quantity, entry_price, exit_price, pnl,
                fees, close_reason, opened_at, closed_at)
            VALUES (:id, :owner, :bot, :symbol, :direction, :qty, :entry, :exit, :pnl, :fees, :reason,
                :opened, :closed)""";
    static final String BOOK_ON_BOT = """
            UPDATE bots SET pnl = pnl + :pnl, total_trades = total_trades + :deals,
                last_fill_time = :lastFill, updated_at = :now WHERE id = :bot""";

    private final NamedParameterJdbcOperations jdbc;

    JournalRows(NamedParameterJdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public BatchedRow newOrder(UUID ownerId, UUID botId, OrderSnapshot s) {
        return new BatchedRow(jdbc, INSERT_ORDER, newOrderParams(ownerId, botId, s), BatchedRow.ORDERS, null);
    }

    /** Fails its unit if the order was never journaled (every order is, before it is sent). */
    public BatchedRow orderUpdate(UUID botId, OrderSnapshot s) {
        return new BatchedRow(jdbc, UPDATE_ORDER, orderUpdateParams(botId, s), BatchedRow.ORDER_UPDATES,
                "order " + s.clientOrderId() + " is not in the journal");
    }

    /** Fails its unit if the trade is booked already or its order is not journaled (the kernel books a trade once). */
    public BatchedRow trade(UUID ownerId, UUID botId, Fill f) {
        return new BatchedRow(jdbc, INSERT_TRADE_ONCE, tradeParams(ownerId, botId, f), BatchedRow.TRADES,
                "trade " + f.tradeId() + " of order " + f.clientOrderId() + " is booked already or its order is not"
                        + " in the journal");
    }

    /** @param flat where this fill left the bot flat, or null (the stored flat point stays) */
    public BatchedRow position(UUID ownerId, UUID botId, PositionSnapshot p, String quoteAsset, FlatMark flat) {
        return new BatchedRow(jdbc, SAVE_POSITION, positionParams(ownerId, botId, p, quoteAsset, flat),
                BatchedRow.POSITIONS, null);
    }

    public BatchedRow deal(UUID ownerId, UUID botId, Deal d) {
        return new BatchedRow(jdbc, INSERT_DEAL, dealParams(ownerId, botId, d), BatchedRow.DEALS, null);
    }

    public BatchedRow botTotals(UUID botId, BigDecimal dealPnl, int deals, Instant lastFill, Instant now) {
        return new BatchedRow(jdbc, BOOK_ON_BOT, botTotalsParams(botId, dealPnl, deals, lastFill, now),
                BatchedRow.BOT_TOTALS, null);
    }

    // ------------------------------------------------------------------ parameters

    /** An order's row, epoch unset (not a fenced insert). */
    static MapSqlParameterSource newOrderParams(UUID ownerId, UUID botId, OrderSnapshot s) {
        return orderParams(ownerId, botId, s).addValue("epoch", null, Types.BIGINT);
    }

    static MapSqlParameterSource orderParams(UUID ownerId, UUID botId, OrderSnapshot s) {
        return new MapSqlParameterSource()
                .addValue("id", Ids.timeOrdered()).addValue("owner", ownerId).addValue("bot", botId)
                .addValue("cid", s.clientOrderId()).addValue("eid", s.exchangeOrderId(), Types.VARCHAR)
                .addValue("exchange", s.exchange())
                .addValue("symbol", s.symbol()).addValue("side", s.side().name()).addValue("type", s.type().name())
                .addValue("tif", s.timeInForce().name()).addValue("price", s.price(), Types.NUMERIC)
                .addValue("qty", s.quantity())
                .addValue("filled", s.filledQuantity()).addValue("avg", s.averagePrice(), Types.NUMERIC)
                .addValue("fee", fee(s), Types.NUMERIC)
                .addValue("feeCurrency", feeCurrency(s), Types.VARCHAR).addValue("status", s.status().name())
                .addValue("reason", reason(s), Types.VARCHAR).addValue("ack", s.acknowledged())
                .addValue("closeReason", s.closeReason() == null ? null : s.closeReason().name(), Types.VARCHAR)
                .addValue("trigger", s.triggerPrice(), Types.NUMERIC)
                .addValue("created", Times.sql(s.createdAt())).addValue("updated", Times.sql(s.updatedAt()));
    }

    static MapSqlParameterSource orderUpdateParams(UUID botId, OrderSnapshot s) {
        return new MapSqlParameterSource()
                .addValue("eid", s.exchangeOrderId(), Types.VARCHAR).addValue("filled", s.filledQuantity())
                .addValue("avg", s.averagePrice(), Types.NUMERIC).addValue("fee", fee(s), Types.NUMERIC)
                .addValue("feeCurrency", feeCurrency(s), Types.VARCHAR).addValue("status", s.status().name())
                .addValue("reason", reason(s), Types.VARCHAR).addValue("ack", s.acknowledged())
                .addValue("updated", Times.sql(s.updatedAt())).addValue("bot", botId).addValue("cid", s.clientOrderId());
    }

    static MapSqlParameterSource tradeParams(UUID ownerId, UUID botId, Fill f) {
        return new MapSqlParameterSource()
                .addValue("id", Ids.timeOrdered()).addValue("owner", ownerId).addValue("bot", botId)
                .addValue("trade", f.tradeId()).addValue("symbol", f.symbol()).addValue("side", f.side().name())
                .addValue("price", f.price()).addValue("qty", f.quantity()).addValue("fee", f.fee())
                .addValue("feeCurrency", f.feeCurrency(), Types.VARCHAR).addValue("pnl", f.realizedPnl())
                .addValue("at", Times.sql(f.executedAt()))
                .addValue("cid", f.clientOrderId()).addValue("exchange", f.exchange())
                .addValue("liquidity", f.liquidity() == null ? null : f.liquidity().name(), Types.VARCHAR);
    }

    static MapSqlParameterSource positionParams(UUID ownerId, UUID botId, PositionSnapshot p, String quoteAsset,
                                                FlatMark flat) {
        return new MapSqlParameterSource()
                .addValue("flatCid", flat == null ? null : flat.clientOrderId(), Types.VARCHAR)
                .addValue("flatTrade", flat == null ? null : flat.tradeId(), Types.VARCHAR)
                .addValue("flatPnl", flat == null ? null : flat.point().realizedPnl(), Types.NUMERIC)
                .addValue("flatFees", flat == null ? null : FlatMark.feesText(flat.point().fees()), Types.VARCHAR)
                .addValue("flatBase", flat == null ? null : flat.flows().base(), Types.NUMERIC)
                .addValue("flatQuote", flat == null ? null : flat.flows().quote(), Types.NUMERIC)
                .addValue("flatAt", flat == null ? null : Times.sql(flat.point().at()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("flatOpen", flat == null ? null : flat.openOrdersText(), Types.VARCHAR)
                .addValue("flatNext", flat == null ? null : flat.nextSequence(), Types.BIGINT)
                .addValue("id", Ids.timeOrdered()).addValue("owner", ownerId).addValue("bot", botId)
                .addValue("exchange", p.exchange()).addValue("symbol", p.symbol()).addValue("qty", p.quantity())
                .addValue("avg", p.averageEntryPrice(), Types.NUMERIC).addValue("pnl", p.realizedPnl())
                .addValue("fees", p.fees().getOrDefault(quoteAsset, BigDecimal.ZERO)).addValue("funding", p.funding())
                .addValue("liquidation", p.liquidationPrice(), Types.NUMERIC)
                .addValue("leverage", p.leverage(), Types.NUMERIC)
                .addValue("updated", Times.sql(p.updatedAt()));
    }

    static MapSqlParameterSource dealParams(UUID ownerId, UUID botId, Deal d) {
        return new MapSqlParameterSource()
                .addValue("id", Ids.timeOrdered()).addValue("owner", ownerId).addValue("bot", botId)
                .addValue("symbol", d.symbol()).addValue("direction", d.direction().name()).addValue("qty", d.quantity())
                .addValue("entry", d.entryPrice()).addValue("exit", d.exitPrice()).addValue("pnl", d.pnl())
                .addValue("fees", d.fees())
                .addValue("reason", d.closeReason() == null ? null : d.closeReason().name(), Types.VARCHAR)
                .addValue("opened", Times.sql(d.openedAt())).addValue("closed", Times.sql(d.closedAt()));
    }

    static MapSqlParameterSource botTotalsParams(UUID botId, BigDecimal dealPnl, int deals, Instant lastFill,
                                                 Instant now) {
        return new MapSqlParameterSource()
                .addValue("pnl", dealPnl).addValue("deals", deals).addValue("lastFill", Times.sql(lastFill))
                .addValue("now", Times.sql(now)).addValue("bot", botId);
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
