-- Bot runtime: what the journal needs to rebuild a bot after a restart, completed deals, and the simulated
-- exchange's own memory of the orders it received.

-- acknowledged: the exchange confirmed it knows the order (restart: re-rest it instead of resending it).
ALTER TABLE orders ADD COLUMN acknowledged BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE orders ADD COLUMN close_reason VARCHAR(32);

ALTER TABLE trades ADD COLUMN client_order_id VARCHAR(64);
ALTER TABLE trades ADD COLUMN exchange VARCHAR(32);
ALTER TABLE trades ADD COLUMN liquidity VARCHAR(8);

-- One completed round trip of a bot; bots.pnl and bots.total_trades are the sum and count of these.
CREATE TABLE deals (
    id           UUID PRIMARY KEY,
    seq          BIGINT GENERATED ALWAYS AS IDENTITY,
    owner_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    bot_id       UUID NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    symbol       VARCHAR(32)  NOT NULL,
    direction    VARCHAR(8)   NOT NULL,
    quantity     NUMERIC(38, 18) NOT NULL,
    entry_price  NUMERIC(38, 18),
    exit_price   NUMERIC(38, 18),
    pnl          NUMERIC(38, 18) NOT NULL,
    fees         NUMERIC(38, 18) NOT NULL,
    close_reason VARCHAR(32),
    opened_at    TIMESTAMP WITH TIME ZONE,
    closed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX deals_bot_ix ON deals (bot_id, seq);

-- The simulated exchange's persistent record of every order it received, by client order id (unique: an exchange
-- never holds two orders with one id). submissions counts how often the id was sent; more than 1 means a duplicate
-- submission reached the exchange (the reliability test asserts it never happens).
CREATE TABLE sim_orders (
    client_order_id VARCHAR(64) PRIMARY KEY,
    bot_id          UUID NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    status          VARCHAR(20) NOT NULL,
    reason          VARCHAR(500),
    submissions     INTEGER NOT NULL DEFAULT 1,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sim_orders_bot_ix ON sim_orders (bot_id);
