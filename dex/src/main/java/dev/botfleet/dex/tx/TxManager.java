package dev.botfleet.dex.tx;

import dev.botfleet.dex.gas.Eip1559Fees;
import dev.botfleet.dex.signer.LocalKeySigner;
import dev.botfleet.dex.signer.SignerException;
import dev.botfleet.dex.signer.TransactionSigner;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;

/**
 * Sends a wallet's transactions: choose the nonce, sign, JOURNAL, then broadcast — in that order, under the wallet's
 * lock. Stuck transactions are replaced (same nonce, higher fees) or cancelled (a zero-value transfer to ourselves at
 * the same nonce). Fees come from the caller ({@code FeeStrategy}, {@code FeeBump}); receipts and crash recovery are
 * {@link TxTracker}'s. Signing is a {@link TransactionSigner}'s: a local key or an external signer; a signer that fails
 * ({@link SignerException}) fails the call before anything is journaled, so nothing is broadcast.
 */
public final class TxManager {

    private final long chainId;
    private final TransactionSigner signer;
    private final String wallet;
    private final TxJournal journal;
    private final NonceManager nonces;
    private final Broadcaster broadcaster;
    private final ChainClient chain;
    private final Clock clock;

    /** Signs with a key held here (the vault's decrypted key, a test account). */
    public TxManager(long chainId, Credentials key, TxJournal journal, NonceManager nonces,
                     Broadcaster broadcaster, ChainClient chain, Clock clock) {
        this(chainId, new LocalKeySigner(key), journal, nonces, broadcaster, chain, clock);
    }

    public TxManager(long chainId, TransactionSigner signer, TxJournal journal, NonceManager nonces,
                     Broadcaster broadcaster, ChainClient chain, Clock clock) {
        this.chainId = chainId;
        this.signer = signer;
        this.wallet = signer.address().toLowerCase(java.util.Locale.ROOT);
        this.journal = journal;
        this.nonces = nonces;
        this.broadcaster = broadcaster;
        this.chain = chain;
        this.clock = clock;
    }

    public String wallet() {
        return wallet;
    }

    /** Sends a new transaction with the wallet's next nonce. */
    public TxRecord submit(TxRequest request, Eip1559Fees fees) throws IOException {
        try (NonceManager.Lease lease = nonces.lease(wallet)) {
            TxRecord signed = sign(lease.nonce(), TxKind.SEND, null, request, fees);
            journal.save(signed);
            try {
                TxRecord sent = broadcast(signed);
                lease.consume();
                return sent;
            } catch (BroadcastUncertainException e) {
                lease.consume(); // the node may have it: the nonce stays this record's until recover() knows
                throw e;
            }
        }
    }

    /** Replaces a pending transaction: same nonce and call, the given (bumped) fees. */
    public TxRecord replace(String hash, Eip1559Fees fees) throws IOException {
        TxRecord original = pending(hash);
        TxRequest same = new TxRequest(original.to(), original.value(), original.data(), original.gasLimit());
        return resend(original, TxKind.REPLACEMENT, same, fees);
    }

    /** Cancels a pending transaction by taking its nonce with a zero-value transfer to ourselves. */
    public TxRecord cancel(String hash, Eip1559Fees fees) throws IOException {
        return resend(pending(hash), TxKind.CANCEL, TxRequest.transfer(wallet, BigInteger.ZERO), fees);
    }

    private TxRecord resend(TxRecord original, TxKind kind, TxRequest request, Eip1559Fees fees) throws IOException {
        return nonces.locked(wallet, () -> {
            TxRecord signed = sign(original.nonce(), kind, original.hash(), request, fees);
            journal.save(signed);
            return broadcast(signed);
        });
    }

    private TxRecord pending(String hash) {
        TxRecord r = journal.find(hash).orElseThrow(() -> new IllegalArgumentException("no journaled transaction "
                + hash));
        if (!r.wallet().equals(wallet)) {
            throw new IllegalArgumentException("transaction " + hash + " is not this wallet's");
        }
        if (r.status() != TxStatus.SENT && r.status() != TxStatus.SIGNED) {
            throw new IllegalStateException("transaction " + hash + " is " + r.status() + ", not pending");
        }
        return r;
    }

    private TxRecord sign(BigInteger nonce, TxKind kind, String replaces, TxRequest request, Eip1559Fees fees) {
        RawTransaction raw = RawTransaction.createTransaction(chainId, nonce, request.gasLimit(), request.to(),
                request.value(), request.data(), fees.maxPriorityFeePerGas(), fees.maxFeePerGas());
        String rawHex = signer.sign(raw, chainId);  // may throw SignerException: then nothing is journaled
        return new TxRecord(Hash.sha3(rawHex), wallet, chainId, nonce, kind, replaces, request.to(), request.value(),
                request.data(), request.gasLimit(), fees.maxFeePerGas(), fees.maxPriorityFeePerGas(), rawHex,
                TxStatus.SIGNED, null, null, clock.instant());
    }

    /** Broadcasts a journaled record and journals the outcome. */
    private TxRecord broadcast(TxRecord signed) throws IOException {
        try {
            broadcaster.send(signed.rawTx());
        } catch (TxRejectedException refused) {
            // A retried send can be refused ("nonce too low") because its first attempt got through and was mined.
            if (chain.knows(signed.hash())) {
                return saved(signed.withStatus(TxStatus.SENT, null, null));
            }
            journal.save(signed.withStatus(TxStatus.REJECTED, null, refused.getMessage()));
            throw refused;
        } catch (CircuitOpenException open) {
            throw new BroadcastUncertainException(signed.hash(), open);
        } catch (IOException lost) {
            throw new BroadcastUncertainException(signed.hash(), lost);
        }
        return saved(signed.withStatus(TxStatus.SENT, null, null));
    }

    private TxRecord saved(TxRecord r) {
        journal.save(r);
        return r;
    }
}
