package dev.botfleet.engine.runtime;

import dev.botfleet.engine.market.Tick;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
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
 * <p>Sharing: the bots of a shard run one after another; a bot that is slow within its own turn delays the rest of its
 * shard (at most the hub's shard size − 1 bots) for that batch, never the hub and never other shards,
 * which the executor's other threads keep running.
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

    /** @param size the most bots the hub puts in it */
    TickShard(Executor executor, boolean skipQuiet, int size) {
        this.executor = executor;
        this.skipQuiet = skipQuiet;
        // twice the bots: a seat a bot left is given away only between its events, so there is always another
        int capacity = 2 * size;
        this.seats = new QuietSeats(capacity);
        this.owners = new BotRunner[capacity];
        this.observers = new TickObserver[capacity];
        this.fed = new long[capacity];
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
        int n = 0;
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
            if (n > 0) failure = walk(n);
        } finally {
            Arrays.fill(batch, 0, n, null);
            Arrays.fill(quietBots, 0, n, 0);  // already so, unless a bot's callback threw before they were told
            // Same hand-over as BotMailbox: clear the flag, then look again, so no event is stranded.
            scheduled.set(false);
            if (!events.isEmpty() && scheduled.compareAndSet(false, true)) executor.execute(this);
        }
        if (failure != null) throw failure;  // to the executor's handler, after the shard is consistent again
    }

    /** Hands the batch to each bot, less the quiet ticks at its head; returns the first callback's failure, if any. */
    private RuntimeException walk(int n) {
        RuntimeException failure = null;
        // per tick of the batch, the bots that skipped it as quiet, counted per observer (the server has one per exchange)
        TickObserver quietObserver = null;
        boolean anyQuiet = false;
        for (int i = 0; i < used; i++) {
            BotRunner r = owners[i];
            if (r == null) continue;
            try {
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
                    fed[i] += n - quiet;
                    r.deliver(batch, quiet, n);
                }
            } catch (RuntimeException e) {
                // only an onError callback that throws gets here; the other bots still get their ticks
                if (failure == null) failure = e;
            }
        }
        if (anyQuiet) decidedQuiet(quietObserver, n);
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
