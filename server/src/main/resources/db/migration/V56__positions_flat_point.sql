-- Where a spot bot last stood flat: the fill after which it held nothing and had no deal open (its order's client id
-- and its trade id), what it had realized and paid in fees by then, and what its fills had done to a paper account.
-- Written with that fill, in its transaction. A bot starts from here and replays only the later fills, so its start
-- costs what its open deal costs, not what its whole history does (docs/fleet-scale.md, "A bot starts where it last
-- stood flat"). Null until the bot first stands flat (and always on a perpetual: its funding replays in time order).
ALTER TABLE positions ADD COLUMN flat_client_order_id VARCHAR(64);
ALTER TABLE positions ADD COLUMN flat_trade_id VARCHAR(128);
ALTER TABLE positions ADD COLUMN flat_realized_pnl NUMERIC(38, 18);
-- the fees per currency, in the order first charged: "USDT=0.123;BNB=0.01"
ALTER TABLE positions ADD COLUMN flat_fees VARCHAR(500);
ALTER TABLE positions ADD COLUMN flat_base_flow NUMERIC(38, 18);
ALTER TABLE positions ADD COLUMN flat_quote_flow NUMERIC(38, 18);
ALTER TABLE positions ADD COLUMN flat_at TIMESTAMP WITH TIME ZONE;
-- The orders then: the client order ids that may have been open (separated by spaces) and the sequence every later
-- order has at least. A start looks up only these orders and the ones placed after the mark.
ALTER TABLE positions ADD COLUMN flat_open_orders VARCHAR(4000);
ALTER TABLE positions ADD COLUMN flat_next_sequence BIGINT;
