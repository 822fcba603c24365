package dev.botfleet.server.common;

/**
 * One bot's rows, when its owner asks: the condition for the tables that carry both {@code owner_id} and
 * {@code bot_id} (orders, trades, positions, deals, ml_decisions, activity_logs, dex_transactions), with the parameters
 * {@code :bot} and {@code :owner}.
 *
 * <p>Why not {@code owner_id = :owner AND bot_id = :bot}: H2 plans a new table's queries without statistics and then
 * chose the owner's index for it, so one bot's read went through every row of its owner's fleet — the positions of a
 * 1,000-bot account read 1,000 rows to answer one, its trades every fill of the fleet (docs/fleet-scale.md, "What a
 * request costs"). Here the only condition on the table's own columns is the bot's; its owner is checked once, on the
 * bot's row (its primary key) — the same rows, since a bot's rows all carry its owner.
 *
 * <p>On the bot's row itself the owner is compared with {@code IS NOT DISTINCT FROM} (the same as {@code =} for a
 * column that is never null), which no index can answer: with {@code owner_id = :owner} PostgreSQL too planned a new
 * fleet's lookups of one bot (planned while the table looked empty, then kept with the prepared statement) through the
 * owner's index {@code bots_owner_ix} and read every bot of the owner to find one — 1,000 rows for each activity-log
 * line of a 1,000-bot fleet, 10,000 at 10,000 bots (docs/fleet-scale/2026-12-07-part2.md). The primary key is the
 * only index left to choose.
 */
public final class OwnedBot {
    /** The owner's bot {@code :id} (parameters {@code :id} and {@code :owner}), on the bots table. */
    public static final String BOT = "id = :id AND owner_id IS NOT DISTINCT FROM :owner";

    public static final String ROWS = "bot_id = :bot AND bot_id IN (SELECT owned.id FROM bots owned"
            + " WHERE owned.id = :bot AND owned.owner_id IS NOT DISTINCT FROM :owner)";

    private OwnedBot() {
    }
}
