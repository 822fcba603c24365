package dev.botfleet.dex.tx;

import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.signer.FakeWeb3Signer;
import dev.botfleet.dex.signer.SignerException;
import dev.botfleet.dex.signer.Web3SignerClient;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The transaction manager signing through an external signer (the fake Web3Signer) on ganache: what it signs is
 * journaled and mined as signed; a refusal journals nothing and keeps the nonce; a signer that is down during gas
 * escalation leaves the stuck transaction at its last bid instead of failing the wait.
 */
class ExternalSignerChainTest {
    static LocalChain chain;
    static ChainFixture fx;

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
    void signedElsewhereJournaledHereAndEscalationSurvivesASignerThatRefuses() throws Exception {
        Credentials wallet = chain.accounts().get(3);
        String to = chain.accounts().get(4).getAddress();
        TxJournal journal = ChainFixture.journal(dir);
        RpcGuardTest.MutableClock clock = new RpcGuardTest.MutableClock();
        try (FakeWeb3Signer signer = FakeWeb3Signer.start(chain.chainId(), wallet)) {
            TxManager manager = new TxManager(chain.chainId(), new Web3SignerClient(signer.url(), wallet.getAddress(),
                    Duration.ofSeconds(5)), journal, new NonceManager(journal, fx.client), fx.client, fx.client, clock);
            assertThat(manager.wallet()).isEqualTo(wallet.getAddress().toLowerCase());
            fx.warmUp(manager, journal);

            signer.behave(FakeWeb3Signer.Behaviour.REFUSES);
            int journaledBefore = journal.open(manager.wallet()).size();
            assertThatThrownBy(() -> manager.submit(TxRequest.transfer(to, BigInteger.ONE), fx.fees()))
                    .isInstanceOf(SignerException.class).hasMessageContaining("refused to sign");
            assertThat(journal.open(manager.wallet())).hasSize(journaledBefore);
            signer.behave(FakeWeb3Signer.Behaviour.HONEST);

            StuckTxEscalator escalator = new StuckTxEscalator(manager, journal, fx::fees, ChainFixture.POLICY, 10,
                    Duration.ofSeconds(30), clock);
            TxRecord stuck;
            List<TxRecord> replacements;
            BigInteger before = fx.balance(to);
            fx.minerStop();
            try {
                stuck = manager.submit(TxRequest.transfer(to, BigInteger.TEN.pow(18)), fx.fees());
                assertThat(stuck.nonce()).as("the refusal took no nonce").isEqualTo(BigInteger.ONE);
                assertThat(journal.find(stuck.hash()).orElseThrow().rawTx()).isEqualTo(signer.signed().getLast());
                clock.advance(Duration.ofSeconds(30));
                signer.behave(FakeWeb3Signer.Behaviour.REFUSES);
                assertThat(escalator.escalate()).as("no replacement without a signature; the bid stands").isEmpty();
                signer.behave(FakeWeb3Signer.Behaviour.HONEST);
                replacements = escalator.escalate();
                assertThat(replacements).hasSize(1);
                assertThat(replacements.getFirst().nonce()).isEqualTo(stuck.nonce());
                assertThat(replacements.getFirst().rawTx()).isEqualTo(signer.signed().getLast());
            } finally {
                fx.minerStart();
            }
            TxRecord outcome = fx.tracker(journal, 1).awaitOutcome(replacements.getFirst().hash(), fx.timeout(),
                    Duration.ofMillis(50));
            assertThat(outcome.status()).isEqualTo(TxStatus.CONFIRMED);
            var mined = chain.web3j().ethGetTransactionByHash(outcome.hash()).send().getTransaction().orElseThrow();
            assertThat(mined.getFrom()).isEqualToIgnoringCase(wallet.getAddress());
            assertThat(fx.balance(to)).isEqualTo(before.add(BigInteger.TEN.pow(18)));
        }
    }
}
