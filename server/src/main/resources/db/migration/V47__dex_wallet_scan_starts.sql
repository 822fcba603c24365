-- The wallet screen's approval scan (docs/dex-live.md "Wallets"): the block of a wallet's first transaction on a
-- network, found once (binary search on the wallet's transaction count) and kept, so the Approval logs are read from
-- there in bounded chunks instead of from block 0.
CREATE TABLE dex_wallet_scan_starts (
    wallet_key_id UUID        NOT NULL REFERENCES wallet_keys (id) ON DELETE CASCADE,
    network       VARCHAR(64) NOT NULL,
    chain_id      BIGINT      NOT NULL,
    from_block    BIGINT      NOT NULL,
    PRIMARY KEY (wallet_key_id, network)
);
