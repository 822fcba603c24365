package dev.botfleet.server.common;

import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The bots' group commit: a few {@link CommitLane}s, each a writer with its own connection, and every bot's writes
 * always on the same lane. One bot's writes stay in order (its lane is first in, first out, and only that lane's
 * writer touches the bot's journal), while the lanes' writers run their statements side by side — on PostgreSQL
 * most of a unit's time is round trips, which a single writer would do one after another.
 *
 * <p>Two sets of lanes: {@link #lane} for writes a caller waits for (LIVE bots, a cluster's fenced bots), at normal
 * CPU priority, exactly as before there were two; and {@link #behindLane} for the bots that write behind their turns
 * (paper bots on one node), whose writers run at a lower priority ({@link ThreadNiceness}) and take the CPU the bots'
 * turns and the API leave. A bot uses one set for all its writes, so its order is kept.
 */
public final class GroupCommit implements AutoCloseable {
    private final CommitLane[] lanes;
    /** The write-behind bots' lanes (the same objects as {@link #lanes} when their niceness is 0). */
    private final CommitLane[] behindLanes;
    /** Every distinct lane, for the metrics and for closing. */
    private final java.util.List<CommitLane> all;

    public GroupCommit(TransactionTemplate tx, int maxBatch, int writers) {
        this(tx, maxBatch, writers, java.time.Duration.ofSeconds(30), nanos -> { }, 0);
    }

    /**
     * @param maxQueueAge a lane whose oldest unit waited longer makes every write-behind wait (see {@link CommitLane})
     * @param waits told each unit's wait from queued to committed, in nanoseconds
     * @param writerNiceness the writers' nice value (0 normal … 19 lowest; see {@link ThreadNiceness})
     */
    public GroupCommit(TransactionTemplate tx, int maxBatch, int writers, java.time.Duration maxQueueAge,
                       java.util.function.LongConsumer waits, int writerNiceness) {
        if (writers < 1) throw new IllegalArgumentException("writers must be at least 1, was " + writers);
        ThreadNiceness.check("botfleet.journal.writer-niceness", writerNiceness);
        lanes = new CommitLane[writers];
        for (int i = 0; i < writers; i++) {
            lanes[i] = new CommitLane(tx, maxBatch, "group-commit-" + i, maxQueueAge, waits, 0);
        }
        if (writerNiceness == 0) {
            behindLanes = lanes;
        } else {
            behindLanes = new CommitLane[writers];
            for (int i = 0; i < writers; i++) {
                behindLanes[i] = new CommitLane(tx, maxBatch, "group-commit-behind-" + i, maxQueueAge, waits,
                        writerNiceness);
            }
        }
        java.util.List<CommitLane> distinct = new java.util.ArrayList<>(java.util.List.of(lanes));
        if (behindLanes != lanes) distinct.addAll(java.util.List.of(behindLanes));
        all = java.util.List.copyOf(distinct);
    }

    /** The lane all of {@code botId}'s writes go through when it waits for them (normal CPU priority). */
    public CommitLane lane(UUID botId) {
        return lanes[Math.floorMod(botId.hashCode(), lanes.length)];
    }

    /** The lane all of {@code botId}'s writes go through when it writes behind its turns (a lower CPU priority). */
    public CommitLane behindLane(UUID botId) {
        return behindLanes[Math.floorMod(botId.hashCode(), behindLanes.length)];
    }

    /** Commits made by all lanes since start. */
    public long commits() {
        long n = 0;
        for (CommitLane lane : all) n += lane.commits();
        return n;
    }

    /** Units of work the lanes' commits carried since start (units / commits is the mean batch). */
    public long units() {
        long n = 0;
        for (CommitLane lane : all) n += lane.units();
        return n;
    }

    /** Units queued on all lanes now, not yet taken by their writer. */
    public int waiting() {
        int n = 0;
        for (CommitLane lane : all) n += lane.waiting();
        return n;
    }

    /**
     * Waits until every lane's commit that is in its commit step now has left it (see {@link
     * CommitLane#awaitCommitStep}), at most {@code max} in all.
     *
     * @return false if the wait ran out
     */
    public boolean awaitCommitSteps(java.time.Duration max) throws InterruptedException {
        // the steps under way now, all lanes at once: a step a lane begins while this waits for another's began after
        // the caller's reads, so they cannot have seen it
        List<CountDownLatch> underWay = new ArrayList<>(all.size());
        for (CommitLane lane : all) {
            CountDownLatch step = lane.commitStepUnderWay();
            if (step != null) underWay.add(step);
        }
        long deadline = System.nanoTime() + max.toNanos();
        for (CountDownLatch step : underWay) {
            if (!step.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until the commit steps under way now that may carry {@code botId}'s writes have left them: a read of that
     * bot's rows alone (its orders, fills, positions, its own row) can only have seen those. At most {@code max}.
     *
     * @return false if the wait ran out
     */
    public boolean awaitCommitSteps(UUID botId, java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        // the bot's writes take one of these two lanes (the same lane when writers are not split by priority)
        CountDownLatch first = lane(botId).commitStepUnderWay(botId);
        CountDownLatch second = behindLane(botId) == lane(botId) ? null : behindLane(botId).commitStepUnderWay(botId);
        for (CountDownLatch step : new CountDownLatch[]{first, second}) {
            if (step != null && !step.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a commit step under way now may carry {@code botId}'s writes: what {@link #awaitCommitSteps(UUID, java.time.Duration)}
     * would wait for, asked without waiting.
     */
    public boolean inCommitStep(UUID botId) {
        CommitLane own = lane(botId);
        CommitLane behind = behindLane(botId);
        return own.commitStepUnderWay(botId) != null || (behind != own && behind.commitStepUnderWay(botId) != null);
    }

    /** Tells {@code steps} each lane's commit steps' times, in nanoseconds (see {@link CommitLane#timeCommitSteps}). */
    public void timeCommitSteps(java.util.function.LongConsumer steps) {
        for (CommitLane lane : all) lane.timeCommitSteps(steps);
    }

    @Override
    public void close() {
        for (CommitLane lane : all) lane.close();
    }
}
