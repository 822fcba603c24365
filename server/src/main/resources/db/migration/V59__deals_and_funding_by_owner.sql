-- The owner's deals and funding payments by time. The daily summary counts a user's deals closed in the last day and
-- the portfolio sums their funding payments in its window; with only the bots' indexes (deals_bot_ix,
-- funding_payments_uk) each of those read the whole table — every deal or payment of every user — per user and call.
-- One more index entry per closed deal and per funding payment (both far rarer than fills).
CREATE INDEX deals_owner_closed_ix ON deals (owner_id, closed_at);
CREATE INDEX funding_payments_owner_ix ON funding_payments (owner_id, settled_at);
