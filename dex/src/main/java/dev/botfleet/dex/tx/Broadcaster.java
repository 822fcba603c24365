package dev.botfleet.dex.tx;

import java.io.IOException;

/** Hands a signed transaction to the network ({@code eth_sendRawTransaction}); the manager journals before this. */
@FunctionalInterface
public interface Broadcaster {
    /**
     * @throws TxRejectedException when the node answers with an error (refused)
     * @throws IOException         when the answer never came (the node may have it)
     */
    void send(String rawTx) throws IOException;
}
