package dev.botfleet.server.backtest;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Backtest runs; every read and write is filtered by owner. */
@Repository
public class BacktestRepository {
    private static final String SUMMARY_COLUMNS = "id, owner_id, strategy, dataset, symbol, timeframe, fill_model, "
            + "request, status, error, created_at, started_at, finished_at";

    private final JdbcClient jdbc;

    public BacktestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static RowMapper<BacktestRun> row(boolean withResult) {
        return (rs, n) -> new BacktestRun(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getString("strategy"), rs.getString("dataset"), rs.getString("symbol"), rs.getString("timeframe"),
                rs.getString("fill_model"), rs.getString("request"), BacktestStatus.valueOf(rs.getString("status")),
                rs.getString("error"), withResult ? rs.getString("result") : null, Times.read(rs, "created_at"),
                Times.read(rs, "started_at"), Times.read(rs, "finished_at"));
    }

    public void insert(BacktestRun r) {
        jdbc.sql("""
                        INSERT INTO backtests (id, owner_id, strategy, dataset, symbol, timeframe, fill_model, request,
                            status, created_at)
                        VALUES (:id, :owner, :strategy, :dataset, :symbol, :timeframe, :model, :request, :status, :created)""")
                .param("id", r.id()).param("owner", r.ownerId()).param("strategy", r.strategy())
                .param("dataset", r.dataset()).param("symbol", r.symbol()).param("timeframe", r.timeframe())
                .param("model", r.fillModel()).param("request", r.request()).param("status", r.status().name())
                .param("created", Times.sql(r.createdAt())).update();
    }

    public void started(UUID id, Instant at) {
        jdbc.sql("UPDATE backtests SET status = 'RUNNING', started_at = :at WHERE id = :id")
                .param("id", id).param("at", Times.sql(at)).update();
    }

    public void finished(UUID id, BacktestStatus status, String error, String result, Instant at) {
        jdbc.sql("UPDATE backtests SET status = :status, error = :error, result = :result, finished_at = :at WHERE id = :id")
                .param("id", id).param("status", status.name()).param("error", error).param("result", result)
                .param("at", Times.sql(at)).update();
    }

    /**
     * Runs a stopped server left behind: they will never finish. A sweep spread over the cluster (an open
     * sweep_jobs row) is not one of them: the other nodes' workers carry it on.
     */
    public int failUnfinished(String error, Instant at) {
        return jdbc.sql("""
                        UPDATE backtests SET status = 'FAILED', error = :error, finished_at = :at
                        WHERE status IN ('QUEUED', 'RUNNING')
                          AND id NOT IN (SELECT backtest_id FROM sweep_jobs WHERE merged_at IS NULL)""")
                .param("error", error).param("at", Times.sql(at)).update();
    }

    public Optional<BacktestRun> find(UUID ownerId, UUID id) {
        return jdbc.sql("SELECT * FROM backtests WHERE owner_id = :owner AND id = :id")
                .param("owner", ownerId).param("id", id).query(row(true)).optional();
    }

    public List<BacktestRun> page(UUID ownerId, int limit, long offset) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM backtests WHERE owner_id = :owner ORDER BY seq DESC "
                        + "LIMIT :limit OFFSET :offset")
                .param("owner", ownerId).param("limit", limit).param("offset", offset).query(row(false)).list();
    }

    public long count(UUID ownerId) {
        return jdbc.sql("SELECT COUNT(*) FROM backtests WHERE owner_id = :owner").param("owner", ownerId)
                .query(Long.class).single();
    }

    public long countUnfinished(UUID ownerId) {
        return jdbc.sql("SELECT COUNT(*) FROM backtests WHERE owner_id = :owner AND status IN ('QUEUED', 'RUNNING')")
                .param("owner", ownerId).query(Long.class).single();
    }
}
