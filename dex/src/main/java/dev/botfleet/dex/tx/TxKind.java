package dev.botfleet.dex.tx;

/** Why a record was signed. */
public enum TxKind {
    /** A new transaction with a fresh nonce. */
    SEND,
    /** The same transaction again at the same nonce with higher fees (a stuck one). */
    REPLACEMENT,
    /** A zero-value transfer to ourselves at the same nonce: whichever is mined, the original no longer can be. */
    CANCEL
}
