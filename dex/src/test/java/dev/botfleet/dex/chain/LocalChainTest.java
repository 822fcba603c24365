package dev.botfleet.dex.chain;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

import java.math.BigInteger;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalChainTest {

    @Test
    void startsARealNodeWithOurChainIdAndFundedAccountsWhichANetworkConnectionChecksAndStopsIt() throws Exception {
        LocalChain chain = LocalChain.start(new LocalChain.Options(31337, 3, 0, List.of()));
        try (chain) {
            assertThat(chain.web3j().ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(31337));
            assertThat(chain.web3j().ethAccounts().send().getAccounts())
                    .containsExactlyElementsOf(chain.accounts().stream().map(Credentials::getAddress).toList());
            BigInteger balance = chain.web3j().ethGetBalance(chain.account0().getAddress(),
                    DefaultBlockParameterName.LATEST).send().getBalance();
            assertThat(balance).isEqualTo(LocalChain.ACCOUNT_BALANCE);
            // the same keys on every run, so a failing run can be replayed by hand
            assertThat(LocalChain.account(0).getAddress()).isEqualTo(chain.account0().getAddress());

            Network local = new Network("local", 31337, URI.create(chain.rpcUrl()), URI.create(chain.wsUrl()));
            try (ChainConnection connection = ChainConnection.open(local)) {
                assertThat(connection.reader().etherBalance(chain.account0().getAddress())).isEqualTo(balance);
            }
            Network misconfigured = new Network("base", 8453, URI.create(chain.rpcUrl()), null);
            assertThatThrownBy(() -> ChainConnection.open(misconfigured)).isInstanceOf(WrongChainException.class)
                    .hasMessageContaining("answers chain id 31337");
        }
        assertThat(chain.isRunning()).isFalse();
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
