package dev.botfleet.server.common;

import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * The bots' group commit: a few {@link CommitLane}s, each a writer with its own connection, and every bot's writes
 * always on the same lane. One bot's writes stay in order (its lane is first in, first out, and only that lane's
 * writer touches the bot's journal), while the lanes' writers run their statements side by side — on PostgreSQL
 * most of a unit's time is round trips, which a single writer would do one after another.
 */
public final class GroupCommit implements AutoCloseable {
    private final CommitLane[] lanes;

    public GroupCommit(TransactionTemplate tx, int maxBatch, int writers) {
        this(tx, maxBatch, writers, java.time.Duration.ofSeconds(30), nanos -> { });
    }

    /**
     * @param maxQueueAge a lane whose oldest unit waited longer makes every write-behind wait (see {@link CommitLane})
     * @param waits told each unit's wait from queued to committed, in nanoseconds
     */
    public GroupCommit(TransactionTemplate tx, int maxBatch, int writers, java.time.Duration maxQueueAge,
                       java.util.function.LongConsumer waits) {
        if (writers < 1) throw new IllegalArgumentException("writers must be at least 1, was " + writers);
        lanes = new CommitLane[writers];
        for (int i = 0; i < writers; i++) {
            lanes[i] = new CommitLane(tx, maxBatch, "group-commit-" + i, maxQueueAge, waits);
        }
    }

    /** The lane all of {@code botId}'s writes go through. */
    public CommitLane lane(UUID botId) {
        return lanes[Math.floorMod(botId.hashCode(), lanes.length)];
    }

    /** Commits made by all lanes since start. */
    public long commits() {
        long n = 0;
        for (CommitLane lane : lanes) n += lane.commits();
        return n;
    }

    /** Units of work the lanes' commits carried since start (units / commits is the mean batch). */
    public long units() {
        long n = 0;
        for (CommitLane lane : lanes) n += lane.units();
        return n;
    }

    /** Units queued on all lanes now, not yet taken by their writer. */
    public int waiting() {
        int n = 0;
        for (CommitLane lane : lanes) n += lane.waiting();
        return n;
    }

    @Override
    public void close() {
        for (CommitLane lane : lanes) lane.close();
    }
}
