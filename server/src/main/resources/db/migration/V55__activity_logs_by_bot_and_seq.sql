-- A bot's activity log by bot and age. Its page (newest first, 100 lines) read every line the bot ever wrote and sorted
-- them, on each call: a bot of a trading fleet writes thousands of lines an hour. Along (bot_id, seq) the page is read
-- backwards and stops at its last line. Same name, so nothing that names the index changes; one index as before.
DROP INDEX activity_logs_bot_ix;
CREATE INDEX activity_logs_bot_ix ON activity_logs (bot_id, seq);
