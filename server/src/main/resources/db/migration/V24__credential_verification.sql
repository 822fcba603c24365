-- What verifying a key against its venue learned: testnet or not, its permissions, when it was checked.
ALTER TABLE exchange_credentials ADD COLUMN testnet BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE exchange_credentials ADD COLUMN can_trade BOOLEAN;
ALTER TABLE exchange_credentials ADD COLUMN can_withdraw BOOLEAN;
ALTER TABLE exchange_credentials ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;
