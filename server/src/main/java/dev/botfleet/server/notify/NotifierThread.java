package dev.botfleet.server.notify;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one daemon thread behind a notifier (Telegram's send queue and poller, the webhook sender): it runs a pass, then
 * sleeps until {@link #wake} (something was queued) or until the wait the pass asked for has passed. {@link #stop}
 * ends the sleep and waits for the thread. A pass that throws is the notifier's problem to report: this class keeps
 * the thread alive and sleeps the error wait.
 *
 * <p>A sender's pass is never interrupted: a message the receiver already has, whose answer is still on its way, must
 * be marked sent, or the next start sends it again. Only a pass that merely waits (a long poll, {@link #interruptible})
 * is cut short by stop.
 */
public final class NotifierThread {
    /** One round of work; answers how long to sleep at most before the next (0: go on at once). */
    @FunctionalInterface
    public interface Pass {
        long run() throws InterruptedException;
    }

    private final String name;
    private final boolean interruptPass;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    /** A sender: {@link #stop} lets the pass under way finish (it should check {@link #running} between messages). */
    public NotifierThread(String name) {
        this(name, false);
    }

    private NotifierThread(String name, boolean interruptPass) {
        this.name = name;
        this.interruptPass = interruptPass;
    }

    /** A thread whose pass only waits for something (a long poll): {@link #stop} interrupts it. */
    public static NotifierThread interruptible(String name) {
        return new NotifierThread(name, true);
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
        if (interruptPass) thread.interrupt();
        else wake();  // ends the sleep; a pass under way finishes first
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
            if (!woken && nanos > 0 && running) work.awaitNanos(nanos);
            woken = false;
            return running;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }
}
