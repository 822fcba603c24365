package dev.botfleet.dex.chain;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.RawTransactionManager;

import java.math.BigInteger;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalChainTest {
    static LocalChain chain;

    @BeforeAll
    static void start() {
        chain = LocalChain.start(new LocalChain.Options(31337, 3, 0, List.of()));
    }

    @AfterAll
    static void stopKillsTheNode() {
        chain.close();
        assertThat(chain.isRunning()).isFalse();
    }

    @Test
    void aRealNodeAnswersWithOurChainIdAndFundedDeterministicAccounts() throws Exception {
        assertThat(chain.web3j().ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(31337));
        assertThat(chain.web3j().ethAccounts().send().getAccounts())
                .containsExactlyElementsOf(chain.accounts().stream().map(Credentials::getAddress).toList());
        // account 0 never sends in this class (the mining test sends from 2 to 1)
        BigInteger balance = chain.web3j().ethGetBalance(chain.account0().getAddress(),
                DefaultBlockParameterName.LATEST).send().getBalance();
        assertThat(balance).isEqualTo(LocalChain.ACCOUNT_BALANCE);
        // the same keys on every run, so a failing run can be replayed by hand
        assertThat(LocalChain.account(0).getAddress()).isEqualTo(chain.account0().getAddress());
    }

    @Test
    void aNetworkConnectionChecksTheChainId() {
        Network local = new Network("local", 31337, URI.create(chain.rpcUrl()), URI.create(chain.wsUrl()));
        try (ChainConnection connection = ChainConnection.open(local)) {
            assertThat(connection.reader().blockNumber()).isNotNegative();
        }
        Network misconfigured = new Network("base", 8453, URI.create(chain.rpcUrl()), null);
        assertThatThrownBy(() -> ChainConnection.open(misconfigured)).isInstanceOf(WrongChainException.class)
                .hasMessageContaining("answers chain id 31337");
    }

    @Test
    void miningCanBeStoppedSoATransactionStaysPendingUntilABlockIsMined() throws Exception {
        String to = chain.accounts().get(1).getAddress();
        chain.stopMining();
        try {
            var manager = new RawTransactionManager(chain.web3j(), chain.accounts().get(2), chain.chainId());
            String hash = manager.sendEIP1559Transaction(chain.chainId(), BigInteger.ONE, BigInteger.TEN.pow(10),
                    BigInteger.valueOf(21_000), to, "", BigInteger.ONE).getTransactionHash();
            assertThat(chain.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt()).isEmpty();
            // ganache keeps it in its pool (txpool_content); its eth_getTransactionCount("pending") does not count
            // pooled transactions (docs/dex.md)
            assertThat(chain.rpc("txpool_content").toString()).containsIgnoringCase(hash);
            chain.mine();
            assertThat(chain.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt()).isPresent();
        } finally {
            chain.startMining();
        }
        // back to a block per transaction
        var sender = new SimpleTransactionSender(chain.web3j(), chain.accounts().get(2), chain.chainId());
        assertThat(sender.send(to, "", BigInteger.ONE).isStatusOK()).isTrue();
    }

    @Test
    void aNetworkNamesItsBadField() {
        URI rpc = URI.create("https://rpc.example.org");
        assertThatThrownBy(() -> new Network("Main Net", 1, rpc, null)).hasMessageStartingWith("name");
        assertThatThrownBy(() -> new Network("ethereum", 0, rpc, null)).hasMessageStartingWith("chainId");
        assertThatThrownBy(() -> new Network("ethereum", 1, URI.create("ftp://x"), null)).hasMessageStartingWith("rpcUrl");
        assertThatThrownBy(() -> new Network("ethereum", 1, rpc, URI.create("https://x"))).hasMessageStartingWith("wsUrl");
        assertThat(new Network("ethereum", 1, URI.create("https://user:key@rpc.example.org/v2/SECRET"), null)
                .safeDescription()).isEqualTo("ethereum (chain 1, https://rpc.example.org)");
    }
}
