package dev.botfleet.server.common;

import dev.botfleet.server.support.PostgresAvailable;
import dev.botfleet.server.support.PostgresSchema;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;

/**
 * Every {@link CommitLaneTest} on PostgreSQL, where a lane's units take their savepoints differently
 * ({@link UnitSavepoints}: a unit's release goes with the next unit's savepoint): a unit that fails is still rolled
 * back alone, a rollback-only mark it left is still cleared, the units around it are still stored.
 */
@ExtendWith(PostgresAvailable.class)
class CommitLanePostgresTest extends CommitLaneTest {
    @Override
    DataSource newDatabase() {
        return PostgresSchema.newSchema();
    }
}
