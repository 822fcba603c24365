package dev.botfleet.server.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** One unit of work queued on a {@link CommitLane}: run in its writer's next commit, its result told once committed. */
final class CommitUnit<T> {
    private static final Logger log = LoggerFactory.getLogger(CommitLane.class);

    final Supplier<T> work;
    final CompletableFuture<T> result = new CompletableFuture<>();
    final long queuedAt;
    /** Nobody waits for it: write-behind ({@link CommitLane#submit}); its callbacks are on the future. */
    boolean async;
    /**
     * Not null: the work is writing these rows, batched in the commit with the other units' rows
     * ({@link CommitLane.Backlog#insert}); all of them are stored or none.
     */
    List<BatchedRow> rows;
    /** With {@link #rows}: run on the writer first; if it throws, the unit fails and its rows are not written. */
    Runnable guard;
    /** Told on the writer, at once, when this unit failed (before the writer takes its next batch); may be null. */
    Consumer<RuntimeException> failedOnWriter;
    /** The bot whose rows the work writes; null when not known (any bot's). */
    UUID bot;
    T value;
    Throwable failure;
    /** Actions to run once this unit is committed ({@link #alsoAfter}); guarded by this unit. */
    private List<Runnable> alsoAfter;
    private boolean settled;

    CommitUnit(Supplier<T> work, long queuedAt) {
        this.work = work;
        this.queuedAt = queuedAt;
    }

    /** In a transaction of its own, now (callbacks run here too). */
    void runNow(TransactionTemplate tx) {
        try {
            result.complete(tx.execute(status -> work.get()));
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        }
        settle();
    }

    void runIn(TransactionStatus status, UnitSavepoints savepoints) {
        savepoints.begin(status);
        try {
            value = work.get();
            savepoints.succeeded(status);
        } catch (RuntimeException | Error e) {
            // only this unit's writes go; the savepoint rollback also clears a rollback-only mark it left
            savepoints.failed(status);
            fail(e);
        }
    }

    /** Runs the guard of a unit of rows; false (and the unit failed) if it threw. */
    boolean passesGuard() {
        if (failure != null) return false;
        if (guard == null) return true;
        try {
            guard.run();
            return true;
        } catch (RuntimeException e) {
            fail(e);
            return false;
        }
    }

    /** This unit failed (its writes rolled back or never made): remembered for its callback, told on the writer. */
    void fail(Throwable e) {
        failure = e;
        if (failedOnWriter != null) {
            failedOnWriter.accept(e instanceof RuntimeException r ? r : new IllegalStateException(e));
        }
    }

    void committed() {
        if (failure != null) result.completeExceptionally(failure);
        else result.complete(value);
        settle();
    }

    void failed(Throwable commitFailure) {
        result.completeExceptionally(failure != null ? failure : commitFailure);
        settle();
    }

    /**
     * Runs {@code action} right after this unit's own callback once it is committed (never if it fails); false
     * when the unit is already settled — then the caller must find another way.
     */
    synchronized boolean alsoAfter(Runnable action) {
        if (settled) return false;
        if (alsoAfter == null) alsoAfter = new ArrayList<>(2);
        alsoAfter.add(action);
        return true;
    }

    /** After the result is complete: the actions of {@link #alsoAfter}, in the order added, if it succeeded. */
    private void settle() {
        List<Runnable> actions;
        synchronized (this) {
            settled = true;
            actions = alsoAfter;
            alsoAfter = null;
        }
        if (actions == null) return;
        if (result.isCompletedExceptionally()) {
            log.warn("group commit: {} action(s) waited for a commit that failed", actions.size());
            return;
        }
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.error("group commit: an action after a commit failed", e);
            }
        }
    }

    T await() {
        try {
            return result.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw e;
        }
    }
}
