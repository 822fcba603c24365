-- Hyperopt runs (POST /api/v1/hyperopts). The request is stored as given so a run the server was executing when it
-- stopped can be resolved again and resumed from its checkpoint file at the next start; best and trials are JSON text.
CREATE TABLE hyperopt_runs (
    id           UUID PRIMARY KEY,
    seq          BIGINT GENERATED ALWAYS AS IDENTITY,
    owner_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    strategy     VARCHAR(64) NOT NULL,
    request      TEXT        NOT NULL,
    status       VARCHAR(9)  NOT NULL,
    epochs_done  INT         NOT NULL,
    epochs_total INT         NOT NULL,
    best         TEXT,
    trials       TEXT,
    error        VARCHAR(2000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT hyperopt_runs_status_ck CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'))
);
CREATE INDEX hyperopt_runs_owner_ix ON hyperopt_runs (owner_id, seq);
