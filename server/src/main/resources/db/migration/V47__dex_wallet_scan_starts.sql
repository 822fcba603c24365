-- The wallet screen's approval scan (docs/dex-live.md "Wallets"). The block of a wallet's first transaction on a
-- network, found once (binary search on the wallet's transaction count) and kept, so the Approval logs are read from
-- there in bounded chunks instead of from block 0; and what was read, so the next view reads only the new blocks.
CREATE TABLE dex_wallet_scan_starts (
    wallet_key_id UUID        NOT NULL REFERENCES wallet_keys (id) ON DELETE CASCADE,
    network       VARCHAR(64) NOT NULL,
    chain_id      BIGINT      NOT NULL,
    from_block    BIGINT      NOT NULL,
    PRIMARY KEY (wallet_key_id, network)
);

-- Up to which block a token's Approval logs of the wallet were read on a network.
CREATE TABLE dex_wallet_approval_scans (
    wallet_key_id UUID        NOT NULL REFERENCES wallet_keys (id) ON DELETE CASCADE,
    network       VARCHAR(64) NOT NULL,
    chain_id      BIGINT      NOT NULL,
    token         VARCHAR(42) NOT NULL,
    scanned_to    BIGINT      NOT NULL,
    PRIMARY KEY (wallet_key_id, network, token)
);

-- The spenders found in those logs (lower-case addresses); their allowance is read again at every view.
CREATE TABLE dex_wallet_approval_spenders (
    wallet_key_id UUID        NOT NULL REFERENCES wallet_keys (id) ON DELETE CASCADE,
    network       VARCHAR(64) NOT NULL,
    token         VARCHAR(42) NOT NULL,
    spender       VARCHAR(42) NOT NULL,
    PRIMARY KEY (wallet_key_id, network, token, spender)
);
