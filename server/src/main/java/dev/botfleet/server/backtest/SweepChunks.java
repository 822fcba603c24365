package dev.botfleet.server.backtest;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The cluster's sweep work queue in PostgreSQL (Flyway V46): a job per sweep, its combinations cut into chunks. A
 * node claims a chunk with {@code FOR UPDATE SKIP LOCKED} (two nodes never wait on, nor take, the same chunk) for a
 * time judged by the database's clock, like the shard leases; an expired claim is taken again by whoever asks next.
 * Only the current claim token may store a chunk's results. A walk-forward's chunks each hold a slice of one fold's
 * in-sample combinations ({@code fold}, Flyway V53); a plain sweep's have no fold.
 */
public final class SweepChunks {
    /**
     * A claimed chunk: combinations {@code [first, first + count)} of the sweep's plan.
     *
     * @param fold the walk-forward fold whose in-sample part the combinations run on; null for a plain sweep
     */
    public record Claim(UUID backtestId, int chunk, Integer fold, int first, int count, int attempt, UUID token) {
    }

    /** A chunk to queue: combinations {@code [first, first + count)}, in sample of {@code fold} (null: plain sweep). */
    record Slice(Integer fold, int first, int count) {
    }

    /** A finished chunk's results, as stored. */
    record Stored(Integer fold, String metrics) {
    }

    /** A stored job: the request that re-creates the sweep on any node. */
    record Job(UUID backtestId, UUID ownerId, String request) {
    }

    /** One chunk as the run's progress shows it. */
    public record ChunkState(int chunk, Integer fold, int combinations, String claimedBy, int attempts, String ranBy, boolean finished) {
    }

    private final JdbcClient jdbc;

    SweepChunks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param slices the chunks in order: a walk-forward's fold by fold, each fold's in plan order */
    void insert(UUID backtestId, UUID ownerId, String request, List<Slice> slices) {
        jdbc.sql("INSERT INTO sweep_jobs (backtest_id, owner_id, request, chunks) VALUES (:id, :owner, :request, :chunks)")
                .param("id", backtestId).param("owner", ownerId).param("request", request).param("chunks", slices.size())
                .update();
        for (int i = 0; i < slices.size(); i++) {
            Slice slice = slices.get(i);
            jdbc.sql("""
                            INSERT INTO sweep_chunks (backtest_id, chunk, fold, first_combination, combinations)
                            VALUES (:id, :chunk, :fold, :first, :count)""")
                    .param("id", backtestId).param("chunk", i).param("fold", slice.fold())
                    .param("first", slice.first()).param("count", slice.count())
                    .update();
        }
    }

    /** The oldest sweep's first chunk that nobody holds (never claimed, or its claim expired); empty when none. */
    Optional<Claim> claim(String node, Duration ttl) {
        UUID token = UUID.randomUUID();
        return jdbc.sql("""
                        UPDATE sweep_chunks c
                           SET claim_token = :token, claimed_by = :node, attempts = c.attempts + 1,
                               claim_expires_at = clock_timestamp() + :ttl * INTERVAL '1 millisecond'
                         WHERE (c.backtest_id, c.chunk) = (
                               SELECT o.backtest_id, o.chunk
                                 FROM sweep_chunks o
                                 JOIN sweep_jobs j ON j.backtest_id = o.backtest_id
                                 JOIN backtests b ON b.id = o.backtest_id
                                WHERE o.finished_at IS NULL AND j.merged_at IS NULL
                                  AND (o.claim_expires_at IS NULL OR o.claim_expires_at < clock_timestamp())
                                ORDER BY b.seq, o.chunk
                                LIMIT 1
                                  FOR UPDATE OF o SKIP LOCKED)
                        RETURNING c.backtest_id, c.chunk, c.fold, c.first_combination, c.combinations, c.attempts""")
                .param("token", token).param("node", node).param("ttl", ttl.toMillis())
                .query((rs, i) -> new Claim(rs.getObject("backtest_id", UUID.class), rs.getInt("chunk"),
                        rs.getObject("fold", Integer.class), rs.getInt("first_combination"), rs.getInt("combinations"), rs.getInt("attempts"), token))
                .optional();
    }

    /** Extends a claim; false when it is no longer ours (another node took it after it expired, or the run ended). */
    boolean renew(Claim c, Duration ttl) {
        return jdbc.sql("""
                        UPDATE sweep_chunks SET claim_expires_at = clock_timestamp() + :ttl * INTERVAL '1 millisecond'
                         WHERE backtest_id = :id AND chunk = :chunk AND claim_token = :token AND finished_at IS NULL""")
                .param("ttl", ttl.toMillis()).param("id", c.backtestId()).param("chunk", c.chunk())
                .param("token", c.token()).update() == 1;
    }

    /** Stores the chunk's results if the claim is still ours; false otherwise (the other holder stores them). */
    boolean store(Claim c, String node, String metrics) {
        return jdbc.sql("""
                        UPDATE sweep_chunks SET metrics = :metrics, ran_by = :node, finished_at = clock_timestamp(),
                               claim_expires_at = NULL
                         WHERE backtest_id = :id AND chunk = :chunk AND claim_token = :token AND finished_at IS NULL""")
                .param("metrics", metrics).param("node", node).param("id", c.backtestId()).param("chunk", c.chunk())
                .param("token", c.token()).update() == 1;
    }

    Optional<Job> job(UUID backtestId) {
        return jdbc.sql("SELECT backtest_id, owner_id, request FROM sweep_jobs WHERE backtest_id = :id")
                .param("id", backtestId)
                .query((rs, i) -> new Job(rs.getObject("backtest_id", UUID.class), rs.getObject("owner_id", UUID.class),
                        rs.getString("request")))
                .optional();
    }

    /**
     * Closes the job if every chunk is finished (or, with {@code evenUnfinished}, at once: a failed run). One
     * statement, so exactly one caller wins; call it inside the transaction that then stores the run's outcome.
     */
    boolean close(UUID backtestId, boolean evenUnfinished) {
        return jdbc.sql("""
                        UPDATE sweep_jobs SET merged_at = clock_timestamp()
                         WHERE backtest_id = :id AND merged_at IS NULL
                           AND (:even OR NOT EXISTS (SELECT 1 FROM sweep_chunks c
                                                      WHERE c.backtest_id = :id AND c.finished_at IS NULL))""")
                .param("id", backtestId).param("even", evenUnfinished).update() == 1;
    }

    /**
     * Closes the job for its merge if every chunk is finished and no other node is merging it right now: a merge
     * holds the job's row until it commits (a walk-forward's runs its out-of-sample tests meanwhile), and
     * {@code SKIP LOCKED} lets the other nodes go on with their work instead of waiting for it. A merge that dies
     * rolls back; the job is then merged by whoever finds it {@link #mergeable} next. Call it inside the transaction
     * that then stores the run's outcome.
     */
    boolean closeToMerge(UUID backtestId) {
        return jdbc.sql("""
                        UPDATE sweep_jobs SET merged_at = clock_timestamp()
                         WHERE backtest_id = (SELECT j.backtest_id FROM sweep_jobs j
                                               WHERE j.backtest_id = :id AND j.merged_at IS NULL
                                                 AND NOT EXISTS (SELECT 1 FROM sweep_chunks c
                                                                  WHERE c.backtest_id = :id AND c.finished_at IS NULL)
                                                 FOR UPDATE SKIP LOCKED)""")
                .param("id", backtestId).update() == 1;
    }

    /** Open jobs whose chunks are all finished: their merge was left undone (the finishing node died before it). */
    List<UUID> mergeable() {
        return jdbc.sql("""
                        SELECT j.backtest_id FROM sweep_jobs j
                         WHERE j.merged_at IS NULL
                           AND NOT EXISTS (SELECT 1 FROM sweep_chunks c
                                            WHERE c.backtest_id = j.backtest_id AND c.finished_at IS NULL)""")
                .query((rs, i) -> rs.getObject(1, UUID.class)).list();
    }

    /** Every chunk's stored metrics, in chunk order (a plain sweep's plan order; a walk-forward's fold by fold). */
    List<Stored> stored(UUID backtestId) {
        return jdbc.sql("SELECT fold, metrics FROM sweep_chunks WHERE backtest_id = :id ORDER BY chunk")
                .param("id", backtestId)
                .query((rs, i) -> new Stored(rs.getObject("fold", Integer.class), rs.getString("metrics")))
                .list();
    }

    List<ChunkState> chunks(UUID backtestId) {
        return jdbc.sql("""
                        SELECT chunk, fold, combinations, claimed_by, attempts, ran_by, finished_at
                          FROM sweep_chunks WHERE backtest_id = :id ORDER BY chunk""")
                .param("id", backtestId)
                .query((rs, i) -> new ChunkState(rs.getInt("chunk"), rs.getObject("fold", Integer.class),
                        rs.getInt("combinations"),
                        rs.getString("claimed_by"), rs.getInt("attempts"), rs.getString("ran_by"),
                        rs.getObject("finished_at") != null))
                .list();
    }

    /** Marks the run RUNNING when its first chunk starts (later chunks leave it as it is). */
    void started(UUID backtestId) {
        jdbc.sql("UPDATE backtests SET status = 'RUNNING', started_at = clock_timestamp() WHERE id = :id AND status = 'QUEUED'")
                .param("id", backtestId).update();
    }
}
