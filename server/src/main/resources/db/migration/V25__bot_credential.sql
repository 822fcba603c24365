-- The key a LIVE bot trades with (null for paper bots). A deleted key leaves its bot without one; the API refuses to
-- delete a key that a running LIVE bot uses.
ALTER TABLE bots ADD COLUMN credential_id UUID REFERENCES exchange_credentials (id) ON DELETE SET NULL;
