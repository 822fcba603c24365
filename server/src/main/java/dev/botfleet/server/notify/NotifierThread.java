package dev.botfleet.server.notify;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one daemon thread behind a notifier (Telegram's send queue and poller, the webhook sender): it runs a pass, then
 * sleeps until {@link #wake} (something was queued) or until the wait the pass asked for has passed. {@link #stop}
 * interrupts the sleep and waits for the thread. A pass that throws is the notifier's problem to report: this class
 * keeps the thread alive and sleeps the error wait.
 */
public final class NotifierThread {
    /** One round of work; answers how long to sleep at most before the next (0: go on at once). */
    @FunctionalInterface
    public interface Pass {
        long run() throws InterruptedException;
    }

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    public NotifierThread(String name) {
        this.name = name;
    }

    /** Starts the loop; {@code onError} reports a failed pass, after which the thread sleeps {@code errorWaitNanos}. */
    public void start(Pass pass, java.util.function.Consumer<RuntimeException> onError, long errorWaitNanos) {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(() -> {
            while (running) {
                long wait;
                try {
                    wait = pass.run();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (!running) return;
                    onError.accept(e);
                    wait = errorWaitNanos;
                }
                if (!sleep(wait)) return;
            }
        });
    }

    public boolean running() { return running; }

    /** Something was queued: the next pass starts now. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void stop() {
        running = false;
        if (thread == null) return;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False when interrupted (stopping). */
    private boolean sleep(long nanos) {
        lock.lock();
        try {
            if (!woken && nanos > 0) work.awaitNanos(nanos);
            woken = false;
            return true;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }
}
