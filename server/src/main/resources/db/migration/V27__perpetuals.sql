-- Perpetual futures. A bot on a perpetual trades with a leverage and a margin mode (null on spot).
ALTER TABLE bots ADD COLUMN leverage NUMERIC(10, 4);
ALTER TABLE bots ADD COLUMN margin_mode VARCHAR(16);
ALTER TABLE bots ADD CONSTRAINT bots_leverage_ck CHECK (leverage IS NULL OR leverage >= 1);
ALTER TABLE bots ADD CONSTRAINT bots_margin_mode_ck CHECK (margin_mode IS NULL OR margin_mode IN ('ISOLATED', 'CROSS'));

-- A perpetual position: funding received minus paid (inside realized_pnl), its liquidation price and leverage.
ALTER TABLE positions ADD COLUMN funding NUMERIC(38, 18) NOT NULL DEFAULT 0;
ALTER TABLE positions ADD COLUMN liquidation_price NUMERIC(38, 18);
ALTER TABLE positions ADD COLUMN leverage NUMERIC(10, 4);

-- Every funding settlement booked into a bot's PnL: journaled like a fill (in the same transaction as nothing else,
-- before it reaches the position) and replayed on restart. One per bot and fixing time.
CREATE TABLE funding_payments (
    id          UUID PRIMARY KEY,
    seq         BIGINT GENERATED ALWAYS AS IDENTITY,
    owner_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    bot_id      UUID NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    symbol      VARCHAR(32) NOT NULL,
    rate        NUMERIC(38, 18) NOT NULL,
    mark_price  NUMERIC(38, 18) NOT NULL,
    amount      NUMERIC(38, 18) NOT NULL,
    settled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT funding_payments_uk UNIQUE (bot_id, settled_at)
);
