-- Sweeps over the cluster (docs/cluster.md "Sweeps over the cluster"). A sweep started on a cluster node is stored as
-- a job (the request that re-creates it on any node) and its combinations as chunks that any node's worker claims
-- with SELECT ... FOR UPDATE SKIP LOCKED. A claim expires by the database's clock: a chunk whose claimer died is
-- claimed again. Plain tables (H2 accepts them too); only the claiming queries need PostgreSQL, as the cluster does.
CREATE TABLE sweep_jobs (
    backtest_id  UUID PRIMARY KEY REFERENCES backtests (id) ON DELETE CASCADE,
    owner_id     UUID NOT NULL,
    request      TEXT NOT NULL,
    chunks       INT  NOT NULL,
    merged_at    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE sweep_chunks (
    backtest_id      UUID NOT NULL REFERENCES sweep_jobs (backtest_id) ON DELETE CASCADE,
    chunk            INT  NOT NULL,
    first_combination INT NOT NULL,
    combinations     INT  NOT NULL,
    claim_token      UUID,
    claimed_by       VARCHAR(200),
    claim_expires_at TIMESTAMP WITH TIME ZONE,
    attempts         INT  NOT NULL DEFAULT 0,
    ran_by           VARCHAR(200),
    metrics          TEXT,
    finished_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (backtest_id, chunk)
);

-- the workers' claim query looks only at unfinished chunks
CREATE INDEX sweep_chunks_open_ix ON sweep_chunks (finished_at, backtest_id, chunk);
