package dev.botfleet.dex.tx;

import dev.botfleet.dex.chain.LocalChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A mined transaction that reverts ends FAILED with its reason in plain words, read back from the real EVM. */
class TxRevertChainTest {

    static LocalChain chain;
    static ChainFixture fx;
    static String token;

    @TempDir
    Path dir;

    @BeforeAll
    static void deployToken() throws Exception {
        chain = LocalChain.start();
        fx = new ChainFixture(chain);
        token = fx.deployTestToken(chain.accounts().get(9));
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    private static String call(String name, org.web3j.abi.datatypes.Type<?>... args) {
        return FunctionEncoder.encode(new Function(name, List.of(args), List.of()));
    }

    @Test
    void aRequireMessageAndAnOverflowPanicAreDecoded() throws Exception {
        Credentials wallet = chain.accounts().get(1);
        TxJournal journal = ChainFixture.journal(dir);
        TxManager manager = fx.manager(wallet, journal, fx.client);
        TxTracker tracker = fx.tracker(journal, 1);
        BigInteger gas = BigInteger.valueOf(100_000);

        // the wallet holds no tokens: transfer() hits require(balanceOf[from] >= amount, "TestToken: balance too low")
        TxRecord transfer = manager.submit(new TxRequest(token, BigInteger.ZERO,
                call("transfer", new Address(chain.accounts().get(2).getAddress()), new Uint256(1)), gas), fx.fees());
        TxRecord failed = tracker.awaitOutcome(transfer.hash(), fx.timeout(), Duration.ofMillis(50));
        assertThat(failed.status()).isEqualTo(TxStatus.FAILED);
        assertThat(failed.reason()).isEqualTo("TestToken: balance too low");

        // minting the maximum twice overflows totalSupply: Solidity 0.8 panics with code 0x11
        BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
        String mint = call("mint", new Address(wallet.getAddress()), new Uint256(max));
        TxRecord first = manager.submit(new TxRequest(token, BigInteger.ZERO, mint, gas), fx.fees());
        assertThat(tracker.awaitOutcome(first.hash(), fx.timeout(), Duration.ofMillis(50)).status())
                .isEqualTo(TxStatus.CONFIRMED);
        TxRecord second = manager.submit(new TxRequest(token, BigInteger.ZERO, mint, gas), fx.fees());
        TxRecord overflow = tracker.awaitOutcome(second.hash(), fx.timeout(), Duration.ofMillis(50));
        assertThat(overflow.status()).isEqualTo(TxStatus.FAILED);
        assertThat(overflow.reason()).isEqualTo("panic 0x11: arithmetic overflow or underflow");
    }
}
