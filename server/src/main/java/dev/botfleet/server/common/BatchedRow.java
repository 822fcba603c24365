package dev.botfleet.server.common;

import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * One row to write through a group commit ({@link CommitLane.Backlog#insert}): the statement, its parameters and the
 * template that runs it. The commit sends all rows of one statement as one JDBC batch ({@link BatchedRows}) — on
 * PostgreSQL one round trip for what took three per row (a savepoint, the statement, its release).
 *
 * <p>Rows are written in their place in the lane's queue relative to its other units (those run behind a savepoint
 * each): the rows queued between two such units go together, <b>stage by stage</b>, and within a stage statement by
 * statement in the order each statement was first queued, each statement's rows in queue order. So a row may build on
 * rows queued before it only through the stages: the journal's order rows are stage {@link #ORDERS}, its order updates
 * {@link #ORDER_UPDATES}, the trades that look their order up {@link #TRADES}, and so on; rows of stage 0 (activity
 * lines, the sim exchange's receipts) build only on rows of their own statement or of a statement first queued before.
 *
 * @param stage        when in the commit the row is written (lower first)
 * @param unchanged    not null: a row that changes nothing (an update whose row is missing, an insert whose condition
 *                     failed) is an error, and this says what went wrong in plain words; its unit fails
 *                     ({@link BatchedRows}). Null: changing nothing is fine (a plain insert either inserts or fails).
 */
public record BatchedRow(NamedParameterJdbcOperations jdbc, String sql, SqlParameterSource params, int stage,
                         String unchanged) {
    /** The journal's stages ({@link dev.botfleet.server.order.JournalRows}): each may build on the ones before. */
    public static final int ORDERS = 1, ORDER_UPDATES = 2, TRADES = 3, POSITIONS = 4, DEALS = 5, BOT_TOTALS = 6;

    /** A row of stage 0 that may change nothing (an insert). */
    public BatchedRow(NamedParameterJdbcOperations jdbc, String sql, SqlParameterSource params) {
        this(jdbc, sql, params, 0, null);
    }

    /** Writes it now, in the caller's transaction (outside a group commit, or alone after its batch failed). */
    public void insertNow() {
        check(jdbc.update(sql, params));
    }

    /** Fails when the row had to change one and did not ({@code changed} as JDBC counts it; negative: not known). */
    void check(int changed) {
        if (unchanged != null && changed == 0) throw new IncorrectUpdateSemanticsDataAccessException(unchanged);
    }
}
