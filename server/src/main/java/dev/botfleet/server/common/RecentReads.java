package dev.botfleet.server.common;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Reads of rarely changing rows that a hot path asks for again and again — a user's webhooks and Telegram link, asked
 * on every alert of every bot of the user (a trading fleet of 1,000 bots raised about 1,400 alerts a second, each
 * asking both) — kept per key for at most {@code maxAge}.
 *
 * <p>A write on this node calls {@link #forget} once it committed, and the next read sees it. A write on another
 * node of a cluster is seen within {@code maxAge}. A read that began before a forget is not kept (it may have read the
 * rows before the write), so a forget is never undone by a slower read.
 */
public final class RecentReads<K, V> {
    private record Read<V>(V value, long readAtNanos) {
    }

    /** Above this many keys the whole store is dropped: a bound for a node that serves very many users. */
    private static final int MAX_KEYS = 100_000;

    private final ConcurrentHashMap<K, Read<V>> reads = new ConcurrentHashMap<>();
    /** Counts forgets: a read keeps its value only if none happened while it read. */
    private final AtomicLong forgets = new AtomicLong();
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;

    public RecentReads(java.time.Duration maxAge) {
        this(maxAge, System::nanoTime);
    }

    /** @param nanoTime a monotonic clock in nanoseconds (tests drive their own) */
    public RecentReads(java.time.Duration maxAge, LongSupplier nanoTime) {
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The value kept for {@code key} if it is younger than the maximum age, else {@code read}'s answer (then kept). */
    public V get(K key, Function<K, V> read) {
        long now = nanoTime.getAsLong();
        Read<V> kept = reads.get(key);
        if (kept != null && now - kept.readAtNanos < maxAgeNanos) return kept.value;
        long forgetsBefore = forgets.get();
        V value = read.apply(key);
        if (forgets.get() == forgetsBefore) {
            if (reads.size() >= MAX_KEYS) reads.clear();
            reads.put(key, new Read<>(value, now));
        }
        return value;
    }

    /** {@code key}'s rows changed: the next read goes to the database. */
    public void forget(K key) {
        forgets.incrementAndGet();
        reads.remove(key);
    }

    /** Rows of unknown keys changed (e.g. a chat that was linked to some user). */
    public void forgetAll() {
        forgets.incrementAndGet();
        reads.clear();
    }

    /**
     * {@link #forget} once the current transaction committed (now, outside one): the next read sees the write. Called
     * after the write's statements, so that outside a transaction the write is committed when the key is forgotten.
     */
    public void forgetAfterCommit(K key) {
        forget(key);  // also now: a read until the commit may keep the old rows, but never past the commit's forget
        AfterCommit.run(() -> forget(key));
    }

    /** {@link #forgetAll} once the current transaction committed (now, outside one). */
    public void forgetAllAfterCommit() {
        forgetAll();
        AfterCommit.run(this::forgetAll);
    }
}
