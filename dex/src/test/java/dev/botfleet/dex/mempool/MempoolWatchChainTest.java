package dev.botfleet.dex.mempool;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.chain.TransactionSender;
import dev.botfleet.dex.uniswap.LocalUniswap;
import dev.botfleet.dex.uniswap.Route;
import dev.botfleet.dex.uniswap.UniswapPools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static dev.botfleet.dex.chain.Abi.addr;
import static dev.botfleet.dex.chain.Abi.u256;
import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;
import static dev.botfleet.dex.uniswap.LocalUniswap.USDC_UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mempool watch on ganache with the miner stopped, so a competitor's transaction (another account's) stays
 * pending while the watch sees it: each event carries the amounts its calldata holds, to the unit.
 */
class MempoolWatchChainTest {
    static LocalChain chain;
    static LocalUniswap uniswap;
    static UniswapPools pools;
    static List<WatchedPool> watched;
    static Credentials trader;
    final List<MempoolEvent> events = new CopyOnWriteArrayList<>();
    MempoolWatch watch;

    @BeforeAll
    static void deploy() {
        chain = LocalChain.start();
        uniswap = LocalUniswap.deploy(chain);
        pools = new UniswapPools(uniswap.reader, uniswap.contracts);
        watched = WatchedPool.allOf(pools, uniswap.weth(), uniswap.usdc);
        trader = chain.accounts().get(1);
        TransactionSender wallet = uniswap.wallet(trader);
        uniswap.fund(wallet, ETHER.multiply(BigInteger.valueOf(50)), USDC_UNIT.multiply(BigInteger.valueOf(100_000)));
        for (String spender : List.of(uniswap.contracts.v2Router(), uniswap.contracts.v3SwapRouter())) {
            wallet.send(uniswap.weth(), Erc20.approve(spender, ETHER.multiply(BigInteger.valueOf(50))), BigInteger.ZERO);
            wallet.send(uniswap.usdc, Erc20.approve(spender, USDC_UNIT.multiply(BigInteger.valueOf(100_000))),
                    BigInteger.ZERO);
        }
        // the deployer's LP tokens, so a removeLiquidity can go through the router
        String pair = pools.v2Pair(uniswap.weth(), uniswap.usdc).orElseThrow();
        uniswap.wallet(chain.account0()).send(pair, Erc20.approve(uniswap.contracts.v2Router(), ETHER.multiply(ETHER)),
                BigInteger.ZERO);
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    @BeforeEach
    void watchAndPauseMining() {
        watch = MempoolWatch.start(chain.web3j(), chain.wsUrl(), uniswap.contracts, MempoolWatch.Options.DEFAULTS,
                events::add);
        watch.watch(watched);
        chain.stopMining();
    }

    @AfterEach
    void mineAndStop() {
        chain.startMining();
        chain.mine();
        watch.close();
    }

    @Test
    void aCompetingV2SwapRaisesAPendingSwapWithItsExactAmountsAndShareOfTheReserve() {
        WatchedPool v2 = pool(Route.Protocol.V2, 3000);
        BigInteger amountIn = ETHER.multiply(BigInteger.valueOf(3));
        BigInteger minOut = USDC_UNIT.multiply(BigInteger.valueOf(5_000));
        String hash = PendingSender.send(chain, trader, uniswap.contracts.v2Router(), Abi.call(
                "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)", u256(amountIn), u256(minOut),
                new DynamicArray<>(Address.class, addr(uniswap.weth()), addr(uniswap.usdc)), addr(trader.getAddress()),
                u256(deadline())), BigInteger.ZERO);

        MempoolEvent.PendingSwap swap = (MempoolEvent.PendingSwap) awaitOne();
        assertThat(swap.txHash()).isEqualTo(hash);
        assertThat(swap.from()).isEqualToIgnoringCase(trader.getAddress());
        assertThat(swap.pool()).isEqualTo(v2);
        assertThat(swap.tokenIn()).isEqualToIgnoringCase(uniswap.weth());
        assertThat(swap.tokenOut()).isEqualToIgnoringCase(uniswap.usdc);
        assertThat(swap.exactIn()).isTrue();
        assertThat(swap.amount()).isEqualTo(amountIn);
        assertThat(swap.limit()).isEqualTo(minOut);
        BigInteger reserve = uniswap.token(uniswap.weth()).balanceOf(v2.address());
        assertThat(swap.shareOfReserves()).isEqualTo(new BigDecimal(amountIn).divide(new BigDecimal(reserve), 8,
                RoundingMode.HALF_EVEN));
        assertThat(swap.shareOfReserves()).isPositive();
        assertThat(watch.isPending(hash)).isTrue();
        chain.mine();
        assertThat(watch.isPending(hash)).isFalse();
    }

    @Test
    void aV3ExactOutputInsideAMulticallIsDecodedToItsPool() {
        WatchedPool v3 = pool(Route.Protocol.V3, 500);
        BigInteger wethOut = ETHER.divide(BigInteger.TWO);
        BigInteger maxIn = USDC_UNIT.multiply(BigInteger.valueOf(1_200));
        String exactOutput = Abi.call("exactOutputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))",
                addr(uniswap.usdc), addr(uniswap.weth()), new Uint24(500), addr(trader.getAddress()), u256(deadline()),
                u256(wethOut), u256(maxIn), new Uint160(0));
        String hash = PendingSender.send(chain, trader, uniswap.contracts.v3SwapRouter(), Abi.call("multicall(bytes[])",
                new DynamicArray<>(DynamicBytes.class, new DynamicBytes(Numeric.hexStringToByteArray(exactOutput)))),
                BigInteger.ZERO);

        MempoolEvent.PendingSwap swap = (MempoolEvent.PendingSwap) awaitOne();
        assertThat(swap.txHash()).isEqualTo(hash);
        assertThat(swap.pool()).isEqualTo(v3);
        assertThat(swap.tokenIn()).isEqualToIgnoringCase(uniswap.usdc);
        assertThat(swap.tokenOut()).isEqualToIgnoringCase(uniswap.weth());
        assertThat(swap.exactIn()).isFalse();
        assertThat(swap.amount()).isEqualTo(wethOut);
        assertThat(swap.limit()).isEqualTo(maxIn);
        BigInteger reserve = uniswap.token(uniswap.weth()).balanceOf(v3.address());
        assertThat(swap.shareOfReserves()).isEqualTo(new BigDecimal(wethOut).divide(new BigDecimal(reserve), 8,
                RoundingMode.HALF_EVEN));
    }

    @Test
    void aV3MultiHopExactInputReportsItsFirstHop() {
        // USDC -> WETH on the 0.30 % pool, then back WETH -> USDC on 0.05 %: the size is known for the first hop only
        byte[] path = Numeric.hexStringToByteArray(uniswap.usdc + "000bb8" + Numeric.cleanHexPrefix(uniswap.weth())
                + "0001f4" + Numeric.cleanHexPrefix(uniswap.usdc));
        BigInteger amountIn = USDC_UNIT.multiply(BigInteger.valueOf(1_000));
        PendingSender.send(chain, trader, uniswap.contracts.v3SwapRouter(), Abi.call(
                "exactInput((bytes,address,uint256,uint256,uint256))", new org.web3j.abi.datatypes.DynamicStruct(
                        new DynamicBytes(path), addr(trader.getAddress()), u256(deadline()), u256(amountIn), u256(0))),
                BigInteger.ZERO);

        MempoolEvent.PendingSwap swap = (MempoolEvent.PendingSwap) awaitOne();
        assertThat(swap.pool()).isEqualTo(pool(Route.Protocol.V3, 3000));
        assertThat(swap.tokenIn()).isEqualToIgnoringCase(uniswap.usdc);
        assertThat(swap.exactIn()).isTrue();
        assertThat(swap.amount()).isEqualTo(amountIn);
        assertThat(swap.limit()).isNull();
    }

    @Test
    void aV2RemoveLiquidityRaisesTheRemovalWithItsShareOfTheLpSupply() {
        WatchedPool v2 = pool(Route.Protocol.V2, 3000);
        Erc20 lp = uniswap.token(v2.address());
        BigInteger supply = Abi.uint(Abi.decode(uniswap.reader.call(v2.address(), Abi.call("totalSupply()")),
                new org.web3j.abi.TypeReference<org.web3j.abi.datatypes.generated.Uint256>() {}).getFirst());
        BigInteger liquidity = lp.balanceOf(chain.account0().getAddress()).multiply(BigInteger.TWO).divide(BigInteger.valueOf(5));
        String hash = PendingSender.send(chain, chain.account0(), uniswap.contracts.v2Router(), Abi.call(
                "removeLiquidity(address,address,uint256,uint256,uint256,address,uint256)", addr(uniswap.weth()),
                addr(uniswap.usdc), u256(liquidity), u256(0), u256(0), addr(chain.account0().getAddress()),
                u256(deadline())), BigInteger.ZERO);

        MempoolEvent.PendingLiquidityRemoval removal = (MempoolEvent.PendingLiquidityRemoval) awaitOne();
        assertThat(removal.txHash()).isEqualTo(hash);
        assertThat(removal.pool()).isEqualTo(v2);
        assertThat(removal.liquidity()).isEqualTo(liquidity);
        assertThat(removal.shareOfLiquidity()).isEqualTo(new BigDecimal(liquidity).divide(new BigDecimal(supply), 8,
                RoundingMode.HALF_EVEN));
        assertThat(removal.shareOfLiquidity()).isBetween(new BigDecimal("0.39"), new BigDecimal("0.40"));
    }

    @Test
    void aV3DecreaseLiquidityIsMatchedToThePositionsPool() {
        // position NFT 1 is the deployer's full-range position in the 0.30 % pool (LocalUniswap mints it first)
        WatchedPool v3 = pool(Route.Protocol.V3, 3000);
        BigInteger positionLiquidity = Calldata.returnData(Numeric.hexStringToByteArray(uniswap.reader.call(
                uniswap.contracts.v3PositionManager(), Abi.call("positions(uint256)", u256(1))))).uint(7);
        BigInteger inRange = Calldata.returnData(Numeric.hexStringToByteArray(uniswap.reader.call(v3.address(),
                Abi.call("liquidity()")))).uint(0);
        BigInteger half = positionLiquidity.divide(BigInteger.TWO);
        PendingSender.send(chain, chain.account0(), uniswap.contracts.v3PositionManager(), Abi.call(
                "decreaseLiquidity((uint256,uint128,uint256,uint256,uint256))", u256(1), new Uint128(half), u256(0),
                u256(0), u256(deadline())), BigInteger.ZERO);

        MempoolEvent.PendingLiquidityRemoval removal = (MempoolEvent.PendingLiquidityRemoval) awaitOne();
        assertThat(removal.pool()).isEqualTo(v3);
        assertThat(removal.liquidity()).isEqualTo(half);
        assertThat(removal.shareOfLiquidity()).isEqualTo(new BigDecimal(half).divide(new BigDecimal(inRange), 8,
                RoundingMode.HALF_EVEN));
    }

    @Test
    void unrelatedTransactionsRaiseNothing() {
        int before = watch.handled();
        PendingSender.send(chain, chain.accounts().get(2), chain.accounts().get(3).getAddress(), "0x", ETHER);
        PendingSender.send(chain, chain.accounts().get(3), uniswap.usdc, Abi.call("mint(address,uint256)",
                addr(chain.accounts().get(3).getAddress()), u256(USDC_UNIT)), BigInteger.ZERO);
        // a router call with garbage after a swap selector, and a swap on a pair we do not watch (WETH/WETH path)
        PendingSender.send(chain, chain.accounts().get(4), uniswap.contracts.v2Router(),
                Abi.selector("swapExactTokensForTokens(uint256,uint256,address[],address,uint256)") + "ff", BigInteger.ZERO);
        PendingSender.send(chain, chain.accounts().get(5), uniswap.contracts.v2Router(), Abi.call(
                "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)", u256(1), u256(0),
                new DynamicArray<>(Address.class, addr(uniswap.usdc), addr(chain.accounts().get(6).getAddress())),
                addr(trader.getAddress()), u256(deadline())), BigInteger.ZERO);

        await(() -> watch.handled() >= before + 4, "the watch handled the four transactions");
        assertThat(events).isEmpty();
        watch.unwatch(watched);
        PendingSender.send(chain, trader, uniswap.contracts.v2Router(), Abi.call(
                "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)", u256(ETHER), u256(0),
                new DynamicArray<>(Address.class, addr(uniswap.weth()), addr(uniswap.usdc)), addr(trader.getAddress()),
                u256(deadline())), BigInteger.ZERO);
        await(() -> watch.handled() >= before + 5, "the watch handled the swap");
        assertThat(events).as("a pool no longer watched").isEmpty();
    }

    @Test
    void pollingThePendingFilterSeesTheSameSwap() {
        watch.close();
        watch = MempoolWatch.start(chain.web3j(), chain.wsUrl(), uniswap.contracts,
                new MempoolWatch.Options(false, Duration.ofMillis(100), Duration.ofMillis(100)), events::add);
        watch.watch(watched);
        assertThat(watch.source()).isEqualTo(MempoolWatch.Source.POLLING);
        BigInteger usdcIn = USDC_UNIT.multiply(BigInteger.valueOf(700));
        PendingSender.send(chain, trader, uniswap.contracts.v3SwapRouter(), Abi.call(
                "exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))",
                addr(uniswap.usdc), addr(uniswap.weth()), new Uint24(3000), addr(trader.getAddress()), u256(deadline()),
                u256(usdcIn), u256(1), new Uint160(0)), BigInteger.ZERO);

        MempoolEvent.PendingSwap swap = (MempoolEvent.PendingSwap) awaitOne();
        assertThat(swap.pool()).isEqualTo(pool(Route.Protocol.V3, 3000));
        assertThat(swap.amount()).isEqualTo(usdcIn);
        assertThat(swap.limit()).isEqualTo(BigInteger.ONE);
    }

    @Test
    void aLostSocketIsReopenedAndTheWatchGoesOn() throws Exception {
        watch.close();
        try (TcpProxy proxy = TcpProxy.to(chain.wsUrl())) {
            watch = MempoolWatch.start(chain.web3j(), proxy.wsUrl(), uniswap.contracts,
                    new MempoolWatch.Options(true, Duration.ofMillis(100), Duration.ofMillis(100)), events::add);
            watch.watch(watched);
            assertThat(watch.source()).isEqualTo(MempoolWatch.Source.SUBSCRIPTION);
            proxy.dropConnections();
            await(() -> watch.reconnects() == 1, "the watch reopened its socket");
            BigInteger amountIn = ETHER.multiply(BigInteger.TWO);
            PendingSender.send(chain, trader, uniswap.contracts.v2Router(), Abi.call(
                    "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)", u256(amountIn), u256(0),
                    new DynamicArray<>(Address.class, addr(uniswap.weth()), addr(uniswap.usdc)),
                    addr(trader.getAddress()), u256(deadline())), BigInteger.ZERO);
            MempoolEvent.PendingSwap swap = (MempoolEvent.PendingSwap) awaitOne();
            assertThat(swap.amount()).isEqualTo(amountIn);
            assertThat(proxy.connectionsAccepted()).isEqualTo(2);
        }
    }

    private static WatchedPool pool(Route.Protocol protocol, int fee) {
        return watched.stream().filter(p -> p.protocol() == protocol && p.feePips() == fee).findFirst().orElseThrow();
    }

    private MempoolEvent awaitOne() {
        await(() -> !events.isEmpty(), "a mempool event");
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static BigInteger deadline() {
        return BigInteger.valueOf(Instant.now().plusSeconds(600).getEpochSecond());
    }
}
