-- Hyperopt runs over the cluster (docs/cluster.md "Hyperopt over the cluster"). A run started on a cluster node keeps
-- its request in hyperopt_runs as always; hyperopt_jobs says where its batches stand and hyperopt_trials holds the
-- trials of the batches proposed so far, which any node's worker claims with SELECT ... FOR UPDATE SKIP LOCKED for a
-- time judged by the database's clock (a trial whose claimer died is claimed again). Whoever stores the last trial of
-- a batch proposes the next batch from every stored trial. Plain tables (H2 accepts them too); only the claiming
-- queries need PostgreSQL, as the cluster does.
CREATE TABLE hyperopt_jobs (
    hyperopt_id  UUID PRIMARY KEY REFERENCES hyperopt_runs (id) ON DELETE CASCADE,
    -- the index of the next batch's first trial (= trials proposed so far)
    next_trial   INT NOT NULL,
    -- trials the run makes: the epochs asked, fewer when the sampler ran out
    total        INT NOT NULL,
    closed_at    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE hyperopt_trials (
    hyperopt_id      UUID NOT NULL REFERENCES hyperopt_jobs (hyperopt_id) ON DELETE CASCADE,
    trial            INT  NOT NULL,
    -- the proposal, typed (engine TrialText.formatParams) so every node evaluates the very same values
    params           TEXT NOT NULL,
    claim_token      UUID,
    claimed_by       VARCHAR(200),
    claim_expires_at TIMESTAMP WITH TIME ZONE,
    attempts         INT  NOT NULL DEFAULT 0,
    ran_by           VARCHAR(200),
    -- the finished trial (engine TrialText.format): bit-identical when read back for the sampler
    result           TEXT,
    finished_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (hyperopt_id, trial)
);

-- the workers' claim query looks only at unfinished trials
CREATE INDEX hyperopt_trials_open_ix ON hyperopt_trials (finished_at, hyperopt_id, trial);
