-- An administrator can disable an account: its bots stop, its tokens are refused, it cannot log in until enabled.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
