package dev.botfleet.server.backtest;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The loop of one worker thread on a work queue kept in the database — sweep chunks ({@link ClusterSweeps}), hyperopt
 * trials ({@code ClusterHyperopts}): claim the next item and work it; with nothing to claim, do the idle duty (steps a
 * dead node left undone) and poll again after the poll interval. An unexpected error is logged and the loop goes on
 * after the same interval: a worker never dies of one bad item while its node lives.
 */
public final class QueueWorkers {
    private QueueWorkers() {
    }

    /**
     * @param worker  how the log names this worker
     * @param running false once the node is closing: the loop ends (and an error then is not worth logging)
     * @param work    works a claimed item; false when this worker is to stop (fault injection in tests)
     */
    public static <C> void loop(String worker, Duration pollInterval, BooleanSupplier running, Supplier<Optional<C>> claim,
                                Runnable idle, Predicate<C> work, Logger log) {
        while (running.getAsBoolean()) {
            try {
                Optional<C> next = claim.get();
                if (next.isEmpty()) {
                    idle.run();
                    Thread.sleep(pollInterval);  // idle: nothing to claim; polling the queue costs one query
                    continue;
                }
                if (!work.test(next.get())) return;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running.getAsBoolean()) return;  // the context is closing under us
                log.error("{} failed; retrying after {}", worker, pollInterval, e);
                try {
                    Thread.sleep(pollInterval);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
