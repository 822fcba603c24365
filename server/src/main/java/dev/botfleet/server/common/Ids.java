package dev.botfleet.server.common;

import java.util.UUID;

/**
 * Ids of rows the fleet writes all the time (orders, trades, deals, positions, funding, activity-log lines): UUID
 * version 7 (RFC 9562), the time in milliseconds in the first 48 bits and 74 random bits from {@link IdRandomness}
 * (independent DRBGs, not {@link UUID#randomUUID}'s one shared generator, which queued a fleet's bots in bursts).
 * New ids sort after older ones, so an insert lands at the right end of the primary key's index instead of on a random
 * page: fewer pages written per commit (H2 rewrites every page a commit touched; PostgreSQL logs them).
 */
public final class Ids {
    private static final IdRandomness RANDOM = IdRandomness.forThisMachine();

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
        long[] random = new long[2];
        RANDOM.next(random);
        long high = (epochMillis << 16) | 0x7000L | (random[0] & 0x0FFFL);
        long low = (random[1] & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;  // variant 10 (RFC 9562)
        return new UUID(high, low);
    }
}
