-- LIVE DEX bots (docs/dex-live.md): every transaction a wallet signs, journaled BEFORE it is broadcast, so that after
-- a crash it is found on chain again by hash and nonce and never signed twice (the server's TxJournal).
-- Wei amounts are whole numbers up to 2^256: NUMERIC(78, 0). raw_tx is the signed transaction (public once sent).
CREATE TABLE dex_transactions (
    hash                     VARCHAR(66)  NOT NULL,
    owner_id                 UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    network                  VARCHAR(28)  NOT NULL,
    chain_id                 BIGINT       NOT NULL,
    wallet                   VARCHAR(42)  NOT NULL,
    nonce                    NUMERIC(78, 0) NOT NULL,
    kind                     VARCHAR(16)  NOT NULL,
    purpose                  VARCHAR(16)  NOT NULL,
    bot_id                   UUID REFERENCES bots (id) ON DELETE SET NULL,
    client_order_id          VARCHAR(64),
    replaces                 VARCHAR(66),
    to_address               VARCHAR(42),
    value_wei                NUMERIC(78, 0) NOT NULL,
    data                     TEXT         NOT NULL,
    gas_limit                NUMERIC(78, 0) NOT NULL,
    max_fee_per_gas          NUMERIC(78, 0) NOT NULL,
    max_priority_fee_per_gas NUMERIC(78, 0) NOT NULL,
    raw_tx                   TEXT         NOT NULL,
    status                   VARCHAR(16)  NOT NULL,
    block_number             BIGINT,
    reason                   VARCHAR(2000),
    gas_used                 NUMERIC(78, 0),
    effective_gas_price      NUMERIC(78, 0),
    fee_quote                NUMERIC(38, 18),
    fee_quote_asset          VARCHAR(16),
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dex_transactions_pk PRIMARY KEY (hash)
);
CREATE INDEX dex_transactions_wallet_ix ON dex_transactions (chain_id, wallet, nonce);
CREATE INDEX dex_transactions_owner_ix ON dex_transactions (owner_id, created_at);
CREATE INDEX dex_transactions_order_ix ON dex_transactions (bot_id, client_order_id);

-- A LIVE DEX bot trades with one of its owner's stored wallets (wallet_keys); a deleted wallet leaves NULL and the
-- bot cannot start (ERROR with the reason).
ALTER TABLE dex_bots ADD COLUMN wallet_key_id UUID REFERENCES wallet_keys (id) ON DELETE SET NULL;
