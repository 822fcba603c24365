package dev.botfleet.dex.tx;

import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.gas.Aggressiveness;
import dev.botfleet.dex.gas.Eip1559Fees;
import dev.botfleet.dex.gas.FeePolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Gas escalation against ganache with mining paused: stuck → replaced with a valid bump; at the cap → left alone. */
class StuckTxEscalatorChainTest {

    static LocalChain chain;
    static ChainFixture fx;
    static final Duration STUCK_AFTER = Duration.ofSeconds(30);

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
    void aStuckTransactionIsReplacedOnceItHasWaitedLongEnoughAndTheReplacementIsMined() throws Exception {
        Credentials wallet = chain.accounts().get(1);
        String to = chain.accounts().get(2).getAddress();
        TxJournal journal = ChainFixture.journal(dir);
        RpcGuardTest.MutableClock clock = new RpcGuardTest.MutableClock();
        TxManager manager = new TxManager(chain.chainId(), wallet, journal, new NonceManager(journal, fx.client),
                fx.client, fx.client, clock);
        fx.warmUp(manager, journal);
        BigInteger before = fx.balance(to);
        Eip1559Fees fees = fx.fees();
        StuckTxEscalator escalator = new StuckTxEscalator(manager, journal, fx::fees, ChainFixture.POLICY, 10,
                STUCK_AFTER, clock);

        List<TxRecord> replacements;
        fx.minerStop();
        try {
            TxRecord stuck = manager.submit(TxRequest.transfer(to, BigInteger.TEN.pow(18)), fees);
            clock.advance(Duration.ofSeconds(29));
            assertThat(escalator.escalate()).as("not stuck yet").isEmpty();
            clock.advance(Duration.ofSeconds(1));
            replacements = escalator.escalate();
            assertThat(replacements).hasSize(1);
            TxRecord replacement = replacements.getFirst();
            assertThat(replacement.nonce()).isEqualTo(stuck.nonce());
            assertThat(replacement.status()).as("ganache took the bump").isEqualTo(TxStatus.SENT);
            assertThat(replacement.maxFeePerGas().multiply(BigInteger.TEN))
                    .isGreaterThanOrEqualTo(stuck.maxFeePerGas().multiply(BigInteger.valueOf(11)));
            assertThat(replacement.maxPriorityFeePerGas().multiply(BigInteger.TEN))
                    .isGreaterThanOrEqualTo(stuck.maxPriorityFeePerGas().multiply(BigInteger.valueOf(11)));
            assertThat(escalator.escalate()).as("the replacement's own clock starts now").isEmpty();
        } finally {
            fx.minerStart();
        }
        TxRecord outcome = fx.tracker(journal, 1).awaitOutcome(replacements.getFirst().hash(), fx.timeout(),
                Duration.ofMillis(50));
        assertThat(outcome.hash()).isEqualTo(replacements.getFirst().hash());
        assertThat(outcome.status()).isEqualTo(TxStatus.CONFIRMED);
        assertThat(fx.balance(to)).isEqualTo(before.add(BigInteger.TEN.pow(18)));
    }

    @Test
    void atTheCapTheTransactionWaitsAtItsLastBid() throws Exception {
        Credentials wallet = chain.accounts().get(3);
        TxJournal journal = ChainFixture.journal(dir);
        RpcGuardTest.MutableClock clock = new RpcGuardTest.MutableClock();
        TxManager manager = new TxManager(chain.chainId(), wallet, journal, new NonceManager(journal, fx.client),
                fx.client, fx.client, clock);
        fx.warmUp(manager, journal);
        Eip1559Fees fees = fx.fees();
        // the bot's cap is its first bid: no replacement can be 10 % higher
        FeePolicy capped = new FeePolicy(Aggressiveness.NORMAL, fees.maxFeePerGas(), BigInteger.ONE);
        StuckTxEscalator escalator = new StuckTxEscalator(manager, journal, fx::fees, capped, 10, STUCK_AFTER, clock);

        fx.minerStop();
        try {
            TxRecord stuck = manager.submit(TxRequest.transfer(chain.accounts().get(4).getAddress(), BigInteger.ONE),
                    fees);
            clock.advance(Duration.ofMinutes(5));
            assertThat(escalator.escalate()).isEmpty();
            assertThat(journal.atNonce(wallet.getAddress(), stuck.nonce())).containsExactly(stuck);
        } finally {
            fx.minerStart();
        }
    }
}
