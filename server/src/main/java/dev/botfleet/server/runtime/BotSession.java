package dev.botfleet.server.runtime;

import dev.botfleet.engine.kernel.ActivityEntry;
import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.strategy.WarmupProgress;
import dev.botfleet.engine.kernel.KernelListener;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.position.PositionSnapshot;
import dev.botfleet.engine.runtime.BotCommand;
import dev.botfleet.engine.runtime.BotRunner;
import dev.botfleet.engine.runtime.MarketDataHub;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One running bot in the server: its {@link BotRunner} (kernel behind a mailbox), its market-data subscription, and
 * the {@link KernelListener} that turns what the kernel reports into activity-log lines, stream messages and status
 * changes. Listener methods run on the bot's turn, one at a time.
 */
final class BotSession implements KernelListener {
    /** What the session asks of the runtime (activity log, stream, status). */
    interface Outlet {
        void activity(BotSession session, ActivityEntry entry);

        void orderUpdated(BotSession session, OrderSnapshot order);

        void filled(BotSession session, Fill fill);

        void dealCompleted(BotSession session, Deal deal);

        void stopped(BotSession session, String reason, boolean error);

        void warmup(BotSession session, WarmupProgress progress);
    }

    final UUID botId;
    final UUID ownerId;
    final String name;
    /** LIVE (real money): its fills count against the owner's daily loss limit in {@link #quoteAsset}. */
    final boolean live;
    final String quoteAsset;
    private final Outlet outlet;
    private final int maxConsecutiveRejections;
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    BotRunner runner;
    /** For reads from other threads that the kernel makes safe (its warm-up progress); never to drive it. */
    BotKernel kernel;
    /** Candles from before the start for the strategy's warm-up, handed over with the start command. */
    List<Candle> history = List.of();
    MarketDataHub.Subscription subscription;
    /** Lets go of what the bot held outside the kernel (a venue feed, a live port and its key's session). */
    Runnable release = () -> { };
    /**
     * A paper bot on one node writes its order events and fills behind through this (null: every write waits for its
     * commit); what tells the user about them waits for {@link #whenDurable}.
     */
    dev.botfleet.server.common.CommitLane.Backlog writesBehind;
    private volatile boolean journalFailed;
    /** In a cluster, the bot's fenced journal (null on a single node). */
    dev.botfleet.server.order.JdbcOrderJournal journal;
    /**
     * In a cluster: this node gave the bot up (its shard was handed off or its lease lost). The bot stays ACTIVE in the
     * database for its new owner; this session sends nothing more and writes no status.
     */
    volatile boolean abandoned;
    /** The user (or stop-all) asked for the stop: the bot is already STOPPED in the database. */
    volatile boolean stopRequested;
    /** Set when the session decides the bot must go to ERROR (e.g. a rejection loop); the kernel stop follows. */
    private String errorReason;
    /** The mailbox handler threw once: a second failure ends the session without the kernel. */
    volatile boolean failing;
    private int consecutiveRejections;
    /** This bot's exchange+mode counters (docs/operations.md), counted on the bot's turn. */
    dev.botfleet.server.ops.BotMeters.Orders meters = dev.botfleet.server.ops.BotMeters.Orders.NONE;

    BotSession(UUID botId, UUID ownerId, String name, boolean live, String quoteAsset, Outlet outlet,
               int maxConsecutiveRejections) {
        this.botId = botId;
        this.ownerId = ownerId;
        this.name = name;
        this.live = live;
        this.quoteAsset = quoteAsset;
        this.outlet = outlet;
        this.maxConsecutiveRejections = maxConsecutiveRejections;
    }

    /** No order or cancel may leave this node for the bot any more (see {@link #abandoned}, a refused fenced insert). */
    boolean mustNotSend() {
        return abandoned || (journal != null && journal.fenceLost());
    }

    void send(BotCommand command) {
        runner.send(command);
    }

    /** Runs {@code action} once what the bot wrote so far is committed: at once unless it writes behind. */
    void whenDurable(Runnable action) {
        if (writesBehind == null) action.run();
        else writesBehind.afterDurable(action);
    }

    /** A write-behind failed (told once per failure, off the bot's turn): the bot stops in ERROR, once. */
    void journalFailed(RuntimeException e) {
        if (journalFailed) return;
        journalFailed = true;
        fail("its journal could not be written: " + e.getMessage());
    }

    /** Ends the bot in ERROR from outside a kernel turn (e.g. the journal failed). */
    void fail(String reason) {
        if (errorReason == null) errorReason = reason;
        send(new BotCommand.StopInError(reason));
    }

    @Override
    public void onActivity(ActivityEntry entry) {
        outlet.activity(this, entry);
    }

    @Override
    public void onOrderUpdated(OrderSnapshot order, OrderEvent event) {
        outlet.orderUpdated(this, order);
        switch (event) {
            case OrderEvent.OrderSubmitted s -> meters.sent();
            case OrderEvent.OrderDenied d -> meters.denied();
            case OrderEvent.OrderRejected r -> {
                meters.rejected();
                // An exchange that refuses every order (e.g. no balance left) would otherwise be hammered forever.
                if (++consecutiveRejections >= maxConsecutiveRejections && errorReason == null) {
                    errorReason = "the exchange rejected " + consecutiveRejections + " orders in a row (last: "
                            + r.reason() + ")";
                    send(new BotCommand.StopBot(errorReason));
                }
            }
            case OrderEvent.OrderAccepted a -> consecutiveRejections = 0;
            default -> { }
        }
    }

    @Override
    public void onFill(Fill fill, PositionSnapshot position) {
        consecutiveRejections = 0;
        meters.filled();
        outlet.filled(this, fill);
    }

    @Override
    public void onDealCompleted(Deal deal) {
        outlet.dealCompleted(this, deal);
    }

    @Override
    public void onWarmup(WarmupProgress progress) {
        outlet.warmup(this, progress);
    }

    @Override
    public void onStopped(String reason, boolean error) {
        boolean failed = error || errorReason != null;
        outlet.stopped(this, errorReason != null ? errorReason : reason, failed);
    }
}
