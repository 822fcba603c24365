package dev.botfleet.engine.runtime;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Single-writer execution for one bot: events posted from any thread are handled one at a time, in the order posted,
 * on the given executor. A bot with work occupies at most one executor thread and yields after a batch, so many bots
 * share few threads and no bot blocks another. Works with a platform pool or a virtual-thread-per-task executor
 * (then blocking I/O inside a bot's turn only parks its virtual thread).
 *
 * <p>One flag, {@code scheduled}, is the bot's turn: whoever sets it (a drain task, or {@link #deliver} on a thread that
 * finds the bot idle) is the only one handling the bot's events until it clears the flag and looks at the queue again.
 *
 * @param <E> the events this bot handles
 */
public final class BotMailbox<E> {
    /** Events handled before the mailbox yields its thread to other bots. */
    private static final int BATCH = 64;

    private final Queue<E> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor executor;
    private final Consumer<E> handler;
    private final BiConsumer<E, RuntimeException> onError;
    private final Runnable drain = this::drain;

    /**
     * @param handler called with each event, never concurrently with itself
     * @param onError called (on the bot's turn) when the handler throws; the mailbox carries on with the next event
     */
    public BotMailbox(Executor executor, Consumer<E> handler, BiConsumer<E, RuntimeException> onError) {
        this.executor = executor;
        this.handler = handler;
        this.onError = onError;
    }

    /** Queues an event; returns at once. Safe from any thread. */
    public void post(E event) {
        queue.offer(event);
        // Read before CAS: while the bot is busy (the common case under load) a post costs no contended write.
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) executor.execute(drain);
    }

    /**
     * Hands over {@code n} events at once, in order, as if each were {@link #post}ed. If the bot is idle (nothing
     * queued, no turn running or scheduled) they are handled right now on the calling thread, which must then be one
     * the bot may run on (an executor thread, e.g. a {@link TickShard}'s turn): that saves a queue node per event and
     * a task per bot. If the bot is busy they are queued behind its work. Never blocks; at most {@code n} events are
     * handled inline, so the caller gets its thread back after a bounded turn.
     */
    public void deliver(E[] events, int n) {
        deliver(events, 0, n);
    }

    /** The same for {@code events[from]} up to (not including) {@code events[to]}. */
    public void deliver(E[] events, int from, int to) {
        if (from >= to) return;
        if (scheduled.get() || !scheduled.compareAndSet(false, true)) {
            for (int i = from; i < to; i++) queue.offer(events[i]);
            if (!scheduled.get() && scheduled.compareAndSet(false, true)) executor.execute(drain);
            return;
        }
        // We own the bot's turn. Events queued before we got it come first: queue ours behind them and drain as usual.
        if (!queue.isEmpty()) {
            for (int i = from; i < to; i++) queue.offer(events[i]);
            drain();
            return;
        }
        try {
            for (int i = from; i < to; i++) handle(events[i]);
        } finally {
            release();  // even if onError itself threw: a wedged flag would silence the bot for good
        }
    }

    /** Events waiting (approximate while others post). */
    public int backlog() {
        return queue.size();
    }

    private void drain() {
        try {
            for (int i = 0; i < BATCH; i++) {
                E event = queue.poll();
                if (event == null) break;
                handle(event);
            }
        } finally {
            release();
        }
    }

    private void handle(E event) {
        try {
            handler.accept(event);
        } catch (RuntimeException e) {
            onError.accept(event, e);
        }
    }

    private void release() {
        // The flag is cleared before the last look at the queue, so an event posted meanwhile is never stranded:
        // either its poster sees the flag clear and schedules, or we see its event and reschedule.
        scheduled.set(false);
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) executor.execute(drain);
    }
}
