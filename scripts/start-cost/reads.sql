-- PostgreSQL's time for what 300 bots' starts read (scripts/start-cost.sh), each query as OrderRepository and
-- SimOrderRecord run it, every column of every row read: a start without a flat point (every fill, every order's
-- status, every receipt) and one from the mark (the fills after it, the orders it names and those placed after it,
-- the receipts of open orders the journal has no acknowledgement of, the trade ids of open orders partly filled). The
-- client order ids are read by both.

DO $$
DECLARE
  b uuid; s bigint; t0 timestamptz; open_ids varchar[];
  fills_all interval := '0'; fills_flat interval := '0'; open_o interval := '0'; cids interval := '0';
  rec_all interval := '0'; rec_open interval := '0'; open_mark interval := '0';
  ids varchar[]; nxt bigint; unacked varchar[]; partly varchar[]; width bigint; asked int := 0;
BEGIN
  FOR b IN SELECT id FROM bots ORDER BY seq LIMIT 300 OFFSET 300 LOOP
    t0 := clock_timestamp();
    PERFORM sum(length(t::text)) FROM (SELECT * FROM trades WHERE bot_id = b ORDER BY seq) t;
    fills_all := fills_all + (clock_timestamp() - t0); t0 := clock_timestamp();
    SELECT t.seq INTO s FROM positions p
      JOIN orders o ON o.bot_id = p.bot_id AND o.client_order_id = p.flat_client_order_id
      JOIN trades t ON t.order_id = o.id AND t.trade_id = p.flat_trade_id
     WHERE p.bot_id = b AND p.symbol = 'BTC/USDT';
    PERFORM sum(length(t::text)) FROM (SELECT * FROM trades WHERE bot_id = b AND seq > s ORDER BY seq) t;
    fills_flat := fills_flat + (clock_timestamp() - t0); t0 := clock_timestamp();
    SELECT array_agg(client_order_id) INTO open_ids FROM (SELECT * FROM orders WHERE bot_id = b
       AND status IN ('INITIALIZED', 'SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED', 'PENDING_CANCEL') ORDER BY seq) o;
    open_o := open_o + (clock_timestamp() - t0); t0 := clock_timestamp();
    SELECT array_agg(client_order_id) INTO ids FROM orders WHERE bot_id = b;
    cids := cids + (clock_timestamp() - t0); t0 := clock_timestamp();
    -- from the mark: its open ids and those placed after it (sequence >= flat_next_sequence), by the unique index;
    -- of the open orders found, those unacknowledged need their receipt and those partly filled their trade ids (the
    -- server asks only when there are any)
    SELECT flat_next_sequence INTO nxt FROM positions WHERE bot_id = b;
    SELECT array_agg(client_order_id) FILTER (WHERE NOT acknowledged),
           array_agg(client_order_id) FILTER (WHERE filled_quantity > 0), sum(length(o::text))
      INTO unacked, partly, width
      FROM (SELECT * FROM orders WHERE bot_id = b AND client_order_id = ANY (
              ARRAY(SELECT i FROM unnest(ids) i WHERE split_part(i, '-', 6)::bigint >= nxt))
              AND status IN ('INITIALIZED', 'SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED', 'PENDING_CANCEL')
            ORDER BY seq) o;
    open_mark := open_mark + (clock_timestamp() - t0); t0 := clock_timestamp();
    PERFORM count(*) FROM (SELECT client_order_id, status, reason FROM sim_orders WHERE bot_id = b) r;
    rec_all := rec_all + (clock_timestamp() - t0); t0 := clock_timestamp();
    IF unacked IS NOT NULL THEN
      PERFORM count(*) FROM (SELECT client_order_id, status, reason FROM sim_orders
         WHERE bot_id = b AND client_order_id = ANY (unacked)) r;
      asked := asked + 1;
    END IF;
    IF partly IS NOT NULL THEN
      PERFORM count(*) FROM (SELECT o.client_order_id, t.trade_id FROM orders o JOIN trades t ON t.order_id = o.id
         WHERE o.bot_id = b AND o.client_order_id = ANY (partly) ORDER BY t.seq) x;
      asked := asked + 1;
    END IF;
    rec_open := rec_open + (clock_timestamp() - t0);
  END LOOP;
  RAISE NOTICE 'fills: every fill % / from the flat point %', fills_all, fills_flat;
  RAISE NOTICE 'open orders: by status % / from the mark %; client order ids (both) %', open_o, open_mark, cids;
  RAISE NOTICE 'receipts: every one %; from the mark, receipts and trade ids of the open orders that need them % (% queries)',
    rec_all, rec_open, asked;
END $$;
