package dev.botfleet.dex.uniswap;

import dev.botfleet.dex.chain.Artifacts;
import dev.botfleet.dex.chain.LocalChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

import static org.assertj.core.api.Assertions.assertThat;

class UniswapDeploymentTest {
    static LocalChain chain;
    static LocalUniswap uniswap;

    @BeforeAll
    static void deploy() {
        chain = LocalChain.start();
        uniswap = LocalUniswap.deploy(chain);
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    @Test
    void routersComputePoolAddressesWithTheInitCodeHashOfTheDeployedPoolBytecode() throws Exception {
        // V2's router and V3's periphery compute pool addresses by CREATE2 from a hard-coded init-code hash; the
        // npm bytecode must hash to it or every router call would miss the pool.
        String pairHash = Numeric.cleanHexPrefix(Hash.sha3(Artifacts.npm(Artifacts.V2_PAIR)));
        String poolHash = Numeric.cleanHexPrefix(Hash.sha3(Artifacts.npm(Artifacts.V3_POOL)));
        assertThat(code(uniswap.contracts.v2Router())).contains(pairHash);
        assertThat(code(uniswap.contracts.v3SwapRouter())).contains(poolHash);
        assertThat(code(uniswap.contracts.v3Quoter())).contains(poolHash);
    }

    @Test
    void poolsExistWithTheirLiquidity() {
        UniswapPools pools = new UniswapPools(uniswap.reader, uniswap.contracts);
        var v2 = pools.v2Reserves(uniswap.weth(), uniswap.usdc).orElseThrow();
        assertThat(v2.reserveOf(uniswap.weth())).isEqualTo(LocalUniswap.ETHER.multiply(java.math.BigInteger.valueOf(100)));
        assertThat(v2.reserveOf(uniswap.usdc)).isEqualTo(LocalUniswap.USDC_UNIT.multiply(java.math.BigInteger.valueOf(200_000)));
        assertThat(pools.v3State(uniswap.weth(), uniswap.usdc, 3000).orElseThrow().liquidity()).isPositive();
        assertThat(pools.v3State(uniswap.weth(), uniswap.usdc, 500).orElseThrow().liquidity()).isPositive();
        assertThat(pools.v3Pool(uniswap.weth(), uniswap.usdc, 10000)).isEmpty();
        assertThat(uniswap.token(uniswap.usdc).decimals()).isEqualTo(6);
        assertThat(uniswap.token(uniswap.usdc).symbol()).isEqualTo("USDC");
    }

    private static String code(String address) throws Exception {
        return chain.web3j().ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
    }
}
