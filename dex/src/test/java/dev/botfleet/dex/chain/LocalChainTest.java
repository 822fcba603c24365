package dev.botfleet.dex.chain;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LocalChainTest {

    @Test
    void startsARealNodeWithOurChainIdAndFundedAccountsAndStopsIt() throws Exception {
        LocalChain chain = LocalChain.start(new LocalChain.Options(31337, 3, 0, java.util.List.of()));
        try (chain) {
            assertThat(chain.web3j().ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(31337));
            assertThat(chain.accounts()).hasSize(3);
            assertThat(chain.web3j().ethAccounts().send().getAccounts())
                    .containsExactlyElementsOf(chain.accounts().stream().map(c -> c.getAddress()).toList());
            BigInteger balance = chain.web3j().ethGetBalance(chain.account0().getAddress(),
                    DefaultBlockParameterName.LATEST).send().getBalance();
            assertThat(balance).isEqualTo(LocalChain.ACCOUNT_BALANCE);
            // the same keys on every run, so a failing run can be replayed by hand
            assertThat(LocalChain.account(0).getAddress()).isEqualTo(chain.account0().getAddress());
        }
        assertThat(chain.isRunning()).isFalse();
    }
}
