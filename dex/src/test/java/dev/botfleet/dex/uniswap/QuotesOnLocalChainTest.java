package dev.botfleet.dex.uniswap;

import dev.botfleet.dex.chain.Artifacts;
import dev.botfleet.dex.chain.LocalChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;
import static dev.botfleet.dex.uniswap.LocalUniswap.USDC_UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment and quotes from the deployed contracts, on one chain whose pools nobody trades against (see
 * LocalUniswap).
 */
class QuotesOnLocalChainTest {
    static LocalChain chain;
    static LocalUniswap uniswap;
    static UniswapQuoter quoter;

    @BeforeAll
    static void deploy() {
        chain = LocalChain.start();
        uniswap = LocalUniswap.deploy(chain);
        quoter = new UniswapQuoter(uniswap.reader, uniswap.contracts);
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    @Test
    void v2QuoteIsTheHandCalculatedConstantProductAnswer() {
        Quote quote = quoter.quoteV2(uniswap.weth(), uniswap.usdc, ETHER).orElseThrow();
        // by hand (V2MathTest): 1 WETH into 100 WETH / 200,000 USDC pays 1,974.316068 USDC
        assertThat(quote.amountOut()).isEqualTo(BigInteger.valueOf(1_974_316_068L));
        // spot: 200,000e6 / 100e18 USDC units per WETH unit; impact 1 − 1974.316068 / 2000, fee included
        assertThat(quote.spotPrice()).isEqualByComparingTo(new BigDecimal("2E-9"));
        assertThat(quote.priceImpact()).isEqualByComparingTo("0.01284197");
    }

    @Test
    void ourV2FormulaAgreesWithTheRouterForSmallAndLargeTradesBothWays() {
        var reserves = quoter.pools().v2Reserves(uniswap.weth(), uniswap.usdc).orElseThrow();
        for (BigInteger wethIn : List.of(BigInteger.ONE, ETHER.divide(BigInteger.valueOf(1000)), ETHER,
                ETHER.multiply(BigInteger.valueOf(250)))) {
            assertThat(V2Math.amountOut(wethIn, reserves.reserveOf(uniswap.weth()), reserves.reserveOf(uniswap.usdc)))
                    .as("WETH in %s", wethIn).isEqualTo(quoter.v2AmountOut(uniswap.weth(), uniswap.usdc, wethIn));
        }
        for (BigInteger usdcIn : List.of(BigInteger.valueOf(7), USDC_UNIT.multiply(BigInteger.valueOf(12_345)))) {
            assertThat(V2Math.amountOut(usdcIn, reserves.reserveOf(uniswap.usdc), reserves.reserveOf(uniswap.weth())))
                    .as("USDC in %s", usdcIn).isEqualTo(quoter.v2AmountOut(uniswap.usdc, uniswap.weth(), usdcIn));
        }
    }

    @Test
    void v3QuotesPerFeeTierFromQuoterV2() {
        Quote deep = quoter.quoteV3(uniswap.weth(), uniswap.usdc, ETHER, 3000).orElseThrow();
        Quote thin = quoter.quoteV3(uniswap.weth(), uniswap.usdc, ETHER, 500).orElseThrow();
        // the 0.30 % pool prices WETH at 2,010 USDC: 1 WETH pays a little under 2,010 × 0.997 less ~1 % depth impact
        assertThat(deep.amountOut()).isBetween(BigInteger.valueOf(1_975_000_000L), BigInteger.valueOf(2_003_970_000L));
        assertThat(deep.spotPrice().multiply(BigDecimal.TEN.pow(12))).isCloseTo(new BigDecimal("2010"),
                org.assertj.core.data.Offset.offset(new BigDecimal("0.000001")));
        assertThat(deep.gasEstimate()).isPositive();
        // the 0.05 % pool holds a tenth as much: cheaper fee, far deeper impact for the same size
        assertThat(thin.priceImpact()).isGreaterThan(deep.priceImpact());
        assertThat(quoter.quoteV3(uniswap.weth(), uniswap.usdc, ETHER, 10000)).isEmpty();
    }

    @Test
    void bestRouteSellsWethOnV3AndBuysItOnV2() {
        List<Quote> all = quoter.quotes(uniswap.weth(), uniswap.usdc, ETHER);
        assertThat(all).extracting(Quote::route).containsExactly(Route.V2, Route.v3(500), Route.v3(3000));
        assertThat(quoter.best(uniswap.weth(), uniswap.usdc, ETHER).orElseThrow().route()).isEqualTo(Route.v3(3000));
        // buying WETH with 2,000 USDC: V2 asks 2,000 per WETH, V3 2,010, so V2 pays more WETH
        BigInteger usdcIn = USDC_UNIT.multiply(BigInteger.valueOf(2000));
        assertThat(quoter.best(uniswap.usdc, uniswap.weth(), usdcIn).orElseThrow().route()).isEqualTo(Route.V2);
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
