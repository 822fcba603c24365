package dev.botfleet.dex.tx;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Follows journaled transactions to the end: receipts with a confirmation depth, replaced ones, reverts in plain words,
 * and the restart after a crash ({@link #recover}), which looks every open record up by hash and nonce and never signs
 * anything new.
 */
public final class TxTracker {

    private final TxJournal journal;
    private final ChainClient chain;
    private final Broadcaster broadcaster;
    private final RevertDecoder reverts;
    private final int confirmations;
    private final Clock clock;
    private final RpcGuard.Sleeper sleeper;

    /**
     * @param confirmations blocks a receipt must be buried under (1 = its own block is enough)
     */
    public TxTracker(TxJournal journal, ChainClient chain, Broadcaster broadcaster, RevertDecoder reverts,
                     int confirmations, Clock clock, RpcGuard.Sleeper sleeper) {
        if (confirmations < 1) {
            throw new IllegalArgumentException("confirmations must be at least 1");
        }
        this.journal = journal;
        this.chain = chain;
        this.broadcaster = broadcaster;
        this.reverts = reverts;
        this.confirmations = confirmations;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * After a restart: for each open record of the wallet — mined? (receipt) in a mempool? (by hash) its nonce used by
     * another transaction? (mined count past it). A nonce none of whose records the node knows, and that no one used,
     * gets the latest record's very same signed bytes again: same hash, so the chain can take it at most once.
     *
     * @return the wallet's records as they stand afterwards
     */
    public List<TxRecord> recover(String wallet) throws IOException {
        settle(wallet);
        BigInteger mined = chain.minedCount(wallet);
        List<BigInteger> openNonces = journal.open(wallet).stream().map(TxRecord::nonce).distinct().toList();
        for (BigInteger nonce : openNonces) {
            List<TxRecord> open = journal.atNonce(wallet, nonce).stream().filter(r -> !r.status().isFinal()).toList();
            boolean anyKnown = false;
            for (TxRecord r : open) {
                if (chain.knows(r.hash())) {
                    anyKnown = true;
                    if (r.status() == TxStatus.SIGNED) {
                        journal.save(r.withStatus(TxStatus.SENT, null, null));
                    }
                }
            }
            if (anyKnown) {
                continue;
            }
            if (nonce.compareTo(mined) < 0) {
                for (TxRecord r : open) {
                    journal.save(r.withStatus(TxStatus.REPLACED, null, "nonce " + nonce
                            + " was used by a transaction not in this journal"));
                }
                continue;
            }
            TxRecord latest = open.stream().max(Comparator.comparing(TxRecord::createdAt)
                    .thenComparing(TxRecord::maxFeePerGas)).orElseThrow();
            try {
                broadcaster.send(latest.rawTx());
                journal.save(latest.withStatus(TxStatus.SENT, null, null));
            } catch (TxRejectedException refused) {
                journal.save(latest.withStatus(TxStatus.REJECTED, null, refused.getMessage()));
            }
        }
        return journal.open(wallet);
    }

    /** One pass over the wallet's open records: receipts found, depths reached, losers of a nonce marked replaced. */
    public void settle(String wallet) throws IOException {
        long head = chain.blockNumber();
        for (TxRecord r : journal.open(wallet)) {
            Optional<TransactionReceipt> receipt = chain.receipt(r.hash());
            if (receipt.isPresent()) {
                settleMined(r, receipt.get(), head);
            }
        }
    }

    private void settleMined(TxRecord r, TransactionReceipt receipt, long head) throws IOException {
        long block = receipt.getBlockNumber().longValueExact();
        for (TxRecord other : journal.atNonce(r.wallet(), r.nonce())) {
            if (!other.hash().equals(r.hash()) && !other.status().isFinal()) {
                journal.save(other.withStatus(TxStatus.REPLACED, null, "nonce taken by " + r.hash()));
            }
        }
        boolean deepEnough = head - block + 1 >= confirmations;
        if (!receipt.isStatusOK()) {
            if (deepEnough) {
                String data = chain.revertData(r, block);
                String why = data == null ? "reverted (the replay on the parent block did not revert: an earlier "
                        + "transaction in the same block changed the state)" : reverts.decode(data);
                journal.save(r.withStatus(TxStatus.FAILED, block, why));
            } else if (r.status() != TxStatus.MINED) {
                journal.save(r.withStatus(TxStatus.MINED, block, "reverted; awaiting confirmations"));
            }
            return;
        }
        TxStatus status = deepEnough ? TxStatus.CONFIRMED : TxStatus.MINED;
        if (r.status() != status) {
            journal.save(r.withStatus(status, block, null));
        }
    }

    /**
     * Polls until one transaction of {@code hash}'s nonce is final (confirmed or failed — the original, a replacement
     * or the cancel) and returns that record.
     *
     * @throws IOException when the deadline passes first
     */
    public TxRecord awaitOutcome(String hash, Duration timeout, Duration pollEvery) throws IOException {
        return awaitOutcome(hash, timeout, pollEvery, () -> { });
    }

    /** Work done before each poll while waiting (gas escalation, for one). */
    @FunctionalInterface
    public interface EachPoll {
        void run() throws IOException;
    }

    /** {@link #awaitOutcome(String, Duration, Duration)} running {@code eachPoll} before every look at the chain. */
    public TxRecord awaitOutcome(String hash, Duration timeout, Duration pollEvery, EachPoll eachPoll)
            throws IOException {
        TxRecord target = journal.find(hash).orElseThrow(() -> new IllegalArgumentException("unknown " + hash));
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            eachPoll.run();
            settle(target.wallet());
            List<TxRecord> done = new ArrayList<>();
            for (TxRecord r : journal.atNonce(target.wallet(), target.nonce())) {
                if (r.status() == TxStatus.CONFIRMED || r.status() == TxStatus.FAILED) {
                    done.add(r);
                }
            }
            if (!done.isEmpty()) {
                return done.getFirst();
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new IOException("no transaction at nonce " + target.nonce() + " final within " + timeout);
            }
            try {
                sleeper.sleep(pollEvery);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while awaiting " + hash, e);
            }
        }
    }
}
