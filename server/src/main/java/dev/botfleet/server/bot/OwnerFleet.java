package dev.botfleet.server.bot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * One owner's bots in the {@link BotDirectory}: their ids, their order newest first (sorted again only when a bot
 * joins or leaves), and their totals, kept as each bot's stored row changes rather than added up on every read: the
 * dashboard asks for both on every refresh, and sorting and adding up a thousand bots each time was most of what
 * those two requests allocated (docs/fleet-scale.md, "What a request allocates").
 */
final class OwnerFleet {
    private final Set<UUID> ids = ConcurrentHashMap.newKeySet();
    private final AtomicLong joinsAndLeaves = new AtomicLong();
    /** The ids newest first, as of a count of joins and leaves: sorted again when a bot joined or left since. */
    private volatile Sorted newestFirst = new Sorted(-1, List.of());
    private final FleetTotals totals = new FleetTotals();

    Set<UUID> ids() {
        return ids;
    }

    /**
     * The bot is this owner's.
     *
     * @param placed whether its insertion sequence is new to the directory (first read): it takes its place in the order
     */
    void join(UUID id, boolean placed) {
        if (ids.add(id) | placed) joinsAndLeaves.incrementAndGet();
    }

    void leave(UUID id) {
        if (ids.remove(id)) joinsAndLeaves.incrementAndGet();
    }

    /** The ids newest first, by their bots' insertion sequence. */
    List<UUID> newestFirst(ToLongFunction<UUID> seq) {
        long version = joinsAndLeaves.get();  // before the copy: a join or leave meanwhile makes the next read sort again
        Sorted sorted = newestFirst;
        if (sorted.version == version) return sorted.ids;
        List<UUID> copy = new ArrayList<>(ids);
        copy.sort(Comparator.comparingLong(seq).reversed());
        sorted = new Sorted(version, List.copyOf(copy));
        newestFirst = sorted;
        return sorted.ids;
    }

    private record Sorted(long version, List<UUID> ids) {
    }

    /** One bot's stored row went from {@code before} to {@code after} (either null: absent). */
    synchronized void replace(Bot before, Bot after) {
        if (before != null) totals.remove(before);
        if (after != null) totals.add(after);
    }

    synchronized BotRepository.Summary summary() {
        return totals.summary();
    }
}
