package dev.botfleet.server.common;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.TransactionStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@link BatchedRow}s of a run of a group commit's units: the rows of one statement as one JDBC batch,
 * stage by stage, within a stage the statements in the order they were first queued. If a batch fails (or a row that
 * had to change one changed none), everything the batches wrote is rolled back and each unit's rows are written on
 * their own behind a savepoint, so a unit that cannot be stored fails alone — it gets the error, as any unit does —
 * and the others are stored.
 */
final class BatchedRows {
    private BatchedRows() {
    }

    /** Writes {@code units}' rows (each unit's {@link CommitUnit#rows}); a unit that could not be stored is failed. */
    static void write(List<CommitUnit<?>> units, TransactionStatus status) {
        List<CommitUnit<?>> admitted = new ArrayList<>(units.size());
        for (CommitUnit<?> unit : units) if (unit.passesGuard()) admitted.add(unit);
        if (admitted.isEmpty()) return;
        Object beforeBatches = status.createSavepoint();
        try {
            for (Map.Entry<Statement, List<BatchedRow>> batch : byStatement(admitted)) {
                List<BatchedRow> rows = batch.getValue();
                int[] changed = batch.getKey().jdbc().batchUpdate(batch.getKey().sql(),
                        rows.stream().map(BatchedRow::params).toArray(SqlParameterSource[]::new));
                for (int i = 0; i < changed.length; i++) rows.get(i).check(changed[i]);
            }
            status.releaseSavepoint(beforeBatches);
            return;
        } catch (RuntimeException e) {
            status.rollbackToSavepoint(beforeBatches);
        }
        for (CommitUnit<?> unit : admitted) {
            if (!unit.passesGuard()) continue;  // e.g. an earlier unit of the same bot has just failed
            Object savepoint = status.createSavepoint();
            try {
                for (BatchedRow row : unit.rows) row.insertNow();
                status.releaseSavepoint(savepoint);
            } catch (RuntimeException e) {
                status.rollbackToSavepoint(savepoint);
                unit.fail(e);
            }
        }
    }

    private record Statement(NamedParameterJdbcOperations jdbc, String sql, int stage) {
    }

    /** Each statement's rows in queue order; the statements by stage, within one in the order first queued. */
    private static List<Map.Entry<Statement, List<BatchedRow>>> byStatement(List<CommitUnit<?>> units) {
        Map<Statement, List<BatchedRow>> byStatement = new LinkedHashMap<>();
        for (CommitUnit<?> unit : units) {
            for (BatchedRow row : unit.rows) {
                byStatement.computeIfAbsent(new Statement(row.jdbc(), row.sql(), row.stage()), k -> new ArrayList<>())
                        .add(row);
            }
        }
        List<Map.Entry<Statement, List<BatchedRow>>> statements = new ArrayList<>(byStatement.entrySet());
        statements.sort(Comparator.comparingInt(e -> e.getKey().stage()));  // stable: first queued first within a stage
        return statements;
    }
}
