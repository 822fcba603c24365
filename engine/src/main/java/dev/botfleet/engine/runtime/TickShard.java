package dev.botfleet.engine.runtime;

import dev.botfleet.engine.market.Tick;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A slice of one market's bots that receives that market's ticks (and candles) as one executor task instead of one
 * task per bot: the hub posts a tick once per shard, and the shard's turn hands everything that arrived since its last
 * turn to each of its bots in turn ({@link BotRunner#deliver}) — a bot that is idle handles it right here, on this
 * thread; a bot that is busy gets it queued behind its current work. So a tick costs the publisher one enqueue per
 * shard, not per bot, and a bot is visited once per batch of ticks rather than once per tick.
 *
 * <p>Order: a shard is itself single-writer (like a {@link BotMailbox}), and a bot belongs to one shard for as long as
 * it is subscribed, so each bot receives a market's ticks in publish order.
 *
 * <p>Quiet ticks: with {@code skipQuiet}, the ticks (and quiet candles) at the head of the batch that a bot's quiet
 * band holds are not handed to it, only the rest; its decision on them — nothing to do — is told to its {@link TickObserver} once per
 * tick for all such bots together. The bands are read from the shard's own {@link QuietSeats}, never from the bots'
 * objects, so a tick's walk over holding bots reads memory that lies together.
 *
 * <p>Joining and leaving: the hub posts them in line with the market data, and the shard's turn applies them between
 * batches, so a bot gets exactly what was posted after its join and before its leave, and only the shard's turn
 * touches the shard's list of bots.
 *
 * <p>Two steps per batch: the shard's turn first reads every bot's quiet band and tells the quiet decisions, then
 * queues the deliveries to the bots that take part of the batch as a task of its own ({@link #handOn}), behind the
 * other shards' turns already waiting — so the bots that merely hold are decided before the ones that trade spend
 * their turns (a trading fleet's burst: docs/fleet-scale/2026-12-07-part3.md). A batch with nothing to deliver is one
 * task, as before.
 *
 * <p>Sharing: the deliveries of a shard run one after another; a bot that is slow within its own turn delays the rest
 * of its shard's deliveries (at most the hub's shard size − 1 bots) for that batch, never the hub, never a quiet
 * decision, and never other shards, which the executor's other threads keep running.
 */
final class TickShard implements Runnable {
    /** Events taken per turn: bounds the batch a bot handles in one go and the time before the shard yields. */
    static final int BATCH = 64;

    /** A bot joins or leaves the shard. */
    private sealed interface Membership permits Join, Leave {
    }

    private record Join(BotRunner runner) implements Membership {
    }

    private record Leave(BotRunner runner) implements Membership {
    }

    private final Queue<Object> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor executor;
    /** Whether a bot's quiet ticks are skipped. */
    final boolean skipQuiet;
    /** Bots joined and not yet left, as the hub counts them (it writes under its lock). */
    volatile int members;

    // Only touched inside the shard's turn, which never runs concurrently with itself:
    private final QuietSeats seats;
    /** Per seat, its bot, or null. */
    private final BotRunner[] owners;
    /** Per seat, its bot's observer: told of quiet decisions without a read of the bot's object. */
    private final TickObserver[] observers;
    /** Per seat, the market data the shard delivered to its bot, against what the bot took. */
    private final long[] fed;
    /** Seats in use lie below this. */
    private int used;
    private final Object[] batch = new Object[BATCH];
    /** Per event of the batch, how many bots skipped it as quiet. */
    private final int[] quietBots = new int[BATCH];
    /** Within a turn: the seats that get part of the batch, and from which event on. */
    private final int[] deliverTo, deliverFrom;
    /** Not 0: the batch's quiet decisions are told, its deliveries are this shard's next run ({@link #handOn}). */
    private int handedOnEvents, handedOnSeats;
    /** Set once any shard of this market told a quiet decision: from then on deliveries are handed on. */
    private final AtomicBoolean quietSeen;

    /**
     * @param size       the most bots the hub puts in it
     * @param quietSeen  shared by the market's shards: set once any of them decided a bot quiet
     */
    TickShard(Executor executor, boolean skipQuiet, int size, AtomicBoolean quietSeen) {
        this.executor = executor;
        this.quietSeen = quietSeen;
        this.skipQuiet = skipQuiet;
        // twice the bots: a seat a bot left is given away only between its events, so there is always another
        int capacity = 2 * size;
        this.seats = new QuietSeats(capacity);
        this.owners = new BotRunner[capacity];
        this.observers = new TickObserver[capacity];
        this.fed = new long[capacity];
        this.deliverTo = new int[capacity];
        this.deliverFrom = new int[capacity];
    }

    /** @param event a {@code Tick} or a {@code Candle} */
    void post(Object event) {
        events.offer(event);
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) executor.execute(this);
    }

    /** From the hub: the bot gets what is posted from now on. */
    void join(BotRunner runner) {
        post(new Join(runner));
    }

    /** From the hub: the bot gets nothing posted from now on. */
    void leave(BotRunner runner) {
        post(new Leave(runner));
    }

    @Override
    public void run() {
        if (handedOnEvents > 0) {
            deliverHandedOn();
            return;
        }
        int n = 0;
        boolean handOn = false;
        RuntimeException failure = null;
        try {
            // joins and leaves first, then the market data up to the next one: membership is fixed within a batch
            for (Object e; (e = events.peek()) instanceof Membership m; ) {
                events.poll();
                if (m instanceof Join j) seat(j.runner());
                else unseat(((Leave) m).runner());
            }
            for (Object e; n < BATCH && (e = events.peek()) != null && !(e instanceof Membership); ) {
                events.poll();
                batch[n++] = e;
            }
            if (n > 0) {
                int seatsToDeliver = decideQuiet(n);
                if (seatsToDeliver > 0 && !quietSeen.get()) {
                    failure = deliver(n, seatsToDeliver);  // no bot of the market holds: none to put first
                } else if (seatsToDeliver > 0) {
                    handedOnEvents = n;
                    handedOnSeats = seatsToDeliver;
                    handOn = true;
                }
            }
        } finally {
            if (handOn) handOn();
            else finishTurn(n);
        }
        if (failure != null) throw failure;  // to the executor's handler, after the shard is consistent again
    }

    /**
     * The batch's deliveries become a task of their own, queued behind the other shards' turns already waiting — in a
     * fleet, the rest of the same tick. The shard keeps its turn (nothing else of its runs meanwhile), so each bot still
     * gets its market data in order.
     */
    private void handOn() {
        try {
            executor.execute(this);
        } catch (RejectedExecutionException e) {
            deliverHandedOn();  // the executor is shutting down: deliver here rather than strand the batch
        }
    }

    private void deliverHandedOn() {
        int n = handedOnEvents;
        handedOnEvents = 0;
        RuntimeException failure = null;
        try {
            failure = deliver(n, handedOnSeats);
        } finally {
            finishTurn(n);
        }
        if (failure != null) throw failure;  // to the executor's handler, after the shard is consistent again
    }

    private void finishTurn(int n) {
        Arrays.fill(batch, 0, n, null);
        Arrays.fill(quietBots, 0, n, 0);  // already so, unless an observer threw before all were told
        // Same hand-over as BotMailbox: clear the flag, then look again, so no event is stranded.
        scheduled.set(false);
        if (!events.isEmpty() && scheduled.compareAndSet(false, true)) executor.execute(this);
    }

    /**
     * Reads each bot's quiet band and tells its observer the ticks at the head of the batch that the band holds, as
     * decided now; lists the seats with something left to deliver in {@link #deliverTo} (from which event on in
     * {@link #deliverFrom}) and returns how many there are.
     *
     * <p>Why the deliveries wait for a task of their own ({@link #handOn}): a bot that trades on a tick takes its turn
     * for it (a fill booked, new orders journaled: tens of microseconds). Delivered during the walk, in a fleet's burst
     * — hundreds of bots filling on one tick — those turns held up every holding bot behind them, in this shard and in
     * the shards still waiting for the executor, whose decisions cost a band's read each. At 10,000 paper bots that
     * made 6-9 bot-ticks late per fill; deciding every shard's quiet bots first, 0.6-3.1
     * (docs/fleet-scale/2026-12-07-part3.md, "Where a trading fleet's late ticks come from"). Until some bot of the
     * market was decided quiet, a shard delivers at once: a market whose bots take every tick (none has a quiet band)
     * has no decisions to put first and would only pay a task more per shard and batch.
     */
    private int decideQuiet(int n) {
        int seatsToDeliver = 0;
        // per tick of the batch, the bots that skipped it as quiet, counted per observer (the server has one per exchange)
        TickObserver quietObserver = null;
        boolean anyQuiet = false;
        for (int i = 0; i < used; i++) {
            if (owners[i] == null) continue;
            int quiet = skipQuiet ? seats.quietPrefix(i, batch, n, fed[i]) : 0;
            if (quiet > 0) {
                TickObserver o = observers[i];
                if (o != quietObserver) {
                    if (anyQuiet) decidedQuiet(quietObserver, n);
                    quietObserver = o;
                }
                anyQuiet = true;
                for (int k = 0; k < quiet; k++) quietBots[k]++;
            }
            if (quiet < n) {
                deliverTo[seatsToDeliver] = i;
                deliverFrom[seatsToDeliver++] = quiet;
            }
        }
        if (anyQuiet) {
            decidedQuiet(quietObserver, n);
            if (!quietSeen.get()) quietSeen.set(true);  // read first: the market's shards write it once, not per batch
        }
        return seatsToDeliver;
    }

    /** Hands each listed seat's bot its part of the batch; returns the first callback's failure, if any. */
    private RuntimeException deliver(int n, int seatsToDeliver) {
        RuntimeException failure = null;
        for (int p = 0; p < seatsToDeliver; p++) {
            int i = deliverTo[p], from = deliverFrom[p];
            fed[i] += n - from;
            try {
                owners[i].deliver(batch, from, n);
            } catch (RuntimeException e) {
                // only an onError callback that throws gets here; the other bots still get their ticks
                if (failure == null) failure = e;
            }
        }
        return failure;
    }

    /** The bots that skipped a tick of the batch decided on it now: nothing to do. */
    private void decidedQuiet(TickObserver observer, int n) {
        for (int i = 0; i < n && quietBots[i] > 0; i++) {  // a bot skips a prefix: counts only fall along the batch
            if (batch[i] instanceof Tick t) observer.handled(t, quietBots[i]);  // a quiet candle is no tick decided
            quietBots[i] = 0;
        }
    }

    /** The first free seat whose band the bot may use; else (its last bot is inside an event) the first free seat. */
    private void seat(BotRunner runner) {
        int free = -1;
        QuietSeats.Seat seat = null;
        for (int i = 0; i < owners.length && seat == null; i++) {
            if (owners[i] != null) continue;
            if (free < 0) free = i;
            if (!skipQuiet) break;
            seat = seats.seat(i);
            if (seat != null) free = i;
        }
        owners[free] = runner;
        observers[free] = runner.tickObserver();
        fed[free] = 0;
        used = Math.max(used, free + 1);
        // the bot keeps the seat only while this is its one market; a bot without one is handed every tick
        if (seat != null) runner.seated(seat);
    }

    private void unseat(BotRunner runner) {
        for (int i = 0; i < used; i++) {
            if (owners[i] == runner) {
                owners[i] = null;
                observers[i] = null;
                break;
            }
        }
        while (used > 0 && owners[used - 1] == null) used--;
    }
}
