package dev.botfleet.server.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Waits of the tests that queue writes on a {@link CommitLane} and hold its writer: each fails after 30 s. */
public final class LaneWaits {
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private LaneWaits() {
    }

    /** Until everything the bot queued behind is committed and its callbacks ran. */
    public static void awaitSettled(CommitLane.Backlog backlog) {
        long end = System.nanoTime() + DEADLINE_NANOS;
        while (backlog.unsettled() > 0) {
            assertThat(System.nanoTime()).as("backlog settled").isLessThan(end);
            Thread.onSpinWait();  // the commit's callbacks settle it right after the commit
        }
    }

    public static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lane's writer, kept busy in a unit of its own until {@link #release}: what is queued meanwhile waits. */
    public static final class HeldWriter {
        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Void> unit;

        private HeldWriter(CommitLane lane) {
            CountDownLatch holding = new CountDownLatch(1);
            unit = CompletableFuture.runAsync(() -> lane.run(() -> {
                holding.countDown();
                awaitLatch(release);
            }));
            awaitLatch(holding);
        }

        /** Lets the writer go on and waits until the holding unit is committed. */
        public void release() throws Exception {
            release.countDown();
            unit.get(30, TimeUnit.SECONDS);
        }
    }

    /** Returns once {@code lane}'s writer is busy in a unit that waits for {@link HeldWriter#release}. */
    public static HeldWriter holdWriter(CommitLane lane) {
        return new HeldWriter(lane);
    }
}
