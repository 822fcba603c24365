-- Password reset by email: only the SHA-256 of a token is stored (the token itself is only in the mail, so a database
-- reader cannot reset anyone's password). One row per user at most: a new request replaces the older token; using a
-- token deletes it.
CREATE TABLE password_reset_tokens (
    token_hash  VARCHAR(64) NOT NULL,
    user_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT password_reset_tokens_pk PRIMARY KEY (token_hash)
);
CREATE INDEX password_reset_tokens_user_ix ON password_reset_tokens (user_id);
CREATE INDEX password_reset_tokens_expiry_ix ON password_reset_tokens (expires_at);
