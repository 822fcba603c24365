package dev.botfleet.dex.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of every signed transaction, written BEFORE it is broadcast: after a crash anywhere, what was
 * signed is known and can be found on chain by hash and nonce, so it is never signed a second time. The module ships
 * a file-backed one ({@link FileTxJournal}); the server adds a JDBC one.
 */
public interface TxJournal {

    /** Stores the record (insert or replace by hash); durable when it returns. */
    void save(TxRecord record);

    Optional<TxRecord> find(String hash);

    /** Every record of the wallet whose status can still change, by nonce then signing order. */
    List<TxRecord> open(String wallet);

    /** Every record of the wallet at that nonce, in signing order. */
    List<TxRecord> atNonce(String wallet, BigInteger nonce);

    /** The highest nonce the wallet has a record for that may still be (or was) used on chain; empty if none. */
    Optional<BigInteger> highestNonce(String wallet);
}
