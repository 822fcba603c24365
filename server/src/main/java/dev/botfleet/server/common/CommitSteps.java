package dev.botfleet.server.common;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;

import java.util.concurrent.CountDownLatch;
import java.util.function.LongConsumer;

/**
 * A {@link CommitLane}'s commit steps — from just before the database commits a batch to just after — so that a read
 * can wait for the one under way ({@link #underWay}). H2 shows a commit to other sessions just before it writes it to its
 * file; a read that may have seen such a commit waits here before it tells anyone what it saw (an API response), so
 * nothing it reports can still be lost to a crash.
 */
final class CommitSteps {
    /** The commit step under way, null when none; written by the lane's writer thread only. */
    private volatile Step underWay;
    /** Told each step's time, in nanoseconds (a metric); set once, before the first commit. */
    private volatile LongConsumer timer = nanos -> { };

    /**
     * Registered in each batch's transaction: marks its commit step.
     *
     * @param bots the bots whose rows the batch writes; null when it may write any bot's
     */
    TransactionSynchronization mark(java.util.Set<java.util.UUID> bots) {
        return new Step(bots);
    }

    void time(LongConsumer steps) {
        this.timer = steps;
    }

    /**
     * The commit step under way now, null when none (or, given a bot, when it writes none of that bot's rows): opened (counted down) once the commit has left it — its data then
     * on disk. A reader waits on it before it tells anyone what it read.
     *
     * <p>A latch per step, opened by the writer with one call: under a trading fleet thousands of requests wait at
     * once, and a monitor they all re-entered on being woken kept the writer from ending its step behind them (a
     * request's p50 went to seconds; docs/fleet-scale.md, "What a request costs").
     */
    CountDownLatch underWay(java.util.UUID bot) {
        Step step = underWay;
        if (step == null) return null;
        // a read of one bot's rows cannot have seen a step that writes none of them
        return bot == null || step.bots == null || step.bots.contains(bot) ? step.left : null;
    }

    /**
     * One batch's commit step. First of the transaction's synchronizations, so the step ends before the after-commit
     * listeners run.
     */
    private final class Step implements TransactionSynchronization {
        private final CountDownLatch left = new CountDownLatch(1);
        /** The bots whose rows it writes; null: any bot's. */
        private final java.util.Set<java.util.UUID> bots;
        /** Whether the transaction reached its commit (one rolled back never enters its step). */
        private boolean entered;
        private long startedAt;

        private Step(java.util.Set<java.util.UUID> bots) {
            this.bots = bots;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            startedAt = System.nanoTime();
            entered = true;
            underWay = this;
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
            if (!entered || left.getCount() == 0) return;  // never entered (rolled back), or left already
            if (underWay == this) underWay = null;
            left.countDown();
            timer.accept(System.nanoTime() - startedAt);
        }
    }
}
