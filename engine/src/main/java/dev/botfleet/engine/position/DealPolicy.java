package dev.botfleet.engine.position;

/**
 * How a bot's fills are cut into deals (DESIGN.md: "Deal: one round trip of a bot"). A strategy picks one with
 * {@link dev.botfleet.engine.strategy.Strategy#dealPolicy()}.
 */
public enum DealPolicy {
    /** A deal runs from the fill that moves the position off zero to the fill that brings it back (or flips it). */
    FLAT_POSITION,
    /**
     * Lot matching, oldest first (FIFO): every entry fill opens a lot; an exit fill closes the oldest open lots. Each
     * lot, once its whole quantity is closed (possibly by several exit fills), is one deal with its own PnL net of the
     * fees of both sides. For bots that always hold inventory, whose position rarely returns to zero.
     */
    PER_LOT,
    /**
     * Lot matching like {@link #PER_LOT}, but an exit closes first the lot whose entry is nearest to the exit price on
     * the profitable side: for a long sold at x, the dearest lot bought below x (for a short bought back at x, the
     * cheapest lot sold above x); lots with no such entry follow oldest first. A grid sells grid k at line k + 1 and
     * grid k's lot was bought at line k, the nearest line below, so this pairs each grid's buy with its own sell
     * whatever order the fills of one turn come in (FIFO would pair the buy at 1050 with the sell at 1050 when the
     * price fell through 1050 and 1000 and rose back).
     */
    PER_LOT_NEAREST;

    public boolean perLot() { return this != FLAT_POSITION; }
}
