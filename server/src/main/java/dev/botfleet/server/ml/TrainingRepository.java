package dev.botfleet.server.ml;

import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Training jobs; every read a user makes is filtered by owner. */
@Repository
public class TrainingRepository {
    private static final RowMapper<TrainingRun> ROW = (rs, n) -> new TrainingRun(rs.getObject("id", UUID.class),
            rs.getObject("owner_id", UUID.class), rs.getString("name"), rs.getString("request"),
            TrainingRun.Status.valueOf(rs.getString("status")), rs.getObject("model_id", UUID.class),
            rs.getString("report"), rs.getString("error"), Times.read(rs, "created_at"), Times.read(rs, "started_at"),
            Times.read(rs, "finished_at"));

    private final JdbcClient jdbc;

    public TrainingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(TrainingRun r) {
        jdbc.sql("""
                        INSERT INTO ml_training_runs (id, owner_id, name, request, status, created_at)
                        VALUES (:id, :owner, :name, :request, :status, :created)""")
                .param("id", r.id()).param("owner", r.ownerId()).param("name", r.name())
                .param("request", r.request()).param("status", r.status().name())
                .param("created", Times.sql(r.createdAt())).update();
    }

    public void started(UUID id, Instant at) {
        jdbc.sql("UPDATE ml_training_runs SET status = 'RUNNING', started_at = :at WHERE id = :id")
                .param("id", id).param("at", Times.sql(at)).update();
    }

    public void done(UUID id, UUID modelId, String report, Instant at) {
        jdbc.sql("""
                        UPDATE ml_training_runs SET status = 'DONE', model_id = :model, report = :report,
                            finished_at = :at WHERE id = :id""")
                .param("id", id).param("model", modelId).param("report", report).param("at", Times.sql(at)).update();
    }

    public void failed(UUID id, String error, Instant at) {
        jdbc.sql("UPDATE ml_training_runs SET status = 'FAILED', error = :error, finished_at = :at WHERE id = :id")
                .param("id", id).param("error", error).param("at", Times.sql(at)).update();
    }

    public Optional<TrainingRun> find(UUID ownerId, UUID id) {
        return jdbc.sql("SELECT * FROM ml_training_runs WHERE owner_id = :owner AND id = :id")
                .param("owner", ownerId).param("id", id).query(ROW).optional();
    }

    /** Jobs of every user that were queued or running when the server stopped. */
    public List<TrainingRun> unfinished() {
        return jdbc.sql("SELECT * FROM ml_training_runs WHERE status IN ('QUEUED', 'RUNNING') ORDER BY seq")
                .query(ROW).list();
    }

    /** Newest first. */
    public List<TrainingRun> page(UUID ownerId, int limit, long offset) {
        return jdbc.sql("SELECT * FROM ml_training_runs WHERE owner_id = :owner ORDER BY seq DESC LIMIT :limit"
                        + " OFFSET :offset")
                .param("owner", ownerId).param("limit", limit).param("offset", offset).query(ROW).list();
    }

    public long count(UUID ownerId) {
        return jdbc.sql("SELECT COUNT(*) FROM ml_training_runs WHERE owner_id = :owner").param("owner", ownerId)
                .query(Long.class).single();
    }

    public long countUnfinished(UUID ownerId) {
        return jdbc.sql("SELECT COUNT(*) FROM ml_training_runs WHERE owner_id = :owner"
                        + " AND status IN ('QUEUED', 'RUNNING')")
                .param("owner", ownerId).query(Long.class).single();
    }
}
