package dev.botfleet.engine.backtest.signals;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Recorded signals kept for the length of one optimisation run, so a pair is recorded once per strategy parameter set
 * instead of once per epoch. Freqtrade recomputes indicators per epoch only when the params space is searched; when
 * only roi / stoploss / trailing are searched the signals cannot change, and recording (a full kernel run per pair) is
 * most of an epoch's cost.
 *
 * <p>Safe only because a recording is a pure function of its {@link Key}: the pair's candles are fixed within a run,
 * the strategy is deterministic, and the recording wallet is one no order reaches. Entries are shared read-only
 * between threads.
 *
 * <p>Bounded: least recently used entries are dropped once there are more than {@code maxEntries} or their estimated
 * size ({@link #estimatedBytes}) passes {@code maxBytes}; an entry larger than {@code maxBytes} alone is not kept.
 * Concurrent asks for the same key wait for one recording instead of recording twice.
 */
public final class SignalCache {
    /** A cache that keeps nothing: every ask records. */
    public static final SignalCache NONE = new SignalCache(0, 0);

    /**
     * What a recording depends on within one run.
     *
     * @param pair     the pair (its candles are fixed within a run)
     * @param strategy the catalog strategy id
     * @param params   the strategy's parameters as configured (compared with equals)
     * @param feeRate  the recording instrument's fee rate
     */
    public record Key(String pair, String strategy, Map<String, Object> params, double feeRate) {
        public Key {
            Objects.requireNonNull(pair, "pair");
            Objects.requireNonNull(strategy, "strategy");
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));  // may hold nulls; equals ignores order
        }
    }

    private final int maxEntries;
    private final long maxBytes;
    /** Access order: the first entry is the least recently used. In-flight recordings are futures not yet done. */
    private final LinkedHashMap<Key, CompletableFuture<RecordedSignals>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Key, Long> sizes = new LinkedHashMap<>();
    private long bytes;
    private long recordings;
    private long hits;

    public SignalCache(int maxEntries, long maxBytes) {
        if (maxEntries < 0 || maxBytes < 0) throw new IllegalArgumentException("signal cache bounds must be >= 0");
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * A cache for an optimisation run in a heap of {@code maxHeapBytes}: up to 1024 entries in an eighth of the heap
     * (the rest is for the epochs in flight, see the hyperopt memory bound).
     */
    public static SignalCache forHeap(long maxHeapBytes) {
        return new SignalCache(1024, Math.max(0, maxHeapBytes / 8));
    }

    /** The signals of {@code key}: kept ones, or {@code record}'s (then kept if they fit). */
    public RecordedSignals get(Key key, Supplier<RecordedSignals> record) {
        if (maxEntries == 0 || maxBytes == 0) {
            synchronized (this) {
                recordings++;
            }
            return record.get();
        }
        CompletableFuture<RecordedSignals> existing;
        CompletableFuture<RecordedSignals> mine = null;
        synchronized (this) {
            existing = entries.get(key);
            if (existing != null) {
                hits++;
            } else {
                mine = new CompletableFuture<>();
                entries.put(key, mine);
                recordings++;
            }
        }
        if (existing != null) return await(existing);
        RecordedSignals signals;
        try {
            signals = record.get();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                entries.remove(key);
            }
            mine.completeExceptionally(e);
            throw e;
        }
        mine.complete(signals);
        synchronized (this) {
            long size = estimatedBytes(signals);
            sizes.put(key, size);
            bytes += size;
            evict();
        }
        return signals;
    }

    /** How many times a recording ran (asks that found nothing kept). */
    public synchronized long recordings() {
        return recordings;
    }

    /** How many asks were answered from the cache (or waited for another thread's recording). */
    public synchronized long hits() {
        return hits;
    }

    /** The estimated size of the entries kept now, in bytes. */
    public synchronized long bytes() {
        return bytes;
    }

    /**
     * The columns a recording holds beyond the candles (which belong to the run): two flag bytes and one tag
     * reference (counted at 8 bytes) per candle, 8 bytes per candle per indicator, plus warnings at 2 bytes a char.
     */
    public static long estimatedBytes(RecordedSignals s) {
        long n = s.enterLong().length;
        long size = 256 + n * (2 + 8) + n * 8L * s.indicators().size();
        for (String w : s.warnings()) size += 64 + 2L * w.length();
        return size;
    }

    private void evict() {
        Iterator<Map.Entry<Key, CompletableFuture<RecordedSignals>>> it = entries.entrySet().iterator();
        while ((bytes > maxBytes || sizes.size() > maxEntries) && it.hasNext()) {
            Map.Entry<Key, CompletableFuture<RecordedSignals>> eldest = it.next();
            Long size = sizes.remove(eldest.getKey());
            if (size == null) continue;  // still being recorded by another thread
            it.remove();
            bytes -= size;
        }
    }

    private static RecordedSignals await(CompletableFuture<RecordedSignals> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
