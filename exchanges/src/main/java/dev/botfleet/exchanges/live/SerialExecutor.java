package dev.botfleet.exchanges.live;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on a shared executor (virtual threads): a bot's requests to its venue
 * never overtake each other (a cancel cannot reach the venue before the order it cancels), and no thread is held while
 * the bot has nothing to send.
 */
final class SerialExecutor implements Executor {
    private final Executor delegate;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;
    private int pending;

    SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
        pending++;
        if (!running) {
            running = true;
            delegate.execute(this::drain);
        }
    }

    /** Waits until every task submitted so far has run, at most {@code millis}. True if it got there. */
    synchronized boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (pending > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return false;
            wait(left);
        }
        return true;
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } finally {
                synchronized (this) {
                    pending--;
                    notifyAll();
                }
            }
        }
    }
}
