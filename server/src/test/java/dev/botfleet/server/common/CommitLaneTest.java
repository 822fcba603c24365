package dev.botfleet.server.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitLaneTest {
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private DataSource data;
    JdbcClient jdbc;
    private TransactionTemplate tx;
    CommitLane commits;
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void database() {
        data = newDatabase();
        jdbc = JdbcClient.create(data);
        jdbc.sql("CREATE TABLE t (v VARCHAR(20) PRIMARY KEY)").update();
        tx = new TransactionTemplate(new JdbcTransactionManager(data));
        commits = new CommitLane(tx, 256, "test-lane");
    }

    /** An empty database of its own (H2 in memory here; {@link CommitLanePostgresTest} runs the same on PostgreSQL). */
    DataSource newDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:gc" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void close() {
        commits.close();
        callers.shutdownNow();
    }

    @Test
    void unitsWaitingTogetherShareOneCommitAndEachIsStoredWhenItsCallReturns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the writer is busy with this unit while the others queue up behind it
        CompletableFuture<Void> first = call(() -> commits.run(() -> {
            insert("first");
            started.countDown();
            await(release);
        }));
        await(started);
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String v = "v" + i;
            queued.add(call(() -> {
                commits.run(() -> insert(v));
                // when the call returns the row is committed: another connection sees it
                assertThat(committedRows()).contains(v);
            }));
        }
        awaitWaiting(20);
        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<Void> f : queued) f.get(30, TimeUnit.SECONDS);

        assertThat(committedRows()).hasSize(21);
        assertThat(commits.units()).isEqualTo(21);
        assertThat(commits.commits()).as("the twenty waiting units went in one commit").isEqualTo(2);
    }

    @Test
    void aFailingUnitIsRolledBackAloneAndItsCallerGetsItsException() throws Exception {
        Held first = holdWriter(commits);
        CompletableFuture<Void> before = call(() -> commits.run(() -> insert("before")));
        awaitWaiting(1);
        CompletableFuture<Void> failing = call(() -> commits.run(() -> {
            insert("failing");
            insert("before");  // duplicate key: this unit fails after a write of its own
        }));
        awaitWaiting(2);
        // a nested transaction that throws marks the whole transaction rollback-only: its savepoint clears that
        CompletableFuture<Void> rollbackOnly = call(() -> commits.run(() -> tx.executeWithoutResult(s -> {
            insert("marked");
            throw new IllegalStateException("refused");
        })));
        awaitWaiting(3);
        CompletableFuture<Void> after = call(() -> commits.run(() -> insert("after")));
        awaitWaiting(4);
        first.release();

        before.get(30, TimeUnit.SECONDS);
        after.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThatThrownBy(() -> rollbackOnly.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("refused");
        assertThat(committedRows()).containsExactlyInAnyOrder("before", "after");
        assertThat(commits.commits()).isEqualTo(2);
    }

    @Test
    void writeBehindReturnsAtOnceTellsWhenCommittedAndALaterWaitingCallCarriesIt() throws Exception {
        Held first = holdWriter(commits);
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> seenWhenTold = new java.util.concurrent.CopyOnWriteArrayList<>();
        commits.submit(() -> insert("behind"), () -> {
            told.add("behind");
            try {
                seenWhenTold.addAll(committedRows());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, e -> told.add("failed " + e));
        CountDownLatch bothTold = new CountDownLatch(1);
        commits.afterDurable(() -> {
            told.add("after");
            bothTold.countDown();  // callbacks run in queue order: "behind" was told before this
        });
        assertThat(committedRows()).as("submit returned before any commit").isEmpty();
        assertThat(told).isEmpty();
        // an order intent after the write-behind: when it returns, what was written behind before is stored too
        CompletableFuture<Void> intent = call(() -> {
            commits.run(() -> insert("intent"));
            assertThat(committedRows()).contains("behind", "intent");
        });
        awaitWaiting(3);
        first.release();
        intent.get(30, TimeUnit.SECONDS);
        assertThat(bothTold.await(30, TimeUnit.SECONDS)).as("callbacks run").isTrue();
        assertThat(told).containsExactly("behind", "after");
        assertThat(seenWhenTold).as("told only once stored").contains("behind");
    }

    @Test
    void aBotFarBehindItsCommitsWaitsWhileAnotherBotOnTheBusyLaneGoesOn() throws Exception {
        Held first = holdWriter(commits);  // the writer is stuck: nothing queued from now on commits until release
        CommitLane.Backlog flooding = commits.backlog(java.util.UUID.randomUUID());
        CommitLane.Backlog trading = commits.backlog(java.util.UUID.randomUUID());
        for (int i = 0; i < CommitLane.MAX_BEHIND_PER_BOT; i++) {
            int n = i;
            flooding.submit(() -> insert("f" + n), () -> { }, e -> { });
        }
        assertThat(flooding.unsettled()).isEqualTo(CommitLane.MAX_BEHIND_PER_BOT);
        // one more is beyond the bot's bound: its submit waits for that unit's commit
        CompletableFuture<Void> beyond = call(() -> flooding.submit(() -> insert("beyond"), () -> { }, e -> { }));
        awaitWaiting(CommitLane.MAX_BEHIND_PER_BOT + 1);
        // another bot on the same stuck lane is not held back by the flood: it returns at once
        trading.submit(() -> insert("trade"), () -> { }, e -> { });
        assertThat(trading.unsettled()).isEqualTo(1);
        assertThat(beyond).as("the flooding bot waits for its commit").isNotDone();
        first.release();
        beyond.get(30, TimeUnit.SECONDS);
        assertThat(committedRows()).contains("beyond", "trade").hasSize(CommitLane.MAX_BEHIND_PER_BOT + 2);
        awaitSettled(flooding);
        awaitSettled(trading);
    }

    @Test
    void whatWaitsForABotsWritesRidesOnItsNewestUnitInsteadOfQueueingAnEmptyOne() throws Exception {
        Held first = holdWriter(commits);
        CommitLane.Backlog bot = commits.backlog(java.util.UUID.randomUUID());
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> seenWhenTold = new java.util.concurrent.CopyOnWriteArrayList<>();
        bot.submit(() -> insert("fill"), () -> told.add("fill stored"), e -> told.add("failed " + e));
        bot.afterDurable(() -> {
            told.add("fill told");
            try {
                seenWhenTold.addAll(committedRows());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        bot.afterDurable(() -> told.add("deal told"));
        assertThat(commits.waiting()).as("no unit of their own").isEqualTo(1);
        first.release();
        awaitSettled(bot);
        long end = System.nanoTime() + DEADLINE_NANOS;
        while (told.size() < 3) {
            assertThat(System.nanoTime()).as("told").isLessThan(end);
            Thread.onSpinWait();
        }
        assertThat(told).containsExactly("fill stored", "fill told", "deal told");
        assertThat(seenWhenTold).as("told only once stored").containsExactly("fill");
        assertThat(commits.units()).as("the held unit and the fill").isEqualTo(2);

        // the bot's newest unit is settled: what waits now gets a unit of its own, and runs once it commits
        CompletableFuture<Void> later = new CompletableFuture<>();
        bot.afterDurable(() -> later.complete(null));
        later.get(30, TimeUnit.SECONDS);
        assertThat(commits.units()).isEqualTo(3);
    }

    @Test
    void whatRodeOnAWriteThatFailedIsNotRun() throws Exception {
        commits.run(() -> insert("taken"));
        Held first = holdWriter(commits);
        CommitLane.Backlog bot = commits.backlog(java.util.UUID.randomUUID());
        CompletableFuture<RuntimeException> failure = new CompletableFuture<>();
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        bot.submit(() -> insert("taken"), () -> told.add("stored"), failure::complete);
        bot.afterDurable(() -> told.add("told"));
        first.release();
        assertThat(failure.get(30, TimeUnit.SECONDS)).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        awaitSettled(bot);
        // a later write of the same bot commits and its own rider runs: the failed one's never did
        CompletableFuture<Void> next = new CompletableFuture<>();
        bot.submit(() -> insert("next"), () -> { }, e -> { });
        bot.afterDurable(() -> next.complete(null));
        next.get(30, TimeUnit.SECONDS);
        assertThat(told).isEmpty();
    }

    @Test
    void onceTheOldestQueuedUnitIsOlderThanTheMaximumAgeEveryBotThatWritesWaits() throws Exception {
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        try (CommitLane aged = new CommitLane(tx, 256, "aged-lane", java.time.Duration.ofMillis(200), nanos -> { }, 0,
                clock::get)) {
            Held first = holdWriter(aged);
            CommitLane.Backlog old = aged.backlog(java.util.UUID.randomUUID());
            old.submit(() -> insert("old"), () -> { }, e -> { });
            assertThat(aged.waiting()).isEqualTo(1);  // a young queue: the bot went on
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(201));  // the queued unit is now older than the maximum age
            CommitLane.Backlog other = aged.backlog(java.util.UUID.randomUUID());
            CompletableFuture<Void> late = call(() -> other.submit(() -> insert("late"), () -> { }, e -> { }));
            awaitWaiting(aged, 2);
            assertThat(late).as("a bot with one unit waits: the lane's queue is too old").isNotDone();
            first.release();
            late.get(30, TimeUnit.SECONDS);
            assertThat(committedRows()).containsExactlyInAnyOrder("old", "late");
        }
    }

    @Test
    void aMaximumQueueAgeThatIsNotPositiveIsRefusedByName() {
        assertThatThrownBy(() -> new CommitLane(tx, 256, "bad-lane", java.time.Duration.ZERO, nanos -> { }, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("botfleet.journal.max-queue-age");
    }

    @Test
    void eachUnitsWaitFromQueuedToCommittedIsTold() throws Exception {
        List<Long> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        try (CommitLane timed = new CommitLane(tx, 256, "timed-lane", java.time.Duration.ofSeconds(30), waits::add, 0,
                clock::get)) {
            Held first = holdWriter(timed);
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
            CompletableFuture<Void> second = call(() -> timed.run(() -> insert("second")));
            awaitWaiting(timed, 1);
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));  // the second unit waits behind the first this long
            first.release();
            second.get(30, TimeUnit.SECONDS);
            assertThat(waits).containsExactly(TimeUnit.MILLISECONDS.toNanos(60), TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @Test
    void aFailedWriteBehindIsToldToItsFailureCallback() throws Exception {
        commits.run(() -> insert("taken"));
        CompletableFuture<RuntimeException> failure = new CompletableFuture<>();
        commits.submit(() -> insert("taken"), () -> failure.complete(null), failure::complete);
        assertThat(failure.get(30, TimeUnit.SECONDS)).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(committedRows()).containsExactly("taken");
    }

    @Test
    void workInsideACallersTransactionBelongsToThatTransaction() throws Exception {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            commits.run(() -> insert("inside"));
            throw new IllegalStateException("the caller's transaction rolls back");
        })).hasMessage("the caller's transaction rolls back");
        assertThat(committedRows()).isEmpty();
        assertThat(commits.units()).as("not through the writer").isZero();
    }

    @Test
    void afterCloseEachCallHasItsOwnTransaction() throws Exception {
        commits.close();
        assertThat(commits.execute(() -> {
            insert("late");
            return "done";
        })).isEqualTo("done");
        assertThat(committedRows()).containsExactly("late");
        assertThat(commits.units()).isZero();
    }

    void insert(String v) {
        jdbc.sql("INSERT INTO t (v) VALUES (?)").param(v).update();
    }

    /** Read on a connection of its own, outside any transaction of the test: only what was committed. */
    List<String> committedRows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = data.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT v FROM t")) {
            while (rs.next()) rows.add(rs.getString(1));
        }
        return rows;
    }

    private CompletableFuture<Void> call(ThrowingRunnable r) {
        return CompletableFuture.runAsync(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, callers);
    }

    void awaitWaiting(int n) throws InterruptedException {
        awaitWaiting(commits, n);
    }

    private static void awaitWaiting(CommitLane lane, int n) {
        long end = System.nanoTime() + DEADLINE_NANOS;
        while (lane.waiting() < n) {
            assertThat(System.nanoTime()).as("%d units waiting", n).isLessThan(end);
            Thread.onSpinWait();  // the queue has no signal to wait on; the callers enqueue within microseconds
        }
    }

    /** A unit that holds {@code lane}'s writer until released: nothing queued behind it commits meanwhile. */
    Held holdWriter(CommitLane lane) {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> unit = call(() -> lane.run(() -> {
            started.countDown();
            await(release);
        }));
        await(started);
        return new Held(release, unit);
    }

    record Held(CountDownLatch latch, CompletableFuture<Void> unit) {
        /** Lets the writer go on and waits until the held unit is committed. */
        void release() throws Exception {
            latch.countDown();
            unit.get(30, TimeUnit.SECONDS);
        }
    }

    static void awaitSettled(CommitLane.Backlog backlog) {
        long end = System.nanoTime() + DEADLINE_NANOS;
        while (backlog.unsettled() > 0) {
            assertThat(System.nanoTime()).as("backlog settled").isLessThan(end);
            Thread.onSpinWait();  // callbacks run on the lane's callback thread right after the commit
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aBotsWritesAlwaysTakeTheSameLaneAndTheLanesShareTheFleet() {
        GroupCommit group = new GroupCommit(tx, 16, 2);
        try {
            java.util.Set<CommitLane> used = new java.util.HashSet<>();
            for (int i = 0; i < 100; i++) {
                UUID bot = UUID.randomUUID();
                assertThat(group.lane(bot)).isSameAs(group.lane(UUID.fromString(bot.toString())));
                used.add(group.lane(bot));
                group.lane(bot).run(() -> insert(bot.toString().substring(0, 20)));
            }
            assertThat(used).as("a hundred bots use both writers").hasSize(2);
            assertThat(group.units()).isEqualTo(100);
        } finally {
            group.close();
        }
    }
}
