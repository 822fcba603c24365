-- Sign-In with Ethereum (EIP-4361) and the wallet-key vault (issue 14 part C, docs/security.md).

-- Nonces the server handed out for a SIWE message: single use (deleted when spent), short-lived. user_id is NULL
-- for a sign-in and the account for linking an address to it, so a nonce asked for one purpose cannot serve the other.
-- client is the address that asked (the nonce endpoint needs no login: unspent nonces are limited per client).
CREATE TABLE siwe_nonces (
    nonce      VARCHAR(64) NOT NULL,
    user_id    UUID REFERENCES users (id) ON DELETE CASCADE,
    client     VARCHAR(64) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT siwe_nonces_pk PRIMARY KEY (nonce)
);
CREATE INDEX siwe_nonces_expiry_ix ON siwe_nonces (expires_at);

-- Ethereum addresses that sign in to an account (lower case 0x + 40 hex digits); one account per address.
CREATE TABLE wallet_addresses (
    address   VARCHAR(42) NOT NULL,
    user_id   UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    linked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT wallet_addresses_pk PRIMARY KEY (address)
);
CREATE INDEX wallet_addresses_user_ix ON wallet_addresses (user_id);

-- Wallets DEX bots trade with: a private key AES-256-GCM encrypted under the master key (as exchange keys), or an
-- external signer's URL (the key stays with the signer). address is the wallet's, lower case.
CREATE TABLE wallet_keys (
    id              UUID NOT NULL,
    owner_id        UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    label           VARCHAR(100) NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    address         VARCHAR(42) NOT NULL,
    private_key_enc VARCHAR(200),
    signer_url      VARCHAR(2048),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT wallet_keys_pk PRIMARY KEY (id),
    CONSTRAINT wallet_keys_owner_address_uk UNIQUE (owner_id, address),
    CONSTRAINT wallet_keys_kind_ck CHECK (
        (kind = 'PRIVATE_KEY' AND private_key_enc IS NOT NULL AND signer_url IS NULL)
        OR (kind = 'EXTERNAL_SIGNER' AND private_key_enc IS NULL AND signer_url IS NOT NULL))
);
