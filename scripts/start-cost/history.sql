-- A long-lived fleet's journal (scripts/start-cost.sh): 1,000 bots x 1,000 orders, interleaved as a fleet books them
-- (row i of every bot, then row i + 1). Orders 1-999 filled once each, alternately buy and sell; the buy 999 is the
-- open deal, the sell 1000 rests. Each bot last stood flat after the fill of its order 998 (the mark V56 keeps).

INSERT INTO users (id, email, password_hash, role, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-000000000001', 'load@x', 'x', 'USER', now(), now());
INSERT INTO bots (id, owner_id, name, exchange, symbol, strategy, mode, status, config, created_at, updated_at)
SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'b' || g, 'sim', 'BTC/USDT', 'scalper', 'PAPER',
       'STOPPED', '{}', now(), now() FROM generate_series(1, 1000) g;
CREATE TEMP TABLE ids AS SELECT id, row_number() OVER (ORDER BY seq) AS n FROM bots;
INSERT INTO orders (id, owner_id, bot_id, client_order_id, exchange, symbol, side, type, time_in_force, price, quantity,
                    filled_quantity, average_price, fee, fee_currency, status, acknowledged, created_at, updated_at)
SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', b.id, b.id || '-' || i, 'sim', 'BTC/USDT',
       CASE WHEN i % 2 = 1 THEN 'BUY' ELSE 'SELL' END, 'LIMIT', 'GTC', 63000.12, 0.001,
       CASE WHEN i < 1000 THEN 0.001 ELSE 0 END, CASE WHEN i < 1000 THEN 63000.12 END, 0.063, 'USDT',
       CASE WHEN i < 1000 THEN 'FILLED' ELSE 'ACCEPTED' END, TRUE, now(), now()
  FROM generate_series(1, 1000) i CROSS JOIN ids b ORDER BY i, b.n;
INSERT INTO trades (id, owner_id, bot_id, order_id, trade_id, symbol, side, price, quantity, fee, fee_currency,
                    realized_pnl, executed_at, client_order_id, exchange, liquidity)
SELECT gen_random_uuid(), o.owner_id, o.bot_id, o.id, o.client_order_id || '-0.001', o.symbol, o.side, 63000.12,
       0.001, 0.063, 'USDT', 0, now(), o.client_order_id, 'sim', 'MAKER'
  FROM orders o WHERE o.status = 'FILLED' ORDER BY o.seq;
INSERT INTO sim_orders (client_order_id, bot_id, status, submissions, received_at)
SELECT client_order_id, bot_id, 'ACCEPTED', 1, now() FROM orders ORDER BY seq;
-- where each bot last stood flat: the fill of its order 998 (the buy 999 is open, the sell 1000 rests)
INSERT INTO positions (id, owner_id, bot_id, exchange, symbol, quantity, average_entry_price, realized_pnl, fees,
                       updated_at, flat_client_order_id, flat_trade_id, flat_realized_pnl, flat_fees, flat_base_flow,
                       flat_quote_flow, flat_at, flat_open_orders, flat_next_sequence)
SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', id, 'sim', 'BTC/USDT', 0.001, 63000.12, -62.937,
       63.0, now(), id || '-998', id || '-998-0.001', -62.874, 'USDT=62.874', 0, -62.874, now(), '', 999 FROM bots;
VACUUM ANALYZE;
