package dev.botfleet.server.backtest.hyperopt;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Hyperopt runs; every read a user makes is filtered by owner. */
@Repository
public class HyperoptRepository {
    private static final RowMapper<HyperoptRun> ROW = (rs, n) -> new HyperoptRun(rs.getObject("id", UUID.class),
            rs.getObject("owner_id", UUID.class), rs.getString("strategy"), rs.getString("request"),
            HyperoptRun.Status.valueOf(rs.getString("status")), rs.getInt("epochs_done"), rs.getInt("epochs_total"),
            rs.getString("best"), rs.getString("trials"), rs.getString("error"), Times.read(rs, "created_at"),
            Times.read(rs, "started_at"), Times.read(rs, "finished_at"));

    private final JdbcClient jdbc;

    public HyperoptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(HyperoptRun r) {
        jdbc.sql("""
                        INSERT INTO hyperopt_runs (id, owner_id, strategy, request, status, epochs_done, epochs_total,
                            created_at)
                        VALUES (:id, :owner, :strategy, :request, :status, 0, :total, :created)""")
                .param("id", r.id()).param("owner", r.ownerId()).param("strategy", r.strategy())
                .param("request", r.request()).param("status", r.status().name()).param("total", r.epochsTotal())
                .param("created", Times.sql(r.createdAt())).update();
    }

    public void started(UUID id, Instant at) {
        jdbc.sql("UPDATE hyperopt_runs SET status = 'RUNNING', started_at = COALESCE(started_at, :at) WHERE id = :id"
                        + " AND status IN ('QUEUED', 'RUNNING')")
                .param("id", id).param("at", Times.sql(at)).update();
    }

    public void progress(UUID id, int done, int total, String best) {
        jdbc.sql("UPDATE hyperopt_runs SET epochs_done = :done, epochs_total = :total, best = :best WHERE id = :id")
                .param("id", id).param("done", done).param("total", total).param("best", best).update();
    }

    public void finished(UUID id, HyperoptRun.Status status, String error, String best, String trials, Instant at) {
        jdbc.sql("""
                        UPDATE hyperopt_runs SET status = :status, error = :error, best = COALESCE(:best, best),
                            trials = :trials, finished_at = :at WHERE id = :id""")
                .param("id", id).param("status", status.name()).param("error", error).param("best", best)
                .param("trials", trials).param("at", Times.sql(at)).update();
    }

    public Optional<HyperoptRun> find(UUID ownerId, UUID id) {
        return jdbc.sql("SELECT * FROM hyperopt_runs WHERE owner_id = :owner AND id = :id")
                .param("owner", ownerId).param("id", id).query(ROW).optional();
    }

    /** The stored request of any user's run (a cluster node re-creates the run from it). */
    public Optional<String> request(UUID id) {
        return jdbc.sql("SELECT request FROM hyperopt_runs WHERE id = :id").param("id", id).query(String.class).optional();
    }

    /** Runs of every user that were queued or running when the server stopped, oldest first. */
    public List<HyperoptRun> unfinished() {
        return jdbc.sql("SELECT * FROM hyperopt_runs WHERE status IN ('QUEUED', 'RUNNING') ORDER BY seq")
                .query(ROW).list();
    }

    /** Newest first, without the trials (the list view). */
    public List<HyperoptRun> page(UUID ownerId, int limit, long offset) {
        return jdbc.sql("SELECT id, owner_id, strategy, request, status, epochs_done, epochs_total, best,"
                        + " CAST(NULL AS TEXT) AS trials, error, created_at, started_at, finished_at FROM hyperopt_runs"
                        + " WHERE owner_id = :owner ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .param("owner", ownerId).param("limit", limit).param("offset", offset).query(ROW).list();
    }

    public long count(UUID ownerId) {
        return jdbc.sql("SELECT COUNT(*) FROM hyperopt_runs WHERE owner_id = :owner").param("owner", ownerId)
                .query(Long.class).single();
    }

    public long countUnfinished(UUID ownerId) {
        return jdbc.sql("SELECT COUNT(*) FROM hyperopt_runs WHERE owner_id = :owner AND status IN ('QUEUED', 'RUNNING')")
                .param("owner", ownerId).query(Long.class).single();
    }
}
