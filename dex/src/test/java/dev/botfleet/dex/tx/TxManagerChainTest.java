package dev.botfleet.dex.tx;

import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.gas.Eip1559Fees;
import dev.botfleet.dex.gas.FeeBump;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transaction manager against ganache 7.9.2: nonces, replacement, cancellation, confirmations. */
class TxManagerChainTest {

    static LocalChain chain;
    static ChainFixture fx;
    static final BigInteger ONE_ETHER = BigInteger.TEN.pow(18);
    static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path dir;

    @BeforeAll
    static void startChain() {
        chain = LocalChain.start();
        fx = new ChainFixture(chain);
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    @Test
    void concurrentSubmitsFromOneWalletTakeConsecutiveNonces() throws Exception {
        Credentials wallet = chain.accounts().get(1);
        String to = chain.accounts().get(2).getAddress();
        TxJournal journal = ChainFixture.journal(dir);
        TxManager manager = fx.manager(wallet, journal, fx.client);
        BigInteger before = fx.balance(to);
        Eip1559Fees fees = fx.fees();

        List<Future<TxRecord>> sent = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                Callable<TxRecord> submit = () -> manager.submit(TxRequest.transfer(to, ONE_ETHER), fees);
                sent.add(pool.submit(submit));
            }
        }
        List<BigInteger> nonces = new ArrayList<>();
        for (Future<TxRecord> f : sent) {
            nonces.add(f.get().nonce());
        }
        assertThat(nonces).containsExactlyInAnyOrderElementsOf(
                List.of(0, 1, 2, 3, 4, 5, 6, 7).stream().map(BigInteger::valueOf).toList());
        TxTracker tracker = fx.tracker(journal, 1);
        for (Future<TxRecord> f : sent) {
            assertThat(tracker.awaitOutcome(f.get().hash(), fx.timeout(), POLL).status()).isEqualTo(TxStatus.CONFIRMED);
        }
        assertThat(fx.minedCount(wallet.getAddress())).isEqualTo(BigInteger.valueOf(8));
        assertThat(fx.balance(to)).isEqualTo(before.add(ONE_ETHER.multiply(BigInteger.valueOf(8))));
    }

    @Test
    void aStuckTransactionIsReplacedAtTheSameNonceOnlyWithAFullBump() throws Exception {
        Credentials wallet = chain.accounts().get(3);
        String to = chain.accounts().get(4).getAddress();
        TxJournal journal = ChainFixture.journal(dir);
        TxManager manager = fx.manager(wallet, journal, fx.client);
        fx.warmUp(manager, journal);
        BigInteger before = fx.balance(to);
        Eip1559Fees fees = fx.fees();

        fx.minerStop();
        try {
            TxRecord stuck = manager.submit(TxRequest.transfer(to, ONE_ETHER), fees);
            Eip1559Fees fivePercent = FeeBump.replacement(fees, fees, 5, ChainFixture.POLICY.maxFeeCap());
            assertThatThrownBy(() -> manager.replace(stuck.hash(), fivePercent))
                    .isInstanceOf(TxRejectedException.class).hasMessageContaining("underpriced");

            // ganache's --miner.priceBump defaults to 10 %: both the max fee and the tip must rise that much
            Eip1559Fees bumped = FeeBump.replacement(fees, fx.fees(), 10, ChainFixture.POLICY.maxFeeCap());
            TxRecord replacement = manager.replace(stuck.hash(), bumped);
            assertThat(replacement.nonce()).isEqualTo(stuck.nonce());
            assertThat(replacement.kind()).isEqualTo(TxKind.REPLACEMENT);
            assertThat(replacement.status()).isEqualTo(TxStatus.SENT);
        } finally {
            fx.minerStart();
        }
        TxRecord outcome = fx.tracker(journal, 1).awaitOutcome(
                journal.atNonce(wallet.getAddress(), BigInteger.ONE).getFirst().hash(), fx.timeout(), POLL);
        assertThat(outcome.kind()).isEqualTo(TxKind.REPLACEMENT);
        assertThat(outcome.status()).isEqualTo(TxStatus.CONFIRMED);
        List<TxRecord> atNonce = journal.atNonce(wallet.getAddress(), outcome.nonce());
        assertThat(atNonce).extracting(TxRecord::status)
                .containsExactlyInAnyOrder(TxStatus.REPLACED, TxStatus.REJECTED, TxStatus.CONFIRMED);
        assertThat(fx.balance(to)).as("paid once").isEqualTo(before.add(ONE_ETHER));
        assertThat(fx.minedCount(wallet.getAddress())).isEqualTo(BigInteger.TWO);
    }

    @Test
    void aCancelTakesTheNonceWithAZeroValueSelfTransfer() throws Exception {
        Credentials wallet = chain.accounts().get(5);
        String to = chain.accounts().get(6).getAddress();
        TxJournal journal = ChainFixture.journal(dir);
        TxManager manager = fx.manager(wallet, journal, fx.client);
        fx.warmUp(manager, journal);
        BigInteger recipientBefore = fx.balance(to);
        BigInteger walletBefore = fx.balance(wallet.getAddress());
        Eip1559Fees fees = fx.fees();

        TxRecord cancel;
        fx.minerStop();
        try {
            TxRecord stuck = manager.submit(TxRequest.transfer(to, ONE_ETHER), fees);
            cancel = manager.cancel(stuck.hash(), FeeBump.replacement(fees, fees, 10,
                    ChainFixture.POLICY.maxFeeCap()));
            assertThat(cancel.to()).isEqualTo(wallet.getAddress());
            assertThat(cancel.value()).isZero();
        } finally {
            fx.minerStart();
        }
        TxRecord outcome = fx.tracker(journal, 1).awaitOutcome(cancel.hash(), fx.timeout(), POLL);
        assertThat(outcome.hash()).isEqualTo(cancel.hash());
        assertThat(outcome.status()).isEqualTo(TxStatus.CONFIRMED);
        assertThat(fx.balance(to)).as("the transfer never happened").isEqualTo(recipientBefore);
        assertThat(fx.balance(wallet.getAddress())).isEqualTo(walletBefore.subtract(fx.gasCost(cancel.hash())));
    }

    @Test
    void aReceiptCountsOnlyOnceItIsDeepEnough() throws Exception {
        Credentials wallet = chain.accounts().get(7);
        TxJournal journal = ChainFixture.journal(dir);
        TxManager manager = fx.manager(wallet, journal, fx.client);
        TxTracker tracker = fx.tracker(journal, 3);

        TxRecord sent = manager.submit(TxRequest.transfer(chain.accounts().get(8).getAddress(), ONE_ETHER), fx.fees());
        tracker.settle(wallet.getAddress());
        assertThat(journal.find(sent.hash()).orElseThrow().status()).isEqualTo(TxStatus.MINED);
        fx.mineBlock();
        tracker.settle(wallet.getAddress());
        assertThat(journal.find(sent.hash()).orElseThrow().status()).isEqualTo(TxStatus.MINED);
        fx.mineBlock();
        tracker.settle(wallet.getAddress());
        TxRecord confirmed = journal.find(sent.hash()).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(TxStatus.CONFIRMED);
        assertThat(confirmed.blockNumber()).isEqualTo(fx.client.blockNumber() - 2);
    }
}
