-- H2 only: a bot's orders by age, read backwards for its order list instead of sorting all its orders (PostgreSQL's
-- V58 says why; H2 has no partial indexes, and it plans by the columns a query names, so the journal's lookups by
-- (bot_id, client_order_id) keep the unique index: OrderListH2Test).
CREATE INDEX orders_bot_seq_ix ON orders (bot_id, seq);
