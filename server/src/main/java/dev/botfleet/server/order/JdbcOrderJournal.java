package dev.botfleet.server.order;

import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.engine.kernel.OrderJournal;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.position.DealPolicy;
import dev.botfleet.engine.position.DealTracker;
import dev.botfleet.engine.position.FlatPoint;
import dev.botfleet.engine.position.Position;
import dev.botfleet.server.common.BatchedRow;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.common.CommitLane;
import dev.botfleet.server.common.Transactions;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One bot's durable journal (engine {@link OrderJournal}) on the orders, trades, positions and deals tables. Called on
 * the bot's thread; each method's writes are one transaction, committed before it returns (alone, or in a commit shared
 * with other bots' writes: {@link dev.botfleet.server.common.GroupCommit}), so an order is durable before it is
 * sent. A fill, its position, any deal it completes and the bot's pnl / totalTrades / lastFillTime are written in one
 * transaction: they can never disagree, whatever moment the process dies.
 *
 * <p>To know the position and the deal a fill completes inside that transaction, the journal replays fills through
 * its own engine {@link Position} and {@link DealTracker} — the same accounting the kernel does, from the same fills.
 */
public final class JdbcOrderJournal implements OrderJournal {
    private final OrderRepository orders;
    private final Transactions tx;
    private final Clock clock;
    private final UUID ownerId;
    private final UUID botId;
    private final Instrument instrument;
    private final Consumer<Deal> onDealBooked;
    private final DealPolicy policy;
    private final FundingRepository funding;
    private final MarginSettings margin;
    private Position position;
    private DealTracker deals;
    /** What the bot's fills did to a paper account, kept for the flat point (spot). */
    private SpotFlows flows;
    /** The orders that may be open and the next sequence, kept for the flat point ({@link #startsWith}). */
    private OpenOrderIds openOrders = new OpenOrderIds(List.of(), 1);
    /** In a cluster, the lease of the bot's shard: new orders are journaled only while it holds (docs/cluster.md). */
    private volatile LeaseFence fence;
    /** A fenced insert found the lease gone: from now on this bot must send nothing (the runtime's port checks it). */
    private volatile boolean fenceLost;
    /** Paper bots on one node: order events and fills are written behind (null: every write waits for its commit). */
    private CommitLane.Backlog behind;
    private Consumer<RuntimeException> behindFailed;
    /** Told each written-behind intent's client order id when queued and once committed (null: intents wait). */
    private Consumer<String> intentQueued;
    private Consumer<String> intentCommitted;
    /** A write-behind failed: later ones would build on a journal that lacks it, so none is written any more. */
    private volatile RuntimeException broken;

    /**
     * @param onDealBooked told after the commit of a fill that completed a deal (e.g. to publish the bot)
     * @param policy the bot's strategy's {@link dev.botfleet.engine.strategy.Strategy#dealPolicy()}
     * @param margin the bot's leverage on a perpetual (null on spot): the position's liquidation price follows it
     * @param journaled where the bot last stood flat and its fills since ({@link OrderRepository#history})
     * @param journaledFunding the bot's funding settlements so far (perpetuals)
     */
    public JdbcOrderJournal(OrderRepository orders, FundingRepository funding, Transactions tx, Clock clock,
                            UUID ownerId, UUID botId, Instrument instrument, BotHistory journaled,
                            List<FundingPayment> journaledFunding, Consumer<Deal> onDealBooked, DealPolicy policy,
                            MarginSettings margin) {
        this.policy = policy;
        this.orders = orders;
        this.funding = funding;
        this.tx = tx;
        this.clock = clock;
        this.ownerId = ownerId;
        this.botId = botId;
        this.instrument = instrument;
        this.onDealBooked = onDealBooked;
        this.margin = margin;
        replay(journaled, journaledFunding);
    }

    /**
     * From where the bot last stood flat, fills and funding in time order, as the kernel replays them: funding during
     * a deal is part of its PnL.
     */
    private void replay(BotHistory history, List<FundingPayment> payments) {
        position = new Position(botId.toString(), instrument, margin);
        deals = new DealTracker(botId.toString(), instrument.symbol(), instrument.quoteAsset(), instrument.baseAsset(),
                policy);
        if (history.flatPoint() != null) position.startAt(history.flatPoint());
        flows = history.flowsAtStart();
        int next = 0;
        for (Fill f : history.fills()) {
            while (next < payments.size() && payments.get(next).time().isBefore(f.executedAt())) book(payments.get(next++));
            apply(f, null);
        }
        while (next < payments.size()) book(payments.get(next++));
    }

    private void book(FundingPayment payment) {
        position.applyFunding(payment);
        deals.addFunding(payment.amount());
    }

    @Override
    public void recordVenueLiquidationPrice(String bot, BigDecimal price) {
        BigDecimal shownBefore = position.liquidationPrice();
        position.venueLiquidationPrice(price);
        // Flat: no liquidation price to show (the closing fill already stored null). Venues repeat the same figure on
        // every position update: only a change is written.
        if (position.isFlat() || java.util.Objects.equals(shownBefore, position.liquidationPrice())) return;
        tx.run(() -> orders.savePosition(ownerId, botId, position.snapshot(), instrument.quoteAsset(), null));
    }

    /**
     * The bot's pnl is the sum of its completed deals, and a deal's pnl includes the funding paid while it was open: so
     * funding reaches the bot's pnl when the deal closes, and the position's realized PnL at once.
     */
    @Override
    public void recordFunding(String bot, FundingPayment payment) {
        try {
            tx.run(() -> {
                refuseIfBroken("funding at " + payment.time());
                checkFence("funding at " + payment.time());
                if (!funding.insert(ownerId, botId, payment)) return;  // this fixing is already booked
                book(payment);
                orders.savePosition(ownerId, botId, position.snapshot(), instrument.quoteAsset(), null);
            });
        } catch (RuntimeException e) {
            replayJournal();
            throw e;
        }
    }

    /** The mirror again as the tables have it (after a rolled-back write). */
    private void replayJournal() {
        replay(orders.history(botId, instrument.symbol()), funding.of(botId));
    }

    private List<Deal> apply(Fill fill, dev.botfleet.engine.order.CloseReason reason) {
        OrderEvent.OrderFilled event = fill.toEvent();
        BigDecimal before = position.quantity();
        BigDecimal realized = position.apply(event);
        flows = flows.plus(fill);
        return deals.completed(event, before, position.quantity(), realized, reason);
    }

    /**
     * Where {@code fill} (just applied) left a spot bot flat with no deal open, or null: stored with the fill, a
     * restart begins there. Not on a perpetual, whose funding must replay in time order among its fills.
     */
    private FlatMark flatAfter(Fill fill, OrderSnapshot order) {
        if (instrument.isPerpetual() || !position.isFlat() || deals.isOpen()) return null;
        FlatMark mark = new FlatMark(fill.clientOrderId(), fill.tradeId(),
                new FlatPoint(position.realizedPnl(), position.fees(), fill.executedAt()), flows,
                openOrders.idsAfter(order), openOrders.nextSequence());
        // a bot with more open orders than the column holds keeps its earlier mark (any mark is a valid start)
        return mark.openOrdersText().length() > FlatMark.OPEN_ORDERS_TEXT ? null : mark;
    }

    /**
     * Order events and fills go to {@code commits} without waiting (write-behind); order intents still wait for their
     * commit, and the group commit's queue order makes that commit carry everything written behind before. Not for a
     * fenced journal (a cluster node must know its lease held before it goes on) nor real money (a LIVE bot's loss
     * limit is checked on its turn against what is stored).
     *
     * @param failed told (later, off the bot's turn) when a write-behind failed: the bot must stop
     */
    public void writeBehind(CommitLane.Backlog commits, Consumer<RuntimeException> failed) {
        this.behind = commits;
        this.behindFailed = failed;
    }

    /**
     * Order intents written behind too ({@link #writeBehind} first): {@link #recordNew} tells {@code queued} the client
     * order id (on the bot's turn) and returns without waiting; {@code committed} is told once the intent is durable
     * (on the commit's callback thread; never if it failed). Only for an exchange port that sends nothing before that
     * — journal before send kept by the port.
     */
    public void intentsBehind(Consumer<String> queued, Consumer<String> committed) {
        this.intentQueued = queued;
        this.intentCommitted = committed;
    }

    private boolean writesBehind() {
        return behind != null && fence == null;
    }

    /**
     * Queues {@code rows} as one unit of the bot's write-behind (all stored or none, in JDBC batches with the commit's
     * other rows), then {@code committed}. Refused on the writer once an earlier write of the bot failed: later rows
     * would build on a journal that lacks it.
     */
    private void behind(String what, List<BatchedRow> rows, Runnable committed) {
        behind.write(rows, () -> refuseIfBroken(what), e -> broken = e, committed, e -> {
            broken = e;  // also when the commit failed (the rows were written): later writes would build on them
            behindFailed.accept(e);
        });
    }

    private void refuseIfBroken(String what) {
        RuntimeException cause = broken;
        if (cause != null) {
            throw new IllegalStateException("its journal could not be written (an earlier write failed: "
                    + cause.getMessage() + "); not journaled: " + what, cause);
        }
    }

    /**
     * The bot's orders at its start: those not in a terminal state and the sequence of its next one. The journal keeps
     * them up to date, for the flat points it writes.
     */
    public void startsWith(java.util.Collection<String> openOrderIds, long nextSequence) {
        openOrders = new OpenOrderIds(openOrderIds, nextSequence);
    }

    /** From now on every new order is a fenced insert under {@code fence} (a bot owned through a cluster shard). */
    public void fence(LeaseFence fence) {
        this.fence = fence;
    }

    @Override
    public void recordNew(OrderSnapshot order) {
        LeaseFence held = fence;
        if (intentCommitted != null && writesBehind()) {
            String id = order.clientOrderId();
            openOrders.stored(order);
            intentQueued.accept(id);
            behind(id, List.of(orders.rows().newOrder(ownerId, botId, order)), () -> intentCommitted.accept(id));
            return;
        }
        if (held == null) {
            // checked on the writer too: a write-behind queued before this one may fail just before it commits
            tx.run(() -> {
                refuseIfBroken(order.clientOrderId());
                orders.insertOrder(ownerId, botId, order);
            });
            openOrders.stored(order);
            return;
        }
        Boolean inserted = tx.execute(() -> orders.insertOrderFenced(ownerId, botId, order, held));
        // Not journaled means not sent: the kernel sends only after this returns.
        if (!Boolean.TRUE.equals(inserted)) {
            fenceLost = true;
            throw new LeaseLostException(held, order.clientOrderId());
        }
        openOrders.stored(order);
    }

    /**
     * In a cluster every other journal write checks the lease in its own transaction too: a node that lost the bot's
     * shard (a pause past its lease) must not book fills or order events over its new owner's.
     */
    private void checkFence(String what) {
        LeaseFence held = fence;
        if (held == null) return;
        if (fenceLost || !orders.holdsLease(held)) {
            fenceLost = true;
            throw new LeaseLostException(held, what);
        }
    }

    /** True once a fenced insert was refused: the node no longer holds the bot's shard. */
    public boolean fenceLost() {
        return fenceLost;
    }

    @Override
    public void recordEvent(OrderSnapshot order, OrderEvent event) {
        if (writesBehind()) {
            behind(order.clientOrderId(), List.of(orders.rows().orderUpdate(botId, order)), () -> { });
            openOrders.stored(order);
            return;
        }
        tx.run(() -> {
            checkFence(order.clientOrderId());
            if (!orders.updateOrder(botId, order)) orders.insertOrder(ownerId, botId, order);
        });
        openOrders.stored(order);
    }

    @Override
    public void recordFill(OrderSnapshot order, Fill fill) {
        if (writesBehind()) {
            bookBehind(order, fill);
            return;
        }
        List<Deal> booked;
        try {
            booked = tx.execute(() -> {
                checkFence(order.clientOrderId());
                return book(order, fill);
            });
        } catch (RuntimeException e) {
            // the transaction rolled back: forget what the mirror applied, so it matches the tables again
            replayJournal();
            throw e;
        }
        openOrders.stored(order);
        if (booked != null) booked.forEach(onDealBooked);
    }

    /**
     * {@link #book} as rows written behind: the fill is applied to the journal's position here, on the bot's turn (the
     * kernel hands each trade over once: {@code Order} drops a trade id it has), and the rows carry the result.
     */
    private void bookBehind(OrderSnapshot order, Fill fill) {
        JournalRows rows = orders.rows();
        List<Deal> completed = apply(fill, order.closeReason());
        List<BatchedRow> write = new java.util.ArrayList<>(4 + completed.size());
        write.add(rows.orderUpdate(botId, order));
        write.add(rows.trade(ownerId, botId, fill));
        write.add(rows.position(ownerId, botId, position.snapshot(), instrument.quoteAsset(), flatAfter(fill, order)));
        completed.forEach(d -> write.add(rows.deal(ownerId, botId, d)));
        write.add(rows.botTotals(botId, completed.stream().map(Deal::pnl).reduce(BigDecimal.ZERO, BigDecimal::add),
                completed.size(), fill.executedAt(), Times.now(clock)));
        behind(order.clientOrderId(), write, () -> {
            orders.botChanged(botId);
            completed.forEach(onDealBooked);
        });
        openOrders.stored(order);  // queued: if its unit fails, the journal writes nothing more
    }

    /** A fill, its order, position, completed deals and the bot's totals: the caller's transaction. */
    private List<Deal> book(OrderSnapshot order, Fill fill) {
        if (!orders.updateOrder(botId, order)) orders.insertOrder(ownerId, botId, order);
        if (!orders.insertTradeOnce(ownerId, botId, fill)) return List.of();  // already booked
        List<Deal> completed = apply(fill, order.closeReason());
        orders.savePosition(ownerId, botId, position.snapshot(), instrument.quoteAsset(), flatAfter(fill, order));
        completed.forEach(d -> orders.insertDeal(ownerId, botId, d));
        orders.bookOnBot(botId, completed.stream().map(Deal::pnl).reduce(BigDecimal.ZERO, BigDecimal::add),
                completed.size(), fill.executedAt(), Times.now(clock));
        return completed;
    }
}
