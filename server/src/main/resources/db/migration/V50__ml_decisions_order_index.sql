-- An order's ML confidence is read by (bot, client order id) with every order the API or the stream shows.
CREATE INDEX ml_decisions_order_ix ON ml_decisions (bot_id, client_order_id);
