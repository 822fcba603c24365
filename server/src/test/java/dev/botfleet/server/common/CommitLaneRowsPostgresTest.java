package dev.botfleet.server.common;

import dev.botfleet.server.support.PostgresAvailable;
import dev.botfleet.server.support.PostgresSchema;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;

/** Every {@link CommitLaneRowsTest} on PostgreSQL, where a failed statement aborts the transaction up to a savepoint. */
@ExtendWith(PostgresAvailable.class)
class CommitLaneRowsPostgresTest extends CommitLaneRowsTest {
    @Override
    DataSource newDatabase() {
        return PostgresSchema.newSchema();
    }
}
