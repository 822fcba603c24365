package dev.botfleet.engine.runtime;

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
    /** Only touched inside the shard's turn, which never runs concurrently with itself. */
    private final Object[] batch = new Object[BATCH];

    TickShard(Executor executor) {
        this.executor = executor;
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
        try {
            for (BotRunner r : runners) {
                try {
                    r.deliver(batch, n);
                } catch (RuntimeException e) {
                    // only an onError callback that throws gets here; the other bots still get their ticks
                    if (failure == null) failure = e;
                }
            }
        } finally {
            Arrays.fill(batch, 0, n, null);
            // Same hand-over as BotMailbox: clear the flag, then look again, so no event is stranded.
            scheduled.set(false);
            if (!events.isEmpty() && scheduled.compareAndSet(false, true)) executor.execute(this);
        }
        if (failure != null) throw failure;  // to the executor's handler, after the shard is consistent again
    }
}
