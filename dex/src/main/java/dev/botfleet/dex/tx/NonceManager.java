package dev.botfleet.dex.tx;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Nonces per wallet. A wallet's lock is held from choosing a nonce to the end of its broadcast, so concurrent
 * submits for one wallet go one at a time and never share or skip a nonce; other wallets are not held up. The next
 * nonce is the largest of our local counter, the chain's pending transaction count (transactions sent from elsewhere)
 * and the journal's highest nonce + 1 (signed before a crash, maybe never broadcast: that nonce is still ours).
 */
public final class NonceManager {

    /** The chain's view: {@code eth_getTransactionCount(wallet, "pending")}. */
    @FunctionalInterface
    public interface ChainNonces {
        BigInteger pendingCount(String wallet) throws IOException;
    }

    private final TxJournal journal;
    private final ChainNonces chain;
    private final Map<String, WalletState> wallets = new ConcurrentHashMap<>();

    public NonceManager(TxJournal journal, ChainNonces chain) {
        this.journal = journal;
        this.chain = chain;
    }

    /** Locks the wallet and chooses its next nonce; close the lease to unlock, {@code consume} it if it was used. */
    public Lease lease(String wallet) throws IOException {
        WalletState state = state(wallet);
        state.lock.lock();
        try {
            BigInteger next = chain.pendingCount(wallet);
            if (state.next != null) {
                next = next.max(state.next);
            }
            BigInteger journaled = journal.highestNonce(wallet).map(n -> n.add(BigInteger.ONE)).orElse(BigInteger.ZERO);
            return new Lease(state, next.max(journaled));
        } catch (IOException | RuntimeException e) {
            state.lock.unlock();
            throw e;
        }
    }

    /** Holds the wallet's lock while {@code work} runs (replacements reuse a nonce but must not interleave). */
    public <T> T locked(String wallet, IoWork<T> work) throws IOException {
        WalletState state = state(wallet);
        state.lock.lock();
        try {
            return work.run();
        } finally {
            state.lock.unlock();
        }
    }

    @FunctionalInterface
    public interface IoWork<T> {
        T run() throws IOException;
    }

    private WalletState state(String wallet) {
        return wallets.computeIfAbsent(wallet.toLowerCase(Locale.ROOT), w -> new WalletState());
    }

    private static final class WalletState {
        final ReentrantLock lock = new ReentrantLock(true);
        BigInteger next;
    }

    /** One chosen nonce, with the wallet locked until {@link #close()}. */
    public static final class Lease implements AutoCloseable {
        private final WalletState state;
        private final BigInteger nonce;
        private boolean closed;

        private Lease(WalletState state, BigInteger nonce) {
            this.state = state;
            this.nonce = nonce;
        }

        public BigInteger nonce() {
            return nonce;
        }

        /** The nonce is taken (a transaction with it is signed and journaled, maybe on the network). */
        public void consume() {
            state.next = nonce.add(BigInteger.ONE);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                state.lock.unlock();
            }
        }
    }
}
