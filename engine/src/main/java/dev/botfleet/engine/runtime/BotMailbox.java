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

    /** Events waiting (approximate while others post). */
    public int backlog() {
        return queue.size();
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            E event = queue.poll();
            if (event == null) break;
            try {
                handler.accept(event);
            } catch (RuntimeException e) {
                onError.accept(event, e);
            }
        }
        // The flag is cleared before the last look at the queue, so an event posted meanwhile is never stranded:
        // either its poster sees the flag clear and schedules, or we see its event and reschedule.
        scheduled.set(false);
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) executor.execute(drain);
    }
}
