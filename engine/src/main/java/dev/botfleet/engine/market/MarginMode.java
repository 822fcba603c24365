package dev.botfleet.engine.market;

/**
 * How a perpetual position's margin is held. ISOLATED: only the margin put into this position can be lost (and the
 * liquidation price follows from it). CROSS: the whole settle-asset balance backs every cross position.
 */
public enum MarginMode {
    ISOLATED,
    CROSS
}
