package dev.botfleet.server.common;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * One row to insert through a group commit ({@link CommitLane.Backlog#insert}): the statement, its parameters and the
 * template that runs it. The commit sends all rows of one statement as one JDBC batch after its other units
 * ({@link BatchedRows}) — on PostgreSQL one round trip for what took three per row (a savepoint, the insert, its
 * release).
 *
 * <p>Only for a row that no unit on the lane reads or changes before the commit (an activity-log line, the sim
 * exchange's receipt of an order): it is inserted after the units queued behind it in the same commit. Rows may
 * build on rows: the statements go in the order each was first queued, their rows in queue order (the sim exchange's
 * count of a repeated submission, an update, always follows the insert of the receipt it counts).
 */
public record BatchedRow(NamedParameterJdbcOperations jdbc, String sql, SqlParameterSource params) {

    /** Inserts it now, in the caller's transaction (outside a group commit). */
    public void insertNow() {
        jdbc.update(sql, params);
    }
}
