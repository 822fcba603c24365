package dev.botfleet.server.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static dev.botfleet.server.common.LaneWaits.awaitSettled;
import static dev.botfleet.server.common.LaneWaits.holdWriter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows written through a group commit ({@link BatchedRow}, {@link CommitLane.Backlog#write}): one JDBC batch per
 * statement, in their place in the queue relative to the units of work, stage by stage; a unit's rows stored all or
 * none; a unit whose rows cannot be stored fails alone, and a bot's later units can refuse to build on it.
 */
class CommitLaneRowsTest {
    private DataSource data;
    private JdbcClient jdbc;
    private CommitLane commits;
    private BatchCounting rows;
    private CommitLane.Backlog bot;
    private final List<String> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void database() {
        data = newDatabase();
        jdbc = JdbcClient.create(data);
        jdbc.sql("CREATE TABLE t (v VARCHAR(20) PRIMARY KEY)").update();
        jdbc.sql("CREATE TABLE lines (v VARCHAR(20) PRIMARY KEY)").update();
        commits = new CommitLane(new TransactionTemplate(new JdbcTransactionManager(data)), 256, "test-lane");
        rows = new BatchCounting(data);
        bot = commits.backlog(UUID.randomUUID());
    }

    /** An empty database of its own (H2 in memory here; {@link CommitLaneRowsPostgresTest} runs the same on PostgreSQL). */
    DataSource newDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:rows" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void close() {
        commits.close();
    }

    @Test
    void rowsBetweenTwoUnitsOfWorkGoTogetherOneJdbcBatchPerStatementAndTheUnitAfterThemReadsThem() throws Exception {
        LaneWaits.HeldWriter held = holdWriter(commits);
        AtomicReference<Long> seenByUnit = new AtomicReference<>();
        for (int i = 0; i < 10; i++) {
            String v = "r" + i;
            insert(row("t", v), v);
            if (i == 4) {
                bot.submit(() -> seenByUnit.set(jdbc.sql("SELECT COUNT(*) FROM t").query(Long.class).single()),
                        () -> told.add("unit"), e -> told.add("failed unit"));
            }
        }
        insert(row("lines", "l0"), "l0");
        insert(row("lines", "l1"), "l1");
        assertThat(stored("t")).as("nothing stored before the commit").isEmpty();
        held.release();
        awaitSettled(bot);

        assertThat(stored("t")).containsExactlyInAnyOrder("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9");
        assertThat(stored("lines")).containsExactlyInAnyOrder("l0", "l1");
        assertThat(seenByUnit.get()).as("the unit ran after the rows queued before it").isEqualTo(5);
        assertThat(rows.batches).as("a batch per statement between units, statements in the order first queued")
                .containsExactly(5, 5, 2);
        assertThat(commits.commits()).as("the held unit's commit and one").isEqualTo(2);
        assertThat(told).containsExactly("r0", "r1", "r2", "r3", "r4", "unit", "r5", "r6", "r7", "r8", "r9", "l0", "l1");
    }

    @Test
    void aRowOfAnEarlierStageIsWrittenFirstWhateverTheQueueOrderOfTheirStatements() throws Exception {
        jdbc.sql("INSERT INTO t (v) VALUES ('old')").update();
        LaneWaits.HeldWriter held = holdWriter(commits);
        // the update statement is first queued (for 'old'), then the insert of 'new', then the update of 'new'
        insert(update("old", "old2"), "old updated");
        insert(new BatchedRow(rows.template, "INSERT INTO t (v) VALUES (:v)", new MapSqlParameterSource("v", "new"), 1,
                null), "new");
        insert(update("new", "new2"), "new updated");
        held.release();
        awaitSettled(bot);

        assertThat(told).containsExactly("old updated", "new", "new updated");
        assertThat(stored("t")).containsExactlyInAnyOrder("old2", "new2");
        assertThat(rows.batches).as("the inserts (stage 1) before the updates (stage 2)").containsExactly(1, 2);
    }

    @Test
    void aUnitsRowsAreStoredAllOrNoneAndAUnitThatCannotBeStoredFailsAlone() throws Exception {
        jdbc.sql("INSERT INTO t (v) VALUES ('taken')").update();
        LaneWaits.HeldWriter held = holdWriter(commits);
        List<RuntimeException> errors = new CopyOnWriteArrayList<>();
        insert(row("t", "a"), "a");
        bot.write(List.of(row("t", "b"), row("lines", "b-line"), row("t", "taken")), null, null,
                () -> told.add("b"), e -> {
                    told.add("failed b");
                    errors.add(e);
                });
        insert(row("t", "c"), "c");
        held.release();
        awaitSettled(bot);

        assertThat(told).containsExactly("a", "failed b", "c");
        assertThat(errors).singleElement().isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(stored("t")).containsExactlyInAnyOrder("taken", "a", "c");
        assertThat(stored("lines")).as("nothing of the failed unit").isEmpty();
        assertThat(rows.batches).as("the batch was tried first").containsExactly(4);
    }

    @Test
    void aRowThatMustChangeOneAndChangesNoneFailsItsUnitInPlainWords() throws Exception {
        LaneWaits.HeldWriter held = holdWriter(commits);
        List<RuntimeException> errors = new CopyOnWriteArrayList<>();
        insert(row("t", "a"), "a");
        bot.write(List.of(row("lines", "l"), update("missing", "x")), null, null, () -> told.add("update"), e -> {
            told.add("failed update");
            errors.add(e);
        });
        held.release();
        awaitSettled(bot);

        assertThat(told).containsExactly("a", "failed update");
        assertThat(errors).singleElement().isInstanceOf(IncorrectUpdateSemanticsDataAccessException.class)
                .extracting(Throwable::getMessage).isEqualTo("row missing is not in t");
        assertThat(stored("t")).containsExactly("a");
        assertThat(stored("lines")).isEmpty();
    }

    @Test
    void aFailedUnitIsToldOnTheWriterSoTheBotsNextUnitsGuardRefusesToBuildOnIt() throws Exception {
        jdbc.sql("INSERT INTO t (v) VALUES ('taken')").update();
        AtomicReference<RuntimeException> broken = new AtomicReference<>();
        Runnable guard = () -> {
            if (broken.get() != null) throw new IllegalStateException("an earlier write failed");
        };
        LaneWaits.HeldWriter held = holdWriter(commits);
        bot.write(List.of(row("t", "taken")), guard, broken::set, () -> told.add("first"), e -> told.add("failed first"));
        bot.write(List.of(row("t", "second")), guard, broken::set, () -> told.add("second"),
                e -> told.add("failed second: " + e.getMessage()));
        held.release();
        awaitSettled(bot);
        bot.write(List.of(row("t", "third")), guard, broken::set, () -> told.add("third"),
                e -> told.add("failed third: " + e.getMessage()));
        awaitSettled(bot);

        assertThat(told).containsExactly("failed first", "failed second: an earlier write failed",
                "failed third: an earlier write failed");
        assertThat(stored("t")).containsExactly("taken");
    }

    @Test
    void unitsOfRowsTakeNoSavepointEachSoACommitCarriesAFullBatchOfThem() throws Exception {
        LaneWaits.HeldWriter held = holdWriter(commits);
        // four bots (one may have 64 units unsettled before it waits): 200 units, past PostgreSQL's 60 with savepoints
        List<CommitLane.Backlog> bots = List.of(bot, commits.backlog(UUID.randomUUID()),
                commits.backlog(UUID.randomUUID()), commits.backlog(UUID.randomUUID()));
        for (int i = 0; i < 200; i++) bots.get(i % 4).insert(row("t", "s" + i), () -> { }, e -> told.add("failed"));
        long before = commits.commits();
        held.release();
        bots.forEach(LaneWaits::awaitSettled);

        assertThat(stored("t")).hasSize(200);
        assertThat(commits.commits() - before).as("the held unit's commit and one for all 200").isEqualTo(2);
        assertThat(rows.batches).containsExactly(200);
        assertThat(told).isEmpty();
    }

    private void insert(BatchedRow row, String name) {
        bot.insert(row, () -> { if (name != null) told.add(name); }, e -> told.add("failed " + name));
    }

    private BatchedRow row(String table, String v) {
        return new BatchedRow(rows.template, "INSERT INTO " + table + " (v) VALUES (:v)", new MapSqlParameterSource("v", v));
    }

    /** An update of stage 2 that must change its row. */
    private BatchedRow update(String from, String to) {
        return new BatchedRow(rows.template, "UPDATE t SET v = :to WHERE v = :from",
                new MapSqlParameterSource("from", from).addValue("to", to), 2, "row " + from + " is not in t");
    }

    /** Read on a connection of its own, outside any transaction of the test: only what was committed. */
    private List<String> stored(String table) {
        return JdbcClient.create(data).sql("SELECT v FROM " + table).query(String.class).list();
    }

    /** A template that counts the JDBC batches it sends (their sizes). */
    private static final class BatchCounting {
        final List<Integer> batches = new CopyOnWriteArrayList<>();
        final NamedParameterJdbcTemplate template;

        BatchCounting(DataSource data) {
            template = new NamedParameterJdbcTemplate(data) {
                @Override
                public int[] batchUpdate(String sql, SqlParameterSource[] batchArgs) {
                    batches.add(batchArgs.length);
                    return super.batchUpdate(sql, batchArgs);
                }
            };
        }
    }
}
