package dev.botfleet.server.common;

import dev.botfleet.server.support.PostgresAvailable;
import dev.botfleet.server.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@link CommitLaneTest} on PostgreSQL, where a lane's units take their savepoints differently
 * ({@link UnitSavepoints}: a unit's release goes with the next unit's savepoint): a unit that fails is still rolled
 * back alone, a rollback-only mark it left is still cleared, the units around it are still stored. And what only
 * PostgreSQL has: the cache of 64 subtransaction ids per session, which a batch must not overflow.
 */
@ExtendWith(PostgresAvailable.class)
class CommitLanePostgresTest extends CommitLaneTest {
    @Override
    DataSource newDatabase() {
        return PostgresSchema.newSchema();
    }

    @Test
    void aBatchKeepsItsSubtransactionsWithinTheSessionsCacheAndWhatIsLeftGoesInTheNextCommit() throws Exception {
        Held held = holdWriter(commits);
        int units = 150;
        Map<Long, Integer> unitsPerTransaction = new ConcurrentHashMap<>();
        List<CommitLane.Backlog> bots = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            String v = "s" + i;
            CommitLane.Backlog bot = commits.backlog(UUID.randomUUID());
            bots.add(bot);
            bot.submit(() -> {
                insert(v);
                unitsPerTransaction.merge(transactionId(), 1, Integer::sum);
            }, () -> { }, e -> { });
        }
        awaitWaiting(units);
        long before = commits.commits();
        held.release();
        bots.forEach(CommitLaneTest::awaitSettled);

        assertThat(committedRows()).hasSize(units);
        // each unit that writes is a subtransaction of its batch's: 60 + 60 + 30, never past PostgreSQL's 64
        assertThat(unitsPerTransaction.values()).containsExactlyInAnyOrder(UnitSavepoints.POSTGRES_UNITS,
                UnitSavepoints.POSTGRES_UNITS, units - 2 * UnitSavepoints.POSTGRES_UNITS);
        assertThat(commits.commits() - before).as("the held unit's commit and three more").isEqualTo(4);
    }

    /** The id of the (top-level) transaction the unit runs in. */
    private long transactionId() {
        return jdbc.sql("SELECT txid_current()").query(Long.class).single();
    }
}
