-- PostgreSQL only (Flyway's location db/vendor/{vendor}; application.yml). An order row is inserted and then updated two
-- to four times within seconds (accepted, partly filled, filled or canceled), often inside the same group commit. An
-- update stays on the row's page without new index entries (a heap-only tuple) only if the page has room for the new
-- version, and the dead versions of a transaction still open cannot be pruned to make that room: with pages filled to
-- the brim by the inserts, 37 % of a trading fleet's order updates were heap-only, each of the others writing an entry
-- into all three indexes of the table. Pages half filled by inserts leave the room: 90 %, a sixth less WAL a fill
-- (docs/fleet-scale/2026-12-07.md "Fewer reads and writes a fill on PostgreSQL"). New pages only: a table already
-- holding orders keeps its full pages, which are not updated again.
ALTER TABLE orders SET (fillfactor = 50);
