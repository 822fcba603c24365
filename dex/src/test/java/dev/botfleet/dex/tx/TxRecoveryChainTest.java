package dev.botfleet.dex.tx;

import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.gas.Eip1559Fees;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Journal before broadcast: a process that dies between the journal write and the broadcast, or after the broadcast
 * but before the node's answer, never sends a transaction twice — asserted on the chain (transactions mined per
 * wallet, balances to the wei).
 */
class TxRecoveryChainTest {

    static LocalChain chain;
    static ChainFixture fx;
    static final BigInteger ONE_ETHER = BigInteger.TEN.pow(18);
    static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path dir;

    /** What a kill -9 looks like to the code that was running: nothing after this point happens. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

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
    void aCrashBetweenJournalAndBroadcastIsSentOnceOnRestart() throws Exception {
        Credentials wallet = chain.accounts().get(1);
        String to = chain.accounts().get(2).getAddress();
        FileTxJournal journal = ChainFixture.journal(dir);
        fx.warmUp(fx.manager(wallet, journal, fx.client), journal);
        BigInteger mined = fx.minedCount(wallet.getAddress());
        BigInteger senderBefore = fx.balance(wallet.getAddress());
        BigInteger recipientBefore = fx.balance(to);

        TxManager dying = fx.manager(wallet, journal, raw -> {
            throw new SimulatedCrash();
        });
        assertThatThrownBy(() -> dying.submit(TxRequest.transfer(to, ONE_ETHER), fx.fees()))
                .isInstanceOf(SimulatedCrash.class);
        journal.close();
        assertThat(fx.minedCount(wallet.getAddress())).as("nothing reached the chain").isEqualTo(mined);

        // restart: a new journal object over the same file, new nonce manager, new manager
        FileTxJournal reopened = ChainFixture.journal(dir);
        TxRecord journaled = reopened.open(wallet.getAddress()).getFirst();
        assertThat(journaled.status()).isEqualTo(TxStatus.SIGNED);
        assertThat(fx.client.knows(journaled.hash())).isFalse();

        List<TxRecord> after = fx.tracker(reopened, 1).recover(wallet.getAddress());
        assertThat(after).extracting(TxRecord::hash).containsExactly(journaled.hash());
        TxRecord outcome = fx.tracker(reopened, 1).awaitOutcome(journaled.hash(), fx.timeout(), POLL);
        assertThat(outcome.hash()).as("the same signed bytes, not a new transaction").isEqualTo(journaled.hash());
        assertThat(outcome.status()).isEqualTo(TxStatus.CONFIRMED);

        // a second restart finds nothing to do
        assertThat(fx.tracker(reopened, 1).recover(wallet.getAddress())).isEmpty();
        assertThat(fx.minedCount(wallet.getAddress())).isEqualTo(mined.add(BigInteger.ONE));
        assertThat(fx.balance(to)).isEqualTo(recipientBefore.add(ONE_ETHER));
        assertThat(fx.balance(wallet.getAddress()))
                .isEqualTo(senderBefore.subtract(ONE_ETHER).subtract(fx.gasCost(journaled.hash())));

        // and the restarted manager goes on with the next nonce
        TxRecord next = fx.manager(wallet, reopened, fx.client).submit(TxRequest.transfer(to, BigInteger.ONE),
                fx.fees());
        assertThat(next.nonce()).isEqualTo(journaled.nonce().add(BigInteger.ONE));
    }

    @Test
    void aCrashAfterBroadcastBeforeTheAnswerIsNotResent() throws Exception {
        Credentials wallet = chain.accounts().get(3);
        String to = chain.accounts().get(4).getAddress();
        FileTxJournal journal = ChainFixture.journal(dir);
        fx.warmUp(fx.manager(wallet, journal, fx.client), journal);
        BigInteger mined = fx.minedCount(wallet.getAddress());
        BigInteger recipientBefore = fx.balance(to);

        TxManager dying = fx.manager(wallet, journal, raw -> {
            fx.client.send(raw);
            throw new SimulatedCrash();
        });
        assertThatThrownBy(() -> dying.submit(TxRequest.transfer(to, ONE_ETHER), fx.fees()))
                .isInstanceOf(SimulatedCrash.class);
        journal.close();

        FileTxJournal reopened = ChainFixture.journal(dir);
        TxRecord journaled = reopened.open(wallet.getAddress()).getFirst();
        assertThat(journaled.status()).as("the answer never came").isEqualTo(TxStatus.SIGNED);
        int[] sends = {0};
        TxTracker tracker = new TxTracker(reopened, fx.client, raw -> {
            sends[0]++;
            fx.client.send(raw);
        }, new RevertDecoder(), 1, java.time.Clock.systemUTC(), d -> Thread.sleep(d));

        assertThat(tracker.recover(wallet.getAddress())).isEmpty();
        assertThat(sends[0]).as("found on chain by hash, so never sent again").isZero();
        assertThat(reopened.find(journaled.hash()).orElseThrow().status()).isEqualTo(TxStatus.CONFIRMED);
        assertThat(fx.minedCount(wallet.getAddress())).isEqualTo(mined.add(BigInteger.ONE));
        assertThat(fx.balance(to)).isEqualTo(recipientBefore.add(ONE_ETHER));
    }

    @Test
    void aJournaledNonceUsedByAnotherTransactionIsNeverSent() throws Exception {
        Credentials wallet = chain.accounts().get(5);
        String to = chain.accounts().get(6).getAddress();
        String elsewhere = chain.accounts().get(7).getAddress();
        FileTxJournal journal = ChainFixture.journal(dir);
        fx.warmUp(fx.manager(wallet, journal, fx.client), journal);
        BigInteger recipientBefore = fx.balance(to);
        BigInteger elsewhereBefore = fx.balance(elsewhere);

        Eip1559Fees fees = fx.fees();
        TxManager dying = fx.manager(wallet, journal, raw -> {
            throw new SimulatedCrash();
        });
        assertThatThrownBy(() -> dying.submit(TxRequest.transfer(to, ONE_ETHER), fees))
                .isInstanceOf(SimulatedCrash.class);
        journal.close();
        TxRecord journaled = ChainFixture.journal(dir).open(wallet.getAddress()).getFirst();

        // while we were down, the same key signed something else with that nonce (another tool, a person)
        RawTransaction other = RawTransaction.createTransaction(chain.chainId(), journaled.nonce(),
                TxRequest.TRANSFER_GAS, elsewhere, BigInteger.TWO, "0x", fees.maxPriorityFeePerGas(),
                fees.maxFeePerGas());
        fx.client.send(Numeric.toHexString(TransactionEncoder.signMessage(other, chain.chainId(), wallet)));

        FileTxJournal reopened = ChainFixture.journal(dir);
        assertThat(fx.tracker(reopened, 1).recover(wallet.getAddress())).isEmpty();
        TxRecord settled = reopened.find(journaled.hash()).orElseThrow();
        assertThat(settled.status()).isEqualTo(TxStatus.REPLACED);
        assertThat(settled.reason()).contains("not in this journal");
        assertThat(fx.balance(to)).as("never sent").isEqualTo(recipientBefore);
        assertThat(fx.balance(elsewhere)).isEqualTo(elsewhereBefore.add(BigInteger.TWO));
        assertThat(fx.client.knows(journaled.hash())).isFalse();
    }
}
