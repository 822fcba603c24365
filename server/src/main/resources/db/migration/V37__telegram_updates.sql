-- Telegram's webhook mode: every update Telegram POSTs is stored here before the 200 answer, then handled by one
-- thread. The update_id key makes Telegram's retries of an update (after a lost or slow answer) a no-op; handled rows
-- are deleted after a day, long after Telegram stops retrying.
CREATE TABLE telegram_updates (
    update_id   BIGINT NOT NULL,
    body        TEXT NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    handled_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT telegram_updates_pk PRIMARY KEY (update_id)
);
CREATE INDEX telegram_updates_pending_ix ON telegram_updates (handled_at, update_id);
