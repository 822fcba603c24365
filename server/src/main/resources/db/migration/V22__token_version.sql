-- A login token carries the token_version it was issued under; changing the password or signing out everywhere
-- increments it, so every older token is refused (401) from then on.
ALTER TABLE users ADD COLUMN token_version INTEGER DEFAULT 0 NOT NULL;
