package dev.botfleet.server.common;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.TransactionStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts a group commit's {@link BatchedRow}s: the rows of one statement as one JDBC batch, statements in the order
 * they were first queued. If a batch fails, everything the batches wrote is rolled back and each row is inserted on its
 * own behind a savepoint, so a row that cannot be stored fails alone — its unit gets the error, as any unit does — and
 * the others are stored.
 */
final class BatchedRows {
    private BatchedRows() {
    }

    /**
     * @return the error of each row that could not be stored, by its index in {@code rows} (null: stored); all null
     * when the batches went through
     */
    static RuntimeException[] insert(List<BatchedRow> rows, TransactionStatus status) {
        RuntimeException[] failures = new RuntimeException[rows.size()];
        if (rows.isEmpty()) return failures;
        Object beforeBatches = status.createSavepoint();
        try {
            for (Map.Entry<Insert, List<SqlParameterSource>> batch : byStatement(rows).entrySet()) {
                batch.getKey().jdbc().batchUpdate(batch.getKey().sql(), batch.getValue().toArray(SqlParameterSource[]::new));
            }
            status.releaseSavepoint(beforeBatches);
            return failures;
        } catch (RuntimeException e) {
            status.rollbackToSavepoint(beforeBatches);
        }
        for (int i = 0; i < rows.size(); i++) {
            Object savepoint = status.createSavepoint();
            try {
                rows.get(i).insertNow();
                status.releaseSavepoint(savepoint);
            } catch (RuntimeException e) {
                status.rollbackToSavepoint(savepoint);
                failures[i] = e;
            }
        }
        return failures;
    }

    private record Insert(NamedParameterJdbcOperations jdbc, String sql) {
    }

    /** Each statement's parameters in queue order, the statements in the order first queued. */
    private static Map<Insert, List<SqlParameterSource>> byStatement(List<BatchedRow> rows) {
        Map<Insert, List<SqlParameterSource>> byStatement = new LinkedHashMap<>();
        for (BatchedRow row : rows) {
            byStatement.computeIfAbsent(new Insert(row.jdbc(), row.sql()), k -> new ArrayList<>()).add(row.params());
        }
        return byStatement;
    }
}
