package dev.botfleet.server.common;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The savepoint around each unit of a group commit, so that a unit that fails is rolled back alone ({@link CommitLane}).
 *
 * <p>Why not simply Spring's savepoints everywhere: on PostgreSQL creating a savepoint and releasing it are a round trip
 * each, two per unit on top of its own statements — with a writer that shares its cores with the database, round trips
 * are what bounds its units a second. There a unit's release and the next unit's savepoint go as one statement
 * ({@code RELEASE SAVEPOINT u; SAVEPOINT u}, one round trip) and the last unit's savepoint is released by the commit.
 * Elsewhere (H2, in-process) Spring's savepoints.
 *
 * <p>Used by one lane's writer thread, one batch at a time.
 */
final class UnitSavepoints {
    private static final String NAME = "botfleet_unit";

    /**
     * The most units with a savepoint of their own one PostgreSQL transaction carries. PostgreSQL keeps the ids of up
     * to 64 subtransactions per session in shared memory (PGPROC_MAX_CACHED_SUBXIDS); a transaction with more
     * "overflows" that cache, and while it is open every other session's snapshot is marked overflowed, so checking
     * whether a recent row is visible means looking its writer up in pg_subtrans — for the other writer's batch and for
     * every API read. Each unit that writes is a subtransaction here, so a full batch of 256 overflowed on every commit:
     * with 1,000 trading bots the writers stored 1,011-1,141 units a second at 256 per commit, 1,830-2,469 capped
     * (docs/fleet-scale.md, "Subtransactions"). Each run of units of rows between them takes one savepoint for its
     * batches ({@link BatchedRows}), counted with the units; a few ids are left over.
     */
    static final int POSTGRES_UNITS = 60;

    /** The transactions' data source; null when they are not a data source's (then Spring's savepoints). */
    private final DataSource data;
    /** Decided on the first batch, from the database the writer talks to. */
    private Boolean postgres;
    /** The previous unit succeeded and its savepoint is still there, to be released with the next one's creation. */
    private boolean releaseDue;
    private Object springSavepoint;

    UnitSavepoints(TransactionTemplate tx) {
        this.data = tx.getTransactionManager() instanceof DataSourceTransactionManager m ? m.getDataSource() : null;
    }

    /**
     * How many units that take a savepoint the next batch may carry: {@code maxBatch}, or at most
     * {@link #POSTGRES_UNITS} on PostgreSQL — and before the first batch has told which database it is.
     */
    int unitsPerBatch(int maxBatch) {
        return Boolean.FALSE.equals(postgres) ? maxBatch : Math.min(maxBatch, POSTGRES_UNITS);
    }

    /** At the start of each batch, inside its transaction. */
    void startBatch() {
        releaseDue = false;
        if (postgres == null) postgres = data != null && databaseIsPostgres();
    }

    /** Before a unit's work. */
    void begin(TransactionStatus status) {
        if (!postgres) {
            springSavepoint = status.createSavepoint();
            return;
        }
        execute(releaseDue ? "RELEASE SAVEPOINT " + NAME + "; SAVEPOINT " + NAME : "SAVEPOINT " + NAME);
        releaseDue = false;
    }

    /** After a unit's work went through. */
    void succeeded(TransactionStatus status) {
        if (!postgres) {
            status.releaseSavepoint(springSavepoint);
            return;
        }
        releaseDue = true;  // with the next unit's savepoint, or by the commit
    }

    /** After a unit's work threw: everything it wrote is undone, the rest of the batch goes on. */
    void failed(TransactionStatus status) {
        if (!postgres) {
            status.rollbackToSavepoint(springSavepoint);  // also clears a rollback-only mark the unit left
            return;
        }
        execute("ROLLBACK TO SAVEPOINT " + NAME + "; RELEASE SAVEPOINT " + NAME);
        // as Spring's own rollback to a savepoint does: a transaction the unit joined and that failed marked the whole
        // one rollback-only
        if (TransactionSynchronizationManager.getResource(data) instanceof ConnectionHolder holder) holder.resetRollbackOnly();
    }

    private boolean databaseIsPostgres() {
        try {
            return "PostgreSQL".equals(connection().getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new UncategorizedSQLException("group commit: which database", null, e);
        }
    }

    /** Several statements in one string: the driver sends them together and waits once. */
    private void execute(String sql) {
        try (Statement statement = connection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new UncategorizedSQLException("group commit: a unit's savepoint", sql, e);
        }
    }

    /** The batch transaction's connection (bound to the writer thread; not to be closed here). */
    private Connection connection() {
        return DataSourceUtils.getConnection(data);
    }
}
