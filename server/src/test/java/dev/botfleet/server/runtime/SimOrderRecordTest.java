package dev.botfleet.server.runtime;

import dev.botfleet.server.common.CommitLane;
import dev.botfleet.server.common.GroupCommit;
import dev.botfleet.server.common.LaneWaits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.UUID;

import static dev.botfleet.server.common.LaneWaits.holdWriter;
import static dev.botfleet.server.common.LaneWaits.awaitSettled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sim exchange's receipts go as rows of their commit's JDBC batch, and so does its count of a repeated submission
 * (the reliability tests' detector of an order sent twice): the count must still land on the receipt queued before
 * it, also when both are in one commit.
 */
class SimOrderRecordTest {
    private final UUID bot = UUID.randomUUID();
    private JdbcClient jdbc;
    private GroupCommit commits;
    private SimOrderRecord record;

    @BeforeEach
    void database() {
        DataSource data = new DriverManagerDataSource("jdbc:h2:mem:sim" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(data);
        jdbc.sql("""
                CREATE TABLE sim_orders (client_order_id VARCHAR(64) PRIMARY KEY, bot_id UUID NOT NULL,
                    status VARCHAR(20) NOT NULL, reason VARCHAR(500), submissions INTEGER NOT NULL DEFAULT 1,
                    received_at TIMESTAMP WITH TIME ZONE NOT NULL)""").update();
        commits = new GroupCommit(new TransactionTemplate(new JdbcTransactionManager(data)), 256, 1);
        record = new SimOrderRecord(jdbc, new NamedParameterJdbcTemplate(data), commits);
    }

    @AfterEach
    void close() {
        commits.close();
    }

    @Test
    void aRepeatCountedInTheSameCommitAsItsReceiptLandsOnIt() throws Exception {
        CommitLane lane = commits.lane(bot);
        CommitLane.Backlog behind = lane.backlog(bot);
        // the writer is busy with this unit while the receipt and the count queue up behind it: one commit takes both
        LaneWaits.HeldWriter held = holdWriter(lane);

        record.receivedBehind(behind, bot, "c-1", "ACCEPTED", null, Instant.parse("2026-12-06T23:00:00Z"));
        record.countRepeat(behind, bot, "c-1");
        record.receivedBehind(behind, bot, "c-2", "REJECTED", "x".repeat(600), Instant.parse("2026-12-06T23:00:01Z"));
        assertThat(lane.waiting()).isEqualTo(3);
        held.release();
        awaitSettled(behind);

        assertThat(submissions("c-1")).isEqualTo(2);
        assertThat(submissions("c-2")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT LENGTH(reason) FROM sim_orders WHERE client_order_id = 'c-2'").query(Integer.class).single())
                .as("a long refusal is cut to the column").isEqualTo(500);
        assertThat(record.receipts(bot, java.util.List.of("c-1", "c-2", "c-3"))).containsOnlyKeys("c-1", "c-2");
    }

    @Test
    void aRepeatOfAReceiptStoredEarlierIsCountedWithoutWriteBehindToo() {
        record.received(bot, "c-1", "ACCEPTED", null, Instant.parse("2026-12-06T23:00:00Z"));
        record.countRepeat(null, bot, "c-1");
        assertThat(submissions("c-1")).isEqualTo(2);
    }

    private int submissions(String clientOrderId) {
        return jdbc.sql("SELECT submissions FROM sim_orders WHERE client_order_id = :cid").param("cid", clientOrderId)
                .query(Integer.class).single();
    }
}
