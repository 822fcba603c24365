package dev.botfleet.server.common;

import dev.botfleet.server.support.HeldCommits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CommitLane#awaitCommitStep}: what an API response on H2 waits for (config.H2ShownOnceStored) — a group
 * commit between "about to commit" and "committed", held there by a transaction manager that blocks in its commit.
 */
class CommitStepTest {
    private final HeldCommits held = new HeldCommits();
    private final CountDownLatch inCommit = held.inCommit;
    private final CountDownLatch letCommit = held.letCommit;
    private CommitLane lane;
    private JdbcClient jdbc;
    private DriverManagerDataSource data;

    @BeforeEach
    void lane() {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:step" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(data);
        jdbc.sql("CREATE TABLE t (v VARCHAR(20) PRIMARY KEY)").update();
        this.data = data;
        lane = new CommitLane(heldTransactions(), 256, "step-lane");
    }

    /** Transactions whose commit waits in its commit step until {@link #letCommit} (see {@link HeldCommits}). */
    private TransactionTemplate heldTransactions() {
        return held.transactions(data);
    }

    @AfterEach
    void close() {
        letCommit.countDown();
        lane.close();
    }

    @Test
    void noCommitInItsStepMeansNoWait() throws Exception {
        held.stopHolding();
        lane.run(() -> jdbc.sql("INSERT INTO t VALUES ('a')").update());  // a commit that has come and gone
        assertThat(lane.awaitCommitStep(Duration.ZERO)).isTrue();
    }

    @Test
    void aReadWaitsForTheCommitInItsStepAndGoesOnOnceItEnds() throws Exception {
        lane.submit(() -> jdbc.sql("INSERT INTO t VALUES ('b')").update(), () -> { }, e -> { });
        assertThat(inCommit.await(30, TimeUnit.SECONDS)).as("the writer reached its commit").isTrue();

        assertThat(lane.awaitCommitStep(Duration.ofMillis(50))).as("a bounded wait runs out while it is held").isFalse();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return lane.awaitCommitStep(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(waiting).isNotDone();
        letCommit.countDown();
        assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM t").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aGroupCommitWaitsForWhicheverOfItsLanesIsInItsCommitStep() throws Exception {
        try (GroupCommit commits = new GroupCommit(heldTransactions(), 256, 2)) {
            assertThat(commits.awaitCommitSteps(Duration.ZERO)).as("nothing committing yet").isTrue();
            commits.lane(UUID.randomUUID()).submit(() -> jdbc.sql("INSERT INTO t VALUES ('c')").update(), () -> { }, e -> { });
            assertThat(inCommit.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(commits.awaitCommitSteps(Duration.ofMillis(50))).isFalse();
            letCommit.countDown();
            assertThat(commits.awaitCommitSteps(Duration.ofSeconds(30))).isTrue();
        }
    }

    @Test
    void aReadOfOneBotWaitsOnlyForAStepThatWritesThatBot() throws Exception {
        try (GroupCommit commits = new GroupCommit(heldTransactions(), 256, 1)) {
            UUID writing = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            commits.lane(writing).backlog(writing).submit(() -> jdbc.sql("INSERT INTO t VALUES ('d')").update(), () -> { },
                    e -> { });
            assertThat(inCommit.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(commits.awaitCommitSteps(other, Duration.ZERO)).as("another bot's read: its rows are not in the step")
                    .isTrue();
            assertThat(commits.awaitCommitSteps(writing, Duration.ofMillis(50))).as("the bot's own read waits").isFalse();
            assertThat(commits.awaitCommitSteps(Duration.ofMillis(50))).as("a read of every bot waits").isFalse();
            letCommit.countDown();
            assertThat(commits.awaitCommitSteps(writing, Duration.ofSeconds(30))).isTrue();
        }
    }

    @Test
    void aStepWithWorkOfNoNamedBotHoldsEveryBotsRead() throws Exception {
        try (GroupCommit commits = new GroupCommit(heldTransactions(), 256, 1)) {
            UUID bot = UUID.randomUUID();
            // plain lane work does not say whose rows it writes, so it may be any bot's
            commits.lane(bot).submit(() -> jdbc.sql("INSERT INTO t VALUES ('e')").update(), () -> { }, e -> { });
            assertThat(inCommit.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(commits.awaitCommitSteps(UUID.randomUUID(), Duration.ofMillis(50))).isFalse();
            letCommit.countDown();
            assertThat(commits.awaitCommitSteps(bot, Duration.ofSeconds(30))).isTrue();
        }
    }
}
