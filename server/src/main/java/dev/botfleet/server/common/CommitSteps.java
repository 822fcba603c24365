package dev.botfleet.server.common;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * A {@link CommitLane}'s commit steps — from just before the database commits a batch to just after — so that a read
 * can wait for the one under way ({@link #await}). H2 shows a commit to other sessions just before it writes it to its
 * file; a read that may have seen such a commit waits here before it tells anyone what it saw (an API response), so
 * nothing it reports can still be lost to a crash.
 */
final class CommitSteps {
    /** The commit in its commit step now (its number), 0 when none. */
    private volatile long inStep;
    /** Numbers the steps; the lane's writer thread only. */
    private long count;
    /** The number of the last commit whose step ended; guarded by {@link #done}. */
    private long lastDone;
    private final Object done = new Object();
    /** Told each step's time, in nanoseconds (a metric); set once, before the first commit. */
    private volatile LongConsumer timer = nanos -> { };

    /** Registered in each batch's transaction: marks its commit step. */
    TransactionSynchronization mark() {
        return new Step();
    }

    void time(LongConsumer steps) {
        this.timer = steps;
    }

    /**
     * Waits (at most {@code max}) until the commit in its commit step now, if any, has left it — its data then on
     * disk. Returns at once when no commit is in its step.
     *
     * @return false if the wait ran out
     */
    boolean await(Duration max) throws InterruptedException {
        long step = inStep;
        if (step == 0) return true;
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (done) {
            while (lastDone < step) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(done, left);
            }
        }
        return true;
    }

    /**
     * One batch's commit step. First of the transaction's synchronizations, so the step ends before the after-commit
     * listeners run.
     */
    private final class Step implements TransactionSynchronization {
        private long step;
        private long startedAt;

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            step = ++count;
            startedAt = System.nanoTime();
            inStep = step;
        }

        @Override
        public void afterCommit() {
            leave();
        }

        @Override
        public void afterCompletion(int status) {
            leave();  // also after a failed commit (afterCommit is not called then)
        }

        private void leave() {
            if (step == 0) return;
            synchronized (done) {
                lastDone = Math.max(lastDone, step);
                done.notifyAll();
            }
            if (inStep == step) inStep = 0;
            step = 0;
            timer.accept(System.nanoTime() - startedAt);
        }
    }
}
