-- Incoming signal webhooks (docs/notifications.md): a bot with strategy 'signal' gets a secret token; its URL
-- /api/v1/signals/<token> is the only credential, so only the token's SHA-256 is stored, with a short prefix to show
-- a masked URL. last_signal_time is the timestamp of the last accepted signal: older ones are ignored as replays.
CREATE TABLE signal_tokens (
    bot_id           UUID NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    token_hash       VARCHAR(64) NOT NULL,
    token_prefix     VARCHAR(8) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_signal_time TIMESTAMP WITH TIME ZONE,
    CONSTRAINT signal_tokens_pk PRIMARY KEY (bot_id),
    CONSTRAINT signal_tokens_hash_uq UNIQUE (token_hash)
);

-- The ids of a bot's recent signals (the newest few hundred; older rows are pruned): the same id again is a duplicate.
CREATE TABLE signal_ids (
    bot_id      UUID NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    signal_id   VARCHAR(100) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT signal_ids_pk PRIMARY KEY (bot_id, signal_id)
);
CREATE INDEX signal_ids_age_ix ON signal_ids (bot_id, received_at);
