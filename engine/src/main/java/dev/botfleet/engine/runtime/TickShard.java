package dev.botfleet.engine.runtime;

import dev.botfleet.engine.market.Tick;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * <p>Quiet ticks: with {@code skipQuiet}, the ticks at the head of the batch that a bot's quiet band holds are not
 * handed to it (a few numbers on its runner decide, {@link BotRunner#skipQuiet}), only the rest; its decision on
 * them — nothing to do — is told to its {@link TickObserver} once per tick for all such bots together.
 *
 * <p>Sharing: the bots of a shard run one after another; a bot that is slow within its own turn delays the rest of its
 * shard (at most the hub's shard size − 1 bots) for that batch, never the hub and never other shards,
 * which the executor's other threads keep running.
 */
final class TickShard implements Runnable {
    /** Events taken per turn: bounds the batch a bot handles in one go and the time before the shard yields. */
    static final int BATCH = 64;

    final CopyOnWriteArrayList<BotRunner> runners = new CopyOnWriteArrayList<>();
    private final Queue<Object> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor executor;
    /** Whether a bot's quiet ticks are skipped ({@link BotRunner#skipQuiet}). */
    final boolean skipQuiet;
    /** Only touched inside the shard's turn, which never runs concurrently with itself. */
    private final Object[] batch = new Object[BATCH];
    /** Per event of the batch, how many bots skipped it as quiet (same turn-only use). */
    private final int[] quietBots = new int[BATCH];

    TickShard(Executor executor, boolean skipQuiet) {
        this.executor = executor;
        this.skipQuiet = skipQuiet;
    }

    /** @param event a {@code Tick} or a {@code Candle} */
    void post(Object event) {
        events.offer(event);
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) executor.execute(this);
    }

    @Override
    public void run() {
        int n = 0;
        Object t;
        while (n < BATCH && (t = events.poll()) != null) batch[n++] = t;
        RuntimeException failure = null;
        // per tick of the batch, the bots that skipped it as quiet, counted per observer (the server has one per exchange)
        TickObserver quietObserver = null;
        boolean anyQuiet = false;
        try {
            for (BotRunner r : runners) {
                try {
                    int quiet = skipQuiet ? r.skipQuiet(batch, n) : 0;
                    if (quiet > 0) {
                        TickObserver o = r.tickObserver();
                        if (o != quietObserver) {
                            if (anyQuiet) decidedQuiet(quietObserver, n);
                            quietObserver = o;
                        }
                        anyQuiet = true;
                        for (int i = 0; i < quiet; i++) quietBots[i]++;
                    }
                    if (quiet < n) r.deliver(batch, quiet, n);
                } catch (RuntimeException e) {
                    // only an onError callback that throws gets here; the other bots still get their ticks
                    if (failure == null) failure = e;
                }
            }
            if (anyQuiet) decidedQuiet(quietObserver, n);
        } finally {
            Arrays.fill(batch, 0, n, null);
            Arrays.fill(quietBots, 0, n, 0);  // already so, unless a bot's callback threw before they were told
            // Same hand-over as BotMailbox: clear the flag, then look again, so no event is stranded.
            scheduled.set(false);
            if (!events.isEmpty() && scheduled.compareAndSet(false, true)) executor.execute(this);
        }
        if (failure != null) throw failure;  // to the executor's handler, after the shard is consistent again
    }

    /** The bots that skipped a tick of the batch decided on it now: nothing to do. */
    private void decidedQuiet(TickObserver observer, int n) {
        for (int i = 0; i < n && quietBots[i] > 0; i++) {  // a bot skips a prefix: counts only fall along the batch
            observer.handled((Tick) batch[i], quietBots[i]);
            quietBots[i] = 0;
        }
    }
}
