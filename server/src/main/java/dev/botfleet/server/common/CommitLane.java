package dev.botfleet.server.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One writer of the bots' group commit ({@link GroupCommit} spreads bots over several): one writer thread takes
 * whatever units of work are waiting (up to {@link #maxBatch}; on PostgreSQL at most
 * {@link UnitSavepoints#POSTGRES_UNITS} of them with a savepoint), runs them in one transaction — each behind its own
 * savepoint, so a unit that fails is rolled back alone and its caller gets its exception — and commits once. Every
 * caller waits until that commit: a unit is durable when {@link #execute} returns, exactly as with its own
 * transaction, so journal-before-send holds.
 *
 * <p>Why: a commit is the expensive part of a bot's write (H2 with {@code WRITE_DELAY=0} writes its store on every
 * commit; PostgreSQL flushes its WAL), and commits serialise. A thousand bots committing one by one queue behind each
 * other for seconds (docs/fleet-scale.md); sharing a commit costs each of them one commit's wait.
 *
 * <p><b>Write-behind</b> ({@link #submit}, {@link #afterDurable}): a caller that need not wait (a paper bot booking a
 * fill) queues its work and goes on; what must only happen once the work is durable (telling the user) is handed over
 * as a callback, run after the commit on one thread of its own, in queue order. The queue is first in, first out, so
 * a caller's later {@link #execute} — an order intent, which must be durable before it is sent — returns only when
 * everything that caller queued before is committed too: write-behind never lets an order out ahead of its history.
 *
 * <p><b>Back-pressure</b> is per bot ({@link Backlog}): a bot with {@link #MAX_BEHIND_PER_BOT} units not yet committed
 * waits for its own commit before it goes on. A fleet of bots that trade normally — a few units each in flight, an order
 * reaching the paper exchange only once its intent is committed — never waits on its turn however saturated the writer
 * is (its orders wait for their commits instead); one bot that writes without end is held back alone. The lane's own
 * bounds are a queue whose oldest unit has waited longer than its maximum age ({@code botfleet.journal.max-queue-age},
 * 30 s: then every bot that writes behind waits, so an overloaded node's paper orders are never more than that late)
 * and {@link #maxWaiting()} units, which only keeps memory finite.
 *
 * <p>Work already inside a transaction (an API request's service method), or started on the writer itself, runs in
 * place: it belongs to that transaction.
 */
public final class CommitLane implements Transactions, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CommitLane.class);
    /** Units one bot may have queued and not yet committed before its write-behind waits (see {@link Backlog}). */
    public static final int MAX_BEHIND_PER_BOT = 64;

    private final TransactionTemplate tx;
    private final int maxBatch;
    private final LinkedBlockingQueue<CommitUnit<?>> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;
    /** Runs the callbacks of committed (or failed) write-behind work, in the order it was queued. */
    private final java.util.concurrent.ExecutorService after;
    /**
     * Lets the callers waiting in {@link #execute} go. Not the writer: a thread inherits the CPU priority of the thread
     * that starts it, and waking a virtual thread can start a carrier thread — started by a writer running at a lower
     * priority ({@link ThreadNiceness}), that carrier would run bots and requests at it. Both this thread and
     * {@link #after}'s are started here, at the constructing thread's priority.
     */
    private final java.util.concurrent.ExecutorService release;
    private volatile Thread afterThread;
    private volatile boolean open = true;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong units = new AtomicLong();
    private final long maxQueueAgeNanos;
    /** Told each unit's wait from queued to committed (or failed), in nanoseconds. */
    private final java.util.function.LongConsumer waits;
    private final java.util.function.LongSupplier nanoTime;
    private final int writerNiceness;
    private final CommitSteps steps = new CommitSteps();
    /** Around each unit of a batch; the writer thread's own. */
    private final UnitSavepoints savepoints;

    /** @param name the writer thread's name (its callbacks' thread is {@code name-after}) */
    public CommitLane(TransactionTemplate tx, int maxBatch, String name) {
        this(tx, maxBatch, name, java.time.Duration.ofSeconds(30), nanos -> { }, 0);
    }

    /**
     * @param maxQueueAge once the oldest queued unit has waited this long, every write-behind waits for its commit
     * @param waits told each unit's wait from queued to committed, in nanoseconds (on the writer thread)
     * @param writerNiceness the writer thread's nice value, 0 (normal) to 19 ({@link ThreadNiceness}): above 0 it
     *                       takes the CPU the bots' turns and the API leave
     */
    public CommitLane(TransactionTemplate tx, int maxBatch, String name, java.time.Duration maxQueueAge,
                      java.util.function.LongConsumer waits, int writerNiceness) {
        this(tx, maxBatch, name, maxQueueAge, waits, writerNiceness, System::nanoTime);
    }

    /** @param nanoTime the clock of queue ages and waits (tests move it by hand) */
    CommitLane(TransactionTemplate tx, int maxBatch, String name, java.time.Duration maxQueueAge,
               java.util.function.LongConsumer waits, int writerNiceness, java.util.function.LongSupplier nanoTime) {
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        if (maxQueueAge.isNegative() || maxQueueAge.isZero()) {
            throw new IllegalArgumentException("botfleet.journal.max-queue-age must be positive, was " + maxQueueAge);
        }
        ThreadNiceness.check("botfleet.journal.writer-niceness", writerNiceness);
        this.writerNiceness = writerNiceness;
        this.tx = tx;
        this.savepoints = new UnitSavepoints(tx);
        this.maxBatch = maxBatch;
        this.maxQueueAgeNanos = maxQueueAge.toNanos();
        this.waits = waits;
        this.nanoTime = nanoTime;
        java.util.concurrent.ThreadFactory threads = Thread.ofPlatform().name(name + "-after").daemon().factory();
        this.after = java.util.concurrent.Executors.newSingleThreadExecutor(r -> afterThread = threads.newThread(r));
        this.release = java.util.concurrent.Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name(name + "-release").daemon().factory());
        after.execute(() -> { });  // start both threads now, from here (see release)
        release.execute(() -> { });
        this.writer = Thread.ofPlatform().name(name).daemon().start(this::writeLoop);
    }

    @Override
    public <T> T execute(Supplier<T> work) {
        return execute(work, null);
    }

    /** @param bot the bot whose rows the work writes (null: any), so a read of one bot waits only for its steps */
    private <T> T execute(Supplier<T> work, UUID bot) {
        if (!open || Thread.currentThread() == writer || TransactionSynchronizationManager.isActualTransactionActive()) {
            return tx.execute(status -> work.get());
        }
        CommitUnit<T> unit = new CommitUnit<>(work, nanoTime.getAsLong());
        unit.bot = bot;
        waiting.add(unit);
        // closed meanwhile: the writer may have gone; take the unit back and run it here if it is still waiting
        if (!open && waiting.remove(unit)) return tx.execute(status -> work.get());
        return unit.await();
    }

    /**
     * Queues {@code work} for the next commit and returns at once (write-behind). Once committed, {@code committed}
     * runs; if the work or its commit failed, {@code failed} runs with the error instead (both on the callback thread,
     * in queue order). Inside a caller's transaction, or after {@link #close}, the work runs now in its own.
     */
    public void submit(Runnable work, Runnable committed, java.util.function.Consumer<RuntimeException> failed) {
        submit(work, committed, failed, null);
    }

    /** A unit's rows, with what the writer checks before writing them and tells at once if they fail. */
    private record Rows(List<BatchedRow> rows, Runnable guard, java.util.function.Consumer<RuntimeException> failedOnWriter) {
        /** The unit's work when it runs in place or alone: the guard, then each row. */
        void writeNow() {
            if (guard != null) guard.run();
            for (BatchedRow row : rows) row.insertNow();
        }
    }

    private void submit(Runnable work, Runnable committed, java.util.function.Consumer<RuntimeException> failed,
                        Backlog backlog) {
        submit(work, null, committed, failed, backlog);
    }

    /** @param rows when not null, the work is writing them, batched with the commit's other rows ({@link BatchedRow}) */
    private void submit(Runnable work, Rows rows, Runnable committed,
                        java.util.function.Consumer<RuntimeException> failed, Backlog backlog) {
        CommitUnit<Object> unit = new CommitUnit<>(() -> {
            work.run();
            return null;
        }, nanoTime.getAsLong());
        unit.async = true;
        if (rows != null) {
            unit.rows = rows.rows;
            unit.guard = rows.guard;
            unit.failedOnWriter = rows.failedOnWriter;
        }
        unit.bot = backlog == null ? null : backlog.bot;
        if (Thread.currentThread() == writer || TransactionSynchronizationManager.isActualTransactionActive()) {
            // part of the transaction under way: its commit is this work's commit
            if (backlog != null) backlog.last = null;  // what rides on the bot's writes must wait for that commit
            work.run();
            AfterCommit.run(committed);
            return;
        }
        if (backlog != null) backlog.last = unit;
        java.util.concurrent.CompletableFuture<?> told = unit.result.whenComplete((v, e) -> {
            if (e == null) committed.run();
            else failed.accept(e instanceof RuntimeException r ? r : new IllegalStateException(e));
        });
        if (!open) {
            unit.runNow(tx);
            return;
        }
        if (backlog != null) {
            backlog.unsettled.incrementAndGet();
            // settled once its callback ran (a future runs its dependants in no set order)
            told.whenComplete((v, e) -> backlog.unsettled.decrementAndGet());
        }
        waiting.add(unit);
        if (!open && waiting.remove(unit)) {
            unit.runNow(tx);
            return;
        }
        // back-pressure: a bot far behind its commits, or a lane whose queue holds too much, waits for this unit's
        // commit (never on the callback thread: it completes write-behind units itself, so it would wait for ever)
        boolean behind = backlog != null && backlog.unsettled.get() > MAX_BEHIND_PER_BOT;
        if ((behind || laneBehind()) && Thread.currentThread() != afterThread) {
            unit.result.exceptionally(e -> null).join();
        }
    }

    /** The lane is too far behind for anyone to write without waiting: its queue too old, or too long. */
    private boolean laneBehind() {
        if (waiting.size() > maxWaiting()) return true;
        CommitUnit<?> oldest = waiting.peek();
        return oldest != null && nanoTime.getAsLong() - oldest.queuedAt > maxQueueAgeNanos;
    }

    /**
     * Queued units beyond which any write-behind waits for its commit like {@link #execute}: a bound on memory (a unit
     * holds a few hundred bytes to a kilobyte), far above what a fleet's bots have in flight at their own bounds.
     */
    int maxWaiting() {
        return maxBatch * 256;
    }

    /** This lane for one bot's writes that wait for their commit: its units are marked as that bot's (see backlog). */
    public Transactions forBot(UUID bot) {
        return new Transactions() {
            @Override
            public <T> T execute(Supplier<T> work) {
                return CommitLane.this.execute(work, bot);
            }
        };
    }

    /**
     * A bot's own view of this lane: its write-behind, with back-pressure on its own backlog (see the class). Its units
     * are marked as {@code bot}'s, so a read of another bot need not wait for their commit step ({@link
     * #commitStepUnderWay(UUID)}).
     */
    public Backlog backlog(UUID bot) {
        return new Backlog(bot);
    }

    /**
     * One bot's write-behind on its lane. Its writes are queued in order with every other bot's on the lane (one
     * queue, so {@link #execute} still returns only after everything the bot queued before); only the wait differs:
     * the bot waits when <em>it</em> has {@link #MAX_BEHIND_PER_BOT} units unsettled, not when the lane is busy.
     */
    public final class Backlog {
        private final java.util.concurrent.atomic.AtomicInteger unsettled = new java.util.concurrent.atomic.AtomicInteger();
        /** The newest unit this bot queued (null: none, or its last write ran in a caller's transaction). */
        private volatile CommitUnit<?> last;
        private final UUID bot;

        private Backlog(UUID bot) {
            this.bot = bot;
        }

        /** {@link CommitLane#submit}, counted in this bot's backlog. */
        public void submit(Runnable work, Runnable committed, java.util.function.Consumer<RuntimeException> failed) {
            CommitLane.this.submit(work, committed, failed, this);
        }

        /** {@link #submit} of one row's insert, sent in one JDBC batch with the commit's other rows of its statement. */
        public void insert(BatchedRow row, Runnable committed, java.util.function.Consumer<RuntimeException> failed) {
            write(List.of(row), null, null, committed, failed);
        }

        /**
         * {@link #submit} of rows that are stored together or not at all, each sent in a JDBC batch with the commit's
         * other rows of its statement ({@link BatchedRow}: its stage says what it may build on).
         *
         * @param guard          run on the writer just before the rows are written (may be null): if it throws, the
         *                       unit fails and nothing of it is written
         * @param failedOnWriter told on the writer as soon as the unit failed, before the writer takes its next batch
         *                       (may be null): so a guard of the bot's next unit can refuse what would build on it
         */
        public void write(List<BatchedRow> rows, Runnable guard,
                          java.util.function.Consumer<RuntimeException> failedOnWriter,
                          Runnable committed, java.util.function.Consumer<RuntimeException> failed) {
            Rows unit = new Rows(List.copyOf(rows), guard, failedOnWriter);
            CommitLane.this.submit(unit::writeNow, unit, committed, failed, this);
        }

        /**
         * {@link CommitLane#afterDurable} for this bot: once what it wrote so far is committed. While its newest unit
         * still waits, the action rides on it (run right after it, in order) instead of queueing an empty unit of its
         * own — a savepoint and, on PostgreSQL, two round trips saved per fill told. Its newest unit committed means
         * everything the lane took before it is committed too (one queue, whole batches).
         */
        public void afterDurable(Runnable action) {
            CommitUnit<?> newest = last;
            if (newest != null && newest.alsoAfter(action)) return;
            submit(() -> { }, action, e -> log.warn("group commit: an action waited for a commit that failed: {}", e.toString()));
        }

        /** {@link CommitLane#execute}: waits for everything queued before it on the lane, this bot's too. */
        public void run(Runnable work) {
            execute(() -> {
                work.run();
                return null;
            }, bot);
        }

        /** Units this bot queued that are not yet committed (or failed). */
        public int unsettled() {
            return unsettled.get();
        }
    }

    /** Runs {@code action} once everything queued before this call is committed (at once if nothing waits). */
    public void afterDurable(Runnable action) {
        submit(() -> { }, action, e -> log.warn("group commit: an action waited for a commit that failed: {}", e.toString()));
    }

    /** Tells {@code steps} each commit step's time from now on, in nanoseconds (a metric). */
    public void timeCommitSteps(java.util.function.LongConsumer steps) {
        this.steps.time(steps);
    }

    /** Commits made and units of work they carried, since start (units / commits is the mean batch). */
    public long commits() { return commits.get(); }

    public long units() { return units.get(); }

    /** Units waiting for the writer now. */
    public int waiting() { return waiting.size(); }

    private void writeLoop() {
        if (writerNiceness > 0 && !ThreadNiceness.setForCurrentThread(writerNiceness)) {
            log.info("group commit: could not lower the writer {}'s CPU priority (not Linux?); it runs at normal priority",
                    Thread.currentThread().getName());
        }
        List<CommitUnit<?>> batch = new ArrayList<>(maxBatch);
        while (open || !waiting.isEmpty()) {
            try {
                CommitUnit<?> first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                drain(batch);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                // never lose the writer: every unit of the batch has its answer (see commit), so go on
                log.error("group commit: a batch failed outside its units", e);
            } finally {
                batch.clear();
            }
        }
        // interrupted while units still wait (close timed out): they get their own transactions on their callers'
        for (CommitUnit<?> u; (u = waiting.poll()) != null; ) u.failed(new IllegalStateException("group commit closed"));
    }

    /**
     * Takes waiting units into the batch, in queue order: at most {@link #maxBatch}, of which at most what the database
     * allows ({@link UnitSavepoints#unitsPerBatch}) take a savepoint of their own — rows for a JDBC batch take none.
     */
    private void drain(List<CommitUnit<?>> batch) {
        int limit = savepoints.unitsPerBatch(maxBatch);
        int withSavepoint = 0;
        for (int i = 0; i < batch.size(); i++) if (takesSavepoint(batch, i, batch.get(i))) withSavepoint++;
        for (CommitUnit<?> next; batch.size() < maxBatch && (next = waiting.peek()) != null; ) {
            boolean savepoint = takesSavepoint(batch, batch.size(), next);
            if (savepoint && withSavepoint >= limit) break;
            CommitUnit<?> taken = waiting.poll();  // the writer is the one taker (but for close's take-back)
            if (taken == null) break;
            batch.add(taken);
            if (savepoint) withSavepoint++;
        }
    }

    /**
     * Whether {@code unit}, at {@code index} in the batch, costs the transaction a savepoint: a unit of work does, and
     * so does the first of a run of units of rows (the run's batches go behind one, see {@link BatchedRows}).
     */
    private static boolean takesSavepoint(List<CommitUnit<?>> batch, int index, CommitUnit<?> unit) {
        return unit.rows == null || index == 0 || batch.get(index - 1).rows == null;
    }

    private void commit(List<CommitUnit<?>> batch) {
        try {
            tx.executeWithoutResult(status -> {
                savepoints.startBatch();
                // in queue order: the rows queued between two units of work are written together, before the next
                List<CommitUnit<?>> rows = new ArrayList<>();
                for (CommitUnit<?> unit : batch) {
                    if (unit.rows != null) {
                        rows.add(unit);
                        continue;
                    }
                    if (!rows.isEmpty()) BatchedRows.write(rows, status);
                    rows.clear();
                    unit.runIn(status, savepoints);
                }
                if (!rows.isEmpty()) BatchedRows.write(rows, status);
                TransactionSynchronizationManager.registerSynchronization(steps.mark(botsOf(batch)));
            });
        } catch (RuntimeException | Error e) {
            // the commit itself failed: nothing of the batch is stored, so no unit succeeded
            for (CommitUnit<?> unit : batch) if (unit.failure == null) unit.fail(e);
            List<CommitUnit<?>> done = List.copyOf(batch);
            release.execute(() -> { for (CommitUnit<?> unit : done) if (!unit.async) unit.failed(e); });
            after.execute(() -> { for (CommitUnit<?> unit : done) if (unit.async) unit.failed(e); });
            return;
        }
        commits.incrementAndGet();
        units.addAndGet(batch.size());
        long now = nanoTime.getAsLong();
        for (CommitUnit<?> unit : batch) waits.accept(now - unit.queuedAt);
        List<CommitUnit<?>> done = List.copyOf(batch);
        // callers waiting in execute() are let go at once (on the release thread, see there); write-behind callbacks
        // run on their own thread, in order
        release.execute(() -> { for (CommitUnit<?> unit : done) if (!unit.async) unit.committed(); });
        after.execute(() -> { for (CommitUnit<?> unit : done) if (unit.async) unit.committed(); });
    }

    /** The bots whose rows the batch writes; null when a unit does not say (then its step may carry any bot's). */
    private static java.util.Set<UUID> botsOf(List<CommitUnit<?>> batch) {
        java.util.Set<UUID> bots = new java.util.HashSet<>();
        for (CommitUnit<?> unit : batch) {
            if (unit.bot == null) return null;
            bots.add(unit.bot);
        }
        return bots;
    }

    /**
     * Waits (at most {@code max}) until the commit that is in its commit step now, if any, has left it — its data then
     * on disk ({@link CommitSteps}). Returns at once when no commit is in its commit step.
     *
     * @return false if the wait ran out
     */
    public boolean awaitCommitStep(java.time.Duration max) throws InterruptedException {
        java.util.concurrent.CountDownLatch step = steps.underWay(null);
        return step == null || step.await(max.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The commit step under way now (opened once it has ended), null when none; see {@link #awaitCommitStep}. */
    java.util.concurrent.CountDownLatch commitStepUnderWay() {
        return steps.underWay(null);
    }

    /** The commit step under way now if it may carry {@code bot}'s writes, else null (see {@link CommitSteps}). */
    java.util.concurrent.CountDownLatch commitStepUnderWay(UUID bot) {
        return steps.underWay(bot);
    }

    /** Lets the waiting units through (up to 10 s), then stops the writer; later calls run in their own transactions. */
    @Override
    public void close() {
        open = false;
        try {
            writer.join(10_000);
            if (writer.isAlive()) writer.interrupt();
            release.shutdown();
            after.shutdown();
            release.awaitTermination(10, TimeUnit.SECONDS);
            after.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
