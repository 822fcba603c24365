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

    void schedule(String name, long atMillis) {
        Entry e = new Entry(name, atMillis, seq++);
        live.put(name, e);
        queue.add(e);
    }

    void cancel(String name) {
        live.remove(name);
    }

    /** The next timer due at or before {@code now}, removed; null if none. */
    String pollDue(long now) {
        while (!queue.isEmpty() && queue.peek().at <= now) {
            Entry e = queue.poll();
            if (live.get(e.name) == e) {
                live.remove(e.name);
                return e.name;
            }
        }
        return null;
    }
}
