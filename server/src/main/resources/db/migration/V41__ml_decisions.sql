-- Every decision of an ml-signal bot (docs/ml.md "The bot in the server"): when, which model, the confidence against
-- the threshold, and the entry order it placed, if any (client_order_id links the order to the confidence that caused
-- it). model_id has no foreign key: a bot swapped to a new version may let the old one be deleted, its decisions stay.
CREATE TABLE ml_decisions (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id        UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    bot_id          UUID NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    model_id        UUID NOT NULL,
    confidence      DOUBLE PRECISION NOT NULL,
    threshold       DOUBLE PRECISION NOT NULL,
    acted           BOOLEAN NOT NULL,
    client_order_id VARCHAR(64),
    note            VARCHAR(200)
);
CREATE INDEX ml_decisions_bot_ix ON ml_decisions (bot_id, id);
