package dev.botfleet.dex.tx;

/** The node refused a transaction outright (its JSON-RPC error message is kept): it is not in any mempool. */
public class TxRejectedException extends RuntimeException {
    public TxRejectedException(String message) {
        super(message);
    }
}
