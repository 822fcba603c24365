package dev.botfleet.dex.tx;

import dev.botfleet.dex.chain.ContractRevertedException;
import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.chain.LocalChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transaction manager as the {@code TransactionSender} swaps use, on ganache. */
class ManagedTransactionSenderChainTest {

    static LocalChain chain;
    static ChainFixture fx;
    static String token;
    static final Duration STUCK_AFTER = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        chain = LocalChain.start();
        fx = new ChainFixture(chain);
        token = fx.deployTestToken(chain.accounts().get(9));
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    private record Wired(ManagedTransactionSender sender, TxJournal journal, RpcGuardTest.MutableClock clock) {}

    private Wired wire(Credentials wallet) throws Exception {
        TxJournal journal = ChainFixture.journal(dir);
        RpcGuardTest.MutableClock clock = new RpcGuardTest.MutableClock();
        TxManager manager = new TxManager(chain.chainId(), wallet, journal, new NonceManager(journal, fx.client),
                fx.client, fx.client, clock);
        fx.warmUp(manager, journal);
        TxTracker tracker = new TxTracker(journal, fx.client, fx.client, new RevertDecoder(), 1,
                java.time.Clock.systemUTC(), d -> Thread.sleep(d));
        StuckTxEscalator escalator = new StuckTxEscalator(manager, journal, fx::fees, ChainFixture.POLICY, 10,
                STUCK_AFTER, clock);
        return new Wired(new ManagedTransactionSender(fx.client, manager, tracker, escalator, fx::fees,
                new RevertDecoder(), fx.timeout(), Duration.ofMillis(50)), journal, clock);
    }

    @Test
    void tokenCallsAreMinedAndARevertIsRefusedBeforeAnythingIsSigned() throws Exception {
        Credentials wallet = chain.accounts().get(1);
        String to = chain.accounts().get(2).getAddress();
        Wired w = wire(wallet);
        int journaled = w.journal().open(wallet.getAddress()).size();

        assertThatThrownBy(() -> w.sender().send(token, Erc20.transfer(to, BigInteger.ONE), BigInteger.ZERO))
                .isInstanceOf(ContractRevertedException.class).hasMessageContaining("TestToken: balance too low");
        assertThat(w.journal().highestNonce(wallet.getAddress())).contains(BigInteger.ZERO);
        assertThat(w.journal().open(wallet.getAddress())).hasSize(journaled);

        String mint = org.web3j.abi.FunctionEncoder.encode(new org.web3j.abi.datatypes.Function("mint",
                java.util.List.of(new org.web3j.abi.datatypes.Address(wallet.getAddress()),
                        new org.web3j.abi.datatypes.generated.Uint256(1000)), java.util.List.of()));
        assertThat(w.sender().send(token, mint, BigInteger.ZERO).isStatusOK()).isTrue();
        TransactionReceipt transfer = w.sender().send(token, Erc20.transfer(to, BigInteger.valueOf(400)),
                BigInteger.ZERO);
        assertThat(transfer.isStatusOK()).isTrue();
        assertThat(w.journal().find(transfer.getTransactionHash()).orElseThrow().status())
                .isEqualTo(TxStatus.CONFIRMED);
        assertThat(tokenBalance(to)).isEqualTo(BigInteger.valueOf(400));
        assertThat(tokenBalance(wallet.getAddress())).isEqualTo(BigInteger.valueOf(600));
    }

    @Test
    void aSendStuckWhileWaitingIsEscalatedAndReturnsTheReplacementsReceipt() throws Exception {
        Credentials wallet = chain.accounts().get(3);
        String to = chain.accounts().get(4).getAddress();
        Wired w = wire(wallet);
        BigInteger before = fx.balance(to);
        BigInteger nonce = BigInteger.ONE; // nonce 0 went to the warm-up

        fx.minerStop();
        TransactionReceipt receipt;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<TransactionReceipt> sending = pool.submit(() ->
                    w.sender().send(to, "0x", BigInteger.TEN.pow(18)));
            awaitTrue(() -> w.journal().atNonce(wallet.getAddress(), nonce).size() == 1);
            w.clock().advance(STUCK_AFTER);
            awaitTrue(() -> w.journal().atNonce(wallet.getAddress(), nonce).stream()
                    .anyMatch(r -> r.kind() == TxKind.REPLACEMENT && r.status() == TxStatus.SENT));
            fx.minerStart();
            receipt = sending.get(30, TimeUnit.SECONDS);
        } finally {
            fx.minerStart();
        }
        TxRecord replacement = w.journal().atNonce(wallet.getAddress(), nonce).stream()
                .filter(r -> r.kind() == TxKind.REPLACEMENT).findFirst().orElseThrow();
        assertThat(receipt.getTransactionHash()).isEqualTo(replacement.hash());
        assertThat(fx.balance(to)).isEqualTo(before.add(BigInteger.TEN.pow(18)));
    }

    private static BigInteger tokenBalance(String owner) throws Exception {
        String call = org.web3j.abi.FunctionEncoder.encode(new org.web3j.abi.datatypes.Function("balanceOf",
                java.util.List.of(new org.web3j.abi.datatypes.Address(owner)), java.util.List.of()));
        String answer = chain.web3j().ethCall(org.web3j.protocol.core.methods.request.Transaction
                        .createEthCallTransaction(owner, token, call),
                org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getValue();
        return org.web3j.utils.Numeric.toBigInt(answer);
    }

    /** Polls a condition until it holds, failing after 30 s. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met in time").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
