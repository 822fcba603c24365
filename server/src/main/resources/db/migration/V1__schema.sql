-- botfleet schema. Portable SQL: runs on PostgreSQL and on H2 in MODE=PostgreSQL.
-- Every owned row carries owner_id and every query filters by it.
-- Prices, quantities and money are NUMERIC(38,18): exact decimals, never floating point.
-- seq columns give a stable "newest first" order when two rows share a timestamp.

CREATE TABLE users (
    id            UUID PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_email_uk UNIQUE (email),
    CONSTRAINT users_role_ck CHECK (role IN ('ADMIN', 'USER'))
);

-- Exchange API keys, encrypted with AES-256-GCM: each *_enc column holds base64(iv || ciphertext || tag).
CREATE TABLE exchange_credentials (
    id             UUID PRIMARY KEY,
    owner_id       UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    exchange       VARCHAR(32)   NOT NULL,
    label          VARCHAR(100)  NOT NULL,
    api_key_last4  VARCHAR(4)    NOT NULL,
    api_key_enc    VARCHAR(2048) NOT NULL,
    api_secret_enc VARCHAR(4096) NOT NULL,
    passphrase_enc VARCHAR(2048),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX exchange_credentials_owner_ix ON exchange_credentials (owner_id, exchange);

CREATE TABLE bots (
    id             UUID PRIMARY KEY,
    seq            BIGINT GENERATED ALWAYS AS IDENTITY,
    owner_id       UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name           VARCHAR(100)   NOT NULL,
    exchange       VARCHAR(32)    NOT NULL,
    symbol         VARCHAR(32)    NOT NULL,
    strategy       VARCHAR(64)    NOT NULL,
    mode           VARCHAR(8)     NOT NULL,
    status         VARCHAR(8)     NOT NULL,
    status_reason  VARCHAR(500),
    config         VARCHAR(65535) NOT NULL,
    pnl            NUMERIC(38, 18) NOT NULL DEFAULT 0,
    total_trades   BIGINT         NOT NULL DEFAULT 0,
    last_fill_time TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bots_mode_ck CHECK (mode IN ('PAPER', 'LIVE')),
    CONSTRAINT bots_status_ck CHECK (status IN ('ACTIVE', 'STOPPED', 'ERROR'))
);
CREATE INDEX bots_owner_ix ON bots (owner_id, status);

-- A bot's deletion keeps its log entries (bot_id becomes null): the story of the fleet stays readable.
CREATE TABLE activity_logs (
    id         UUID PRIMARY KEY,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY,
    owner_id   UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    bot_id     UUID REFERENCES bots (id) ON DELETE SET NULL,
    level      VARCHAR(8)    NOT NULL,
    message    VARCHAR(1000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT activity_logs_level_ck CHECK (level IN ('INFO', 'SUCCESS', 'WARNING', 'ERROR'))
);
CREATE INDEX activity_logs_owner_ix ON activity_logs (owner_id, seq);
CREATE INDEX activity_logs_bot_ix ON activity_logs (bot_id);

-- Orders are journaled before they reach an exchange; client_order_id is deterministic and unique per bot.
CREATE TABLE orders (
    id                UUID PRIMARY KEY,
    seq               BIGINT GENERATED ALWAYS AS IDENTITY,
    owner_id          UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    bot_id            UUID NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    client_order_id   VARCHAR(64)  NOT NULL,
    exchange_order_id VARCHAR(128),
    exchange          VARCHAR(32)  NOT NULL,
    symbol            VARCHAR(32)  NOT NULL,
    side              VARCHAR(4)   NOT NULL,
    type              VARCHAR(8)   NOT NULL,
    time_in_force     VARCHAR(8)   NOT NULL,
    price             NUMERIC(38, 18),
    quantity          NUMERIC(38, 18) NOT NULL,
    filled_quantity   NUMERIC(38, 18) NOT NULL DEFAULT 0,
    average_price     NUMERIC(38, 18),
    fee               NUMERIC(38, 18) NOT NULL DEFAULT 0,
    fee_currency      VARCHAR(16),
    status            VARCHAR(20)  NOT NULL,
    reason            VARCHAR(500),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT orders_client_order_uk UNIQUE (bot_id, client_order_id),
    CONSTRAINT orders_side_ck CHECK (side IN ('BUY', 'SELL')),
    CONSTRAINT orders_type_ck CHECK (type IN ('LIMIT', 'MARKET')),
    CONSTRAINT orders_status_ck CHECK (status IN ('INITIALIZED', 'DENIED', 'SUBMITTED', 'ACCEPTED',
        'PARTIALLY_FILLED', 'FILLED', 'PENDING_CANCEL', 'CANCELED', 'REJECTED', 'EXPIRED')),
    CONSTRAINT orders_quantity_ck CHECK (quantity > 0 AND filled_quantity >= 0 AND filled_quantity <= quantity)
);
CREATE INDEX orders_owner_ix ON orders (owner_id, seq);
CREATE INDEX orders_bot_ix ON orders (bot_id, status);

-- One execution of an order. trade_id comes from the exchange and is unique per order: a fill is never counted twice.
CREATE TABLE trades (
    id           UUID PRIMARY KEY,
    seq          BIGINT GENERATED ALWAYS AS IDENTITY,
    owner_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    bot_id       UUID NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    order_id     UUID NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    trade_id     VARCHAR(128) NOT NULL,
    symbol       VARCHAR(32)  NOT NULL,
    side         VARCHAR(4)   NOT NULL,
    price        NUMERIC(38, 18) NOT NULL,
    quantity     NUMERIC(38, 18) NOT NULL,
    fee          NUMERIC(38, 18) NOT NULL DEFAULT 0,
    fee_currency VARCHAR(16),
    realized_pnl NUMERIC(38, 18) NOT NULL DEFAULT 0,
    executed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT trades_trade_uk UNIQUE (order_id, trade_id),
    CONSTRAINT trades_side_ck CHECK (side IN ('BUY', 'SELL')),
    CONSTRAINT trades_quantity_ck CHECK (quantity > 0 AND price > 0)
);
CREATE INDEX trades_bot_ix ON trades (bot_id, seq);
CREATE INDEX trades_owner_ix ON trades (owner_id, seq);

-- Net position of a bot in one symbol (signed quantity: negative is short).
CREATE TABLE positions (
    id                  UUID PRIMARY KEY,
    owner_id            UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    bot_id              UUID NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    exchange            VARCHAR(32) NOT NULL,
    symbol              VARCHAR(32) NOT NULL,
    quantity            NUMERIC(38, 18) NOT NULL DEFAULT 0,
    average_entry_price NUMERIC(38, 18),
    realized_pnl        NUMERIC(38, 18) NOT NULL DEFAULT 0,
    fees                NUMERIC(38, 18) NOT NULL DEFAULT 0,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT positions_bot_symbol_uk UNIQUE (bot_id, symbol)
);
CREATE INDEX positions_owner_ix ON positions (owner_id);
