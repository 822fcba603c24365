package dev.botfleet.server.common;

import java.util.UUID;

/**
 * Ids of rows the fleet writes all the time (orders, trades, deals, positions, funding, activity-log lines): UUID
 * version 7 (RFC 9562), the time in milliseconds in the first 48 bits and 74 random bits from {@link UUID#randomUUID}.
 * New ids sort after older ones, so an insert lands at the right end of the primary key's index instead of on a random
 * page: fewer pages written per commit (H2 rewrites every page a commit touched; PostgreSQL logs them).
 */
public final class Ids {
    private Ids() {
    }

    /**
     * The least id of {@code epochMillis}: every id made earlier sorts before it, every id made then or later does not
     * (by PostgreSQL's and H2's order of UUIDs, byte by byte).
     */
    public static UUID earliestOf(long epochMillis) {
        return new UUID((epochMillis << 16) | 0x7000L, 0L);
    }

    public static UUID timeOrdered() {
        return timeOrdered(System.currentTimeMillis());
    }

    /** A new id of {@code epochMillis}. */
    public static UUID timeOrdered(long epochMillis) {
        UUID random = UUID.randomUUID();  // variant bits already RFC 4122/9562
        long high = (epochMillis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(high, random.getLeastSignificantBits());
    }
}
