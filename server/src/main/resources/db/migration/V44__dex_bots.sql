-- DEX bots (docs/dex.md "DEX bots in botfleet").

-- A DEX market: a pair of ERC-20 tokens on one configured network. Bots name it like any market: exchange
-- 'dex:<network>', symbol '<base symbol>/<quote symbol>' as the tokens' contracts answer symbol(). One market per
-- symbol pair and network, so a symbol always means the same two contracts.
CREATE TABLE dex_markets (
    network        VARCHAR(32) NOT NULL,
    symbol         VARCHAR(32) NOT NULL,
    base_token     VARCHAR(42) NOT NULL,
    quote_token    VARCHAR(42) NOT NULL,
    base_decimals  INT         NOT NULL,
    quote_decimals INT         NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (network, symbol),
    CONSTRAINT dex_markets_tokens_uq UNIQUE (network, base_token, quote_token)
);

-- What a DEX bot has besides the common bot row: its swap protection and its intelligence level (1-10).
CREATE TABLE dex_bots (
    bot_id       UUID PRIMARY KEY REFERENCES bots (id) ON DELETE CASCADE,
    slippage_bps INT NOT NULL,
    intel_level  INT NOT NULL,
    CONSTRAINT dex_bots_slippage_ck CHECK (slippage_bps BETWEEN 0 AND 5000),
    CONSTRAINT dex_bots_intel_ck CHECK (intel_level BETWEEN 1 AND 10)
);

-- Each start of a DEX bot is a session (run). Its trades are the bot's journaled trades after trade_seq_at_start, up
-- to trade_seq_at_end once it ended; its PnL is their realized PnL (net of fees, gas included).
CREATE TABLE dex_bot_sessions (
    run_id             UUID PRIMARY KEY,
    bot_id             UUID NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    intel_level        INT NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at           TIMESTAMP WITH TIME ZONE,
    trade_seq_at_start BIGINT NOT NULL,
    trade_seq_at_end   BIGINT
);
CREATE INDEX dex_bot_sessions_bot_ix ON dex_bot_sessions (bot_id, started_at);
