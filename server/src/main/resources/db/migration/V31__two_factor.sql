-- Two-factor authentication (TOTP, RFC 6238). One row per user who started a setup; enabled_at is NULL until the
-- first code confirmed it. The secret is AES-GCM encrypted under the master key. last_used_step is the last 30-second
-- step whose code was accepted: a code of that step or an earlier one is never accepted again (replay).
CREATE TABLE two_factor (
    user_id          UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    secret_enc       VARCHAR(500) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    enabled_at       TIMESTAMP WITH TIME ZONE,
    last_used_step   BIGINT,
    require_for_live BOOLEAN NOT NULL DEFAULT FALSE,
    require_for_keys BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT two_factor_pk PRIMARY KEY (user_id)
);

-- One-time recovery codes: only the SHA-256 of (user id, code) is stored; used_at marks a consumed one.
CREATE TABLE two_factor_recovery_codes (
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  VARCHAR(64) NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT two_factor_recovery_codes_pk PRIMARY KEY (user_id, code_hash)
);

-- The second step of a login: a random challenge answered after the right password, only its SHA-256 stored,
-- single use, short-lived. token_version ties it to the password it was earned with.
CREATE TABLE login_challenges (
    challenge_hash VARCHAR(64) NOT NULL,
    user_id        UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_version  INT NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT login_challenges_pk PRIMARY KEY (challenge_hash)
);
CREATE INDEX login_challenges_expiry_ix ON login_challenges (expires_at);
