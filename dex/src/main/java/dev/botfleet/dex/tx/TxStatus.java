package dev.botfleet.dex.tx;

/** Where one signed transaction stands. A nonce can have several records (the original, replacements, a cancel). */
public enum TxStatus {
    /** Signed and journaled; not yet known to have reached a node (a crash here is resolved by {@code recover}). */
    SIGNED,
    /** A node accepted it (or already knew it); waiting to be mined. */
    SENT,
    /** Mined and succeeded, confirmation depth not reached yet. */
    MINED,
    /** Mined, succeeded, and buried under the required number of blocks. */
    CONFIRMED,
    /** Mined but reverted: the gas is spent, the call undone; the record carries the decoded reason. */
    FAILED,
    /** Another transaction with the same nonce was mined instead (our replacement, our cancel, or someone else's). */
    REPLACED,
    /** The node refused it outright (underpriced, insufficient funds...): never on chain, its nonce is free again. */
    REJECTED;

    /** Whether nothing about this record can change any more. */
    public boolean isFinal() {
        return this == CONFIRMED || this == FAILED || this == REPLACED || this == REJECTED;
    }
}
