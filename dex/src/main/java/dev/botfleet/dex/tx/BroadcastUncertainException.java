package dev.botfleet.dex.tx;

import java.io.IOException;

/**
 * Broadcasting failed on the way (the node may or may not have the transaction). The record stays SIGNED in the
 * journal with its nonce taken; {@link TxTracker#recover} finds out and, if the node never got it, sends the very
 * same signed bytes again — the same hash, so never a second transaction.
 */
public class BroadcastUncertainException extends IOException {
    private final String hash;

    public BroadcastUncertainException(String hash, Throwable cause) {
        super("broadcast of " + hash + " uncertain: " + cause.getMessage(), cause);
        this.hash = hash;
    }

    public String hash() {
        return hash;
    }
}
