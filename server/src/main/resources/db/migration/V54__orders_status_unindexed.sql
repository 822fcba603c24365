-- No index on an order's status. An order's status changes two or three times in its first seconds (accepted, filled
-- or canceled): with the status in orders_bot_ix (bot_id, status), each of those updates wrote an entry into every
-- index of the table (PostgreSQL cannot update a row "heap-only" when an indexed column changes) — most of a trading
-- fleet's journal work. Without it an update changes no indexed column. A bot's orders are still found by its id
-- through orders_client_order_uk (bot_id, client_order_id), which is also the only index a lookup by client order id
-- can now choose: planned on the empty tables of a fresh fleet, such lookups had taken orders_bot_ix and read all of
-- the bot's orders. A bot's open orders (read when it starts) are its orders filtered by status.
DROP INDEX orders_bot_ix;
