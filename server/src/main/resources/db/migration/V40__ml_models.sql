-- The model registry (docs/api.md "Models", docs/ml.md "Registry"). The model file itself lives under the data
-- directory, models/<owner>/<id>.txt: files can be megabytes, are read whole when a bot loads one, and stay
-- out of every row read and database backup; sha256 and file_size tie the row to its file.
CREATE TABLE ml_models (
    id                  UUID PRIMARY KEY,
    seq                 BIGINT GENERATED ALWAYS AS IDENTITY,
    owner_id            UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name                VARCHAR(100) NOT NULL,
    version             INT          NOT NULL,
    symbol              VARCHAR(32)  NOT NULL,
    description         VARCHAR(1000),
    feature_set         VARCHAR(64)  NOT NULL,
    feature_set_version INT          NOT NULL,
    feature_count       INT          NOT NULL,
    objective           VARCHAR(16)  NOT NULL,
    trees               INT          NOT NULL,
    file_size           BIGINT       NOT NULL,
    sha256              CHAR(64)     NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ml_models_version_uq UNIQUE (owner_id, name, version),
    CONSTRAINT ml_models_objective_ck CHECK (objective IN ('BINARY', 'REGRESSION'))
);
CREATE INDEX ml_models_owner_ix ON ml_models (owner_id, seq);

-- Training jobs (POST /api/v1/models/train). request and report are JSON text; model_id is the registered version
-- once DONE (kept as a plain id: deleting the model later must not delete the job's report).
CREATE TABLE ml_training_runs (
    id          UUID PRIMARY KEY,
    seq         BIGINT GENERATED ALWAYS AS IDENTITY,
    owner_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        VARCHAR(100) NOT NULL,
    request     TEXT         NOT NULL,
    status      VARCHAR(9)   NOT NULL,
    model_id    UUID,
    report      TEXT,
    error       VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ml_training_runs_status_ck CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX ml_training_runs_owner_ix ON ml_training_runs (owner_id, seq);
