package dev.botfleet.server.backtest.hyperopt;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The cluster's hyperopt work queue in PostgreSQL (Flyway V51): a job per run (how far its batches have been
 * proposed), and a row per proposed trial. A node claims a trial with {@code FOR UPDATE SKIP LOCKED} for a time judged
 * by the database's clock, as sweep chunks are claimed (SweepChunks); an expired claim is taken again by whoever asks
 * next, and only the current claim token may store a trial's result.
 */
public final class HyperoptTrials {
    /** A claimed trial: its index and its proposal, as stored (engine TrialText.formatParams). */
    public record Claim(UUID hyperoptId, int trial, String params, int attempt, UUID token) {
    }

    /** Where a run's batches stand. */
    record Job(UUID hyperoptId, int nextTrial, int total) {
    }

    /** One trial as the run's view shows it. */
    public record TrialState(int trial, String claimedBy, int attempts, String ranBy, boolean finished) {
    }

    private final JdbcClient jdbc;

    HyperoptTrials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertJob(UUID hyperoptId, int total) {
        jdbc.sql("INSERT INTO hyperopt_jobs (hyperopt_id, next_trial, total) VALUES (:id, 0, :total)")
                .param("id", hyperoptId).param("total", total).update();
    }

    /** Queues a batch: trials {@code first ..} with these proposals; the run's total shrinks to {@code total}. */
    void insertBatch(UUID hyperoptId, int first, List<String> params, int total) {
        for (int i = 0; i < params.size(); i++) {
            jdbc.sql("INSERT INTO hyperopt_trials (hyperopt_id, trial, params) VALUES (:id, :trial, :params)")
                    .param("id", hyperoptId).param("trial", first + i).param("params", params.get(i)).update();
        }
        jdbc.sql("UPDATE hyperopt_jobs SET next_trial = :next, total = :total WHERE hyperopt_id = :id")
                .param("id", hyperoptId).param("next", first + params.size()).param("total", total).update();
    }

    /** The oldest run's first trial that nobody holds (never claimed, or its claim expired); empty when none. */
    Optional<Claim> claim(String node, Duration ttl) {
        UUID token = UUID.randomUUID();
        return jdbc.sql("""
                        UPDATE hyperopt_trials t
                           SET claim_token = :token, claimed_by = :node, attempts = t.attempts + 1,
                               claim_expires_at = clock_timestamp() + :ttl * INTERVAL '1 millisecond'
                         WHERE (t.hyperopt_id, t.trial) = (
                               SELECT o.hyperopt_id, o.trial
                                 FROM hyperopt_trials o
                                 JOIN hyperopt_jobs j ON j.hyperopt_id = o.hyperopt_id
                                 JOIN hyperopt_runs r ON r.id = o.hyperopt_id
                                WHERE o.finished_at IS NULL AND j.closed_at IS NULL
                                  AND (o.claim_expires_at IS NULL OR o.claim_expires_at < clock_timestamp())
                                ORDER BY r.seq, o.trial
                                LIMIT 1
                                  FOR UPDATE OF o SKIP LOCKED)
                        RETURNING t.hyperopt_id, t.trial, t.params, t.attempts""")
                .param("token", token).param("node", node).param("ttl", ttl.toMillis())
                .query((rs, i) -> new Claim(rs.getObject("hyperopt_id", UUID.class), rs.getInt("trial"),
                        rs.getString("params"), rs.getInt("attempts"), token))
                .optional();
    }

    /** Extends a claim; false when it is no longer ours (another node took it after it expired, or it was stored). */
    boolean renew(Claim c, Duration ttl) {
        return jdbc.sql("""
                        UPDATE hyperopt_trials SET claim_expires_at = clock_timestamp() + :ttl * INTERVAL '1 millisecond'
                         WHERE hyperopt_id = :id AND trial = :trial AND claim_token = :token AND finished_at IS NULL""")
                .param("ttl", ttl.toMillis()).param("id", c.hyperoptId()).param("trial", c.trial())
                .param("token", c.token()).update() == 1;
    }

    /**
     * The run's progress after a stored trial. Several nodes store trials at once: a count lower than the one
     * already shown (an older answer arriving late) is not written, and a finished run is left as it ended.
     */
    void progress(UUID hyperoptId, int done, int total, String best) {
        jdbc.sql("""
                        UPDATE hyperopt_runs SET epochs_done = :done, epochs_total = :total, best = :best
                         WHERE id = :id AND epochs_done <= :done AND status IN ('QUEUED', 'RUNNING')""")
                .param("id", hyperoptId).param("done", done).param("total", total).param("best", best).update();
    }

    Optional<Job> job(UUID hyperoptId) {
        return jdbc.sql("SELECT hyperopt_id, next_trial, total FROM hyperopt_jobs WHERE hyperopt_id = :id")
                .param("id", hyperoptId)
                .query((rs, i) -> new Job(rs.getObject("hyperopt_id", UUID.class), rs.getInt("next_trial"),
                        rs.getInt("total")))
                .optional();
    }

    /** Stores the finished trial if the claim is still ours; false otherwise (the other holder stores it). */
    boolean store(Claim c, String node, String result) {
        return jdbc.sql("""
                        UPDATE hyperopt_trials SET result = :result, ran_by = :node, finished_at = clock_timestamp(),
                               claim_expires_at = NULL
                         WHERE hyperopt_id = :id AND trial = :trial AND claim_token = :token AND finished_at IS NULL""")
                .param("result", result).param("node", node).param("id", c.hyperoptId()).param("trial", c.trial())
                .param("token", c.token()).update() == 1;
    }

    /**
     * Locks an open job whose proposed trials are all stored, for its next step (the next batch, or the end); empty
     * when trials remain, the job is closed, or another node holds it right now ({@code SKIP LOCKED}: that node is
     * taking the step). Call it inside the transaction that takes the step: a node dying in it rolls it back.
     */
    Optional<Job> lockForNextStep(UUID hyperoptId) {
        return jdbc.sql("""
                        SELECT hyperopt_id, next_trial, total FROM hyperopt_jobs j
                         WHERE hyperopt_id = :id AND closed_at IS NULL
                           AND NOT EXISTS (SELECT 1 FROM hyperopt_trials t
                                            WHERE t.hyperopt_id = :id AND t.finished_at IS NULL)
                           FOR UPDATE SKIP LOCKED""")
                .param("id", hyperoptId)
                .query((rs, i) -> new Job(rs.getObject("hyperopt_id", UUID.class), rs.getInt("next_trial"),
                        rs.getInt("total")))
                .optional();
    }

    /** Closes the job (done, failed or cancelled); true for the one caller that closed it. */
    boolean close(UUID hyperoptId) {
        return jdbc.sql("UPDATE hyperopt_jobs SET closed_at = clock_timestamp() WHERE hyperopt_id = :id AND closed_at IS NULL")
                .param("id", hyperoptId).update() == 1;
    }

    /** Open jobs with no trial left to run: their next step was left undone (the node that owed it died). */
    List<UUID> stalled() {
        return jdbc.sql("""
                        SELECT j.hyperopt_id FROM hyperopt_jobs j
                         WHERE j.closed_at IS NULL
                           AND NOT EXISTS (SELECT 1 FROM hyperopt_trials t
                                            WHERE t.hyperopt_id = j.hyperopt_id AND t.finished_at IS NULL)""")
                .query((rs, i) -> rs.getObject(1, UUID.class)).list();
    }

    boolean isJob(UUID hyperoptId) {
        return jdbc.sql("SELECT COUNT(*) FROM hyperopt_jobs WHERE hyperopt_id = :id").param("id", hyperoptId)
                .query(Long.class).single() > 0;
    }

    /** Every stored trial (engine TrialText.format), in trial order. */
    List<String> results(UUID hyperoptId) {
        return jdbc.sql("SELECT result FROM hyperopt_trials WHERE hyperopt_id = :id AND finished_at IS NOT NULL ORDER BY trial")
                .param("id", hyperoptId).query(String.class).list();
    }

    public List<TrialState> trials(UUID hyperoptId) {
        return jdbc.sql("""
                        SELECT trial, claimed_by, attempts, ran_by, finished_at
                          FROM hyperopt_trials WHERE hyperopt_id = :id ORDER BY trial""")
                .param("id", hyperoptId)
                .query((rs, i) -> new TrialState(rs.getInt("trial"), rs.getString("claimed_by"), rs.getInt("attempts"),
                        rs.getString("ran_by"), rs.getObject("finished_at") != null))
                .list();
    }
}
