-- A user's daily loss limit per quote asset (USDT, BTC, ...): when the realized pnl of the user's LIVE bots in that
-- asset reaches minus the limit within a UTC day, those bots stop in ERROR and none may start until the next day.
CREATE TABLE daily_loss_limits (
    owner_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    quote_asset VARCHAR(16) NOT NULL,
    loss_limit  NUMERIC(38, 18) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT daily_loss_limits_pk PRIMARY KEY (owner_id, quote_asset),
    CONSTRAINT daily_loss_limits_positive_ck CHECK (loss_limit > 0)
);

-- The limit check sums one owner's fills of one UTC day on every LIVE fill: find them by time, not by scanning all.
CREATE INDEX trades_owner_time_ix ON trades (owner_id, executed_at);
