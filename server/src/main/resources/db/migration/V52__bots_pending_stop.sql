-- A stop that was decided but not yet carried out (docs/architecture.md "Life of a stop"): set with the STOPPED/ERROR
-- status in the stop's transaction, cleared once the bot's last turn has run and its cancels were sent. A bot that still
-- has it after a crash, or whose shard moved to another node in between, is rebuilt from its journal by whoever runs it
-- next, only to reconcile its in-flight orders and cancel what is open. Holds the stop's reason.
ALTER TABLE bots ADD COLUMN pending_stop VARCHAR(500);
