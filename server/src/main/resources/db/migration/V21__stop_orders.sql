-- STOP_MARKET orders: a longer type name and the price that triggers the stop.
ALTER TABLE orders DROP CONSTRAINT orders_type_ck;
ALTER TABLE orders ALTER COLUMN type SET DATA TYPE VARCHAR(16);
ALTER TABLE orders ADD CONSTRAINT orders_type_ck CHECK (type IN ('LIMIT', 'MARKET', 'STOP_MARKET'));
ALTER TABLE orders ADD COLUMN trigger_price NUMERIC(38, 18);
