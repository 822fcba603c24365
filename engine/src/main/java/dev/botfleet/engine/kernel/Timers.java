package dev.botfleet.engine.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/** A bot's named timers, due in time order (ties in the order they were set). */
final class Timers {
    private record Entry(String name, long at, long seq) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    /** The live entry per name; an entry in the queue that is not live was replaced or canceled. */
    private final Map<String, Entry> live = new HashMap<>();
    private long seq;
    /** When the head of the queue is due (MAX_VALUE if empty): checked on every event without touching the queue. */
    private long earliest = Long.MAX_VALUE;

    void schedule(String name, long atMillis) {
        Entry e = new Entry(name, atMillis, seq++);
        live.put(name, e);
        queue.add(e);
        earliest = Math.min(earliest, atMillis);
    }

    void cancel(String name) {
        live.remove(name);
    }

    /** When the earliest timer is due (a canceled one may still count), MAX_VALUE if none. */
    long earliest() {
        return earliest;
    }

    /** The next timer due at or before {@code now}, removed; null if none. */
    String pollDue(long now) {
        if (now < earliest) return null;
        try {
            while (!queue.isEmpty() && queue.peek().at <= now) {
                Entry e = queue.poll();
                if (live.get(e.name) == e) {
                    live.remove(e.name);
                    return e.name;
                }
            }
            return null;
        } finally {
            earliest = queue.isEmpty() ? Long.MAX_VALUE : queue.peek().at;
        }
    }
}
