-- Backtest runs (POST /api/v1/backtests). The request and the result are stored as JSON text; a run that was queued
-- or running when the server stopped is marked FAILED at the next start.
CREATE TABLE backtests (
    id          UUID PRIMARY KEY,
    seq         BIGINT GENERATED ALWAYS AS IDENTITY,
    owner_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    strategy    VARCHAR(64)  NOT NULL,
    dataset     VARCHAR(100) NOT NULL,
    symbol      VARCHAR(32)  NOT NULL,
    timeframe   VARCHAR(8)   NOT NULL,
    fill_model  VARCHAR(16)  NOT NULL,
    request     TEXT         NOT NULL,
    status      VARCHAR(8)   NOT NULL,
    error       VARCHAR(2000),
    result      TEXT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT backtests_status_ck CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX backtests_owner_ix ON backtests (owner_id, seq);
