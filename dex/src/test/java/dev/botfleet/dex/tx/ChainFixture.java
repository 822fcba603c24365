package dev.botfleet.dex.tx;

import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.gas.Aggressiveness;
import dev.botfleet.dex.gas.Eip1559Fees;
import dev.botfleet.dex.gas.FeeHistoryReader;
import dev.botfleet.dex.gas.FeePolicy;
import dev.botfleet.dex.gas.FeeStrategy;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.BooleanResponse;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Wiring of the transaction manager against a real local chain, the way the server will wire it. */
final class ChainFixture {
    static final FeePolicy POLICY = new FeePolicy(Aggressiveness.NORMAL, FeePolicy.gwei(500), FeePolicy.gwei(1));

    final LocalChain chain;
    final HttpService rpc;
    final ChainClient client;

    ChainFixture(LocalChain chain) {
        this.chain = chain;
        this.rpc = new HttpService(chain.rpcUrl());
        RpcGuard guard = new RpcGuard(new RpcGuard.Settings(3, Duration.ofMillis(50), Duration.ofMillis(200), 10,
                Duration.ofSeconds(5)), Clock.systemUTC(), d -> Thread.sleep(d), null);
        this.client = new ChainClient(chain.web3j(), guard);
    }

    TxManager manager(Credentials wallet, TxJournal journal, Broadcaster broadcaster) {
        return new TxManager(chain.chainId(), wallet, journal, new NonceManager(journal, client), broadcaster, client,
                Clock.systemUTC());
    }

    TxTracker tracker(TxJournal journal, int confirmations) {
        RevertDecoder reverts = new RevertDecoder();
        return new TxTracker(journal, client, client, reverts, confirmations, Clock.systemUTC(),
                d -> Thread.sleep(d));
    }

    static FileTxJournal journal(Path dir) {
        return new FileTxJournal(dir.resolve("tx.journal"));
    }

    Eip1559Fees fees() throws IOException {
        return new FeeStrategy().quote(new FeeHistoryReader(chain.web3j(), 10).read(), POLICY);
    }

    BigInteger balance(String address) throws IOException {
        return chain.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
    }

    BigInteger minedCount(String address) throws IOException {
        return client.minedCount(address);
    }

    /** What the chain charged a mined transaction: gas used × effective gas price. */
    BigInteger gasCost(String hash) throws IOException {
        var receipt = client.receipt(hash).orElseThrow();
        return receipt.getGasUsed().multiply(new BigInteger(receipt.getEffectiveGasPrice().substring(2), 16));
    }

    void minerStop() throws IOException {
        new Request<>("miner_stop", List.of(), rpc, BooleanResponse.class).send();
    }

    void minerStart() throws IOException {
        new Request<>("miner_start", List.of(), rpc, BooleanResponse.class).send();
    }

    void mineBlock() throws IOException {
        new Request<>("evm_mine", List.of(), rpc, VoidResponse.class).send();
    }

    /**
     * Spends the wallet's nonce 0 on a self-transfer. ganache 7.9.2 reads a raw transaction's nonce 0 (RLP: empty)
     * as "no nonce" and gives it the next free one, so a replacement at nonce 0 is mined as a second transaction;
     * real nodes do not, and from nonce 1 on ganache does not either (docs/dex.md).
     */
    void warmUp(TxManager manager, TxJournal journal) throws IOException {
        TxRecord first = manager.submit(TxRequest.transfer(manager.wallet(), BigInteger.ZERO), fees());
        tracker(journal, 1).awaitOutcome(first.hash(), timeout(), Duration.ofMillis(50));
    }

    /** Deploys dex/chain's TestToken (an ERC-20 with a public mint) from {@code deployer}; returns its address. */
    String deployTestToken(Credentials deployer) throws IOException {
        String json = java.nio.file.Files.readString(
                dev.botfleet.dex.chain.ChainFolder.path().resolve("build/TestToken.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"bytecode\"\\s*:\\s*\"(0x[0-9a-fA-F]+)\"")
                .matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no bytecode in TestToken.json");
        }
        String args = org.web3j.abi.FunctionEncoder.encodeConstructor(List.of(
                new org.web3j.abi.datatypes.Utf8String("Test"), new org.web3j.abi.datatypes.Utf8String("TST"),
                new org.web3j.abi.datatypes.generated.Uint8(18)));
        BigInteger nonce = client.pendingCount(deployer.getAddress());
        org.web3j.crypto.RawTransaction deploy = org.web3j.crypto.RawTransaction.createContractTransaction(nonce,
                BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(3_000_000), BigInteger.ZERO, m.group(1) + args);
        String raw = org.web3j.utils.Numeric.toHexString(
                org.web3j.crypto.TransactionEncoder.signMessage(deploy, chain.chainId(), deployer));
        String hash = chain.web3j().ethSendRawTransaction(raw).send().getTransactionHash();
        return client.receipt(hash).orElseThrow().getContractAddress();
    }

    Duration timeout() {
        return Duration.ofSeconds(30);
    }
}
