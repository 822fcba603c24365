package dev.botfleet.fakes.perp;

/** The ledger refused an order or a setting; each venue's fake says it in the venue's own words. */
public final class PerpRefused extends RuntimeException {

    public enum Reason {
        /** Free settle-asset balance below the order's initial margin. */
        INSUFFICIENT_MARGIN,
        /** A reduce-only order on a flat position or on the position's own side: it would open or increase it. */
        REDUCE_ONLY_WOULD_INCREASE,
        /** A reduce-only order larger than what is left to reduce (position less other open reduce-only orders). */
        REDUCE_ONLY_WOULD_FLIP,
        /** Leverage below 1 or above the product's maximum. */
        LEVERAGE_OUT_OF_RANGE,
        /** The market has no perpetual terms in this ledger. */
        NOT_A_PERPETUAL
    }

    public final Reason reason;

    public PerpRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }
}
