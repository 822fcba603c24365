package dev.botfleet.dex.uniswap;

import dev.botfleet.dex.chain.ChainConnection;
import dev.botfleet.dex.chain.ChainReader;
import dev.botfleet.dex.chain.ContractRevertedException;
import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.chain.Network;
import dev.botfleet.dex.chain.Token;
import dev.botfleet.dex.chain.TransactionSender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.time.Clock;
import java.time.Instant;

import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;
import static dev.botfleet.dex.uniswap.LocalUniswap.USDC_UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Live and paper swaps on one chain; each test trades from its own account and quotes fresh before trading. */
class SwapsOnLocalChainTest {
    static LocalChain chain;
    static LocalUniswap uniswap;
    static UniswapQuoter quoter;
    static UniswapSwapper swapper;

    @BeforeAll
    static void deploy() {
        chain = LocalChain.start();
        uniswap = LocalUniswap.deploy(chain);
        quoter = new UniswapQuoter(uniswap.reader, uniswap.contracts);
        swapper = new UniswapSwapper(uniswap.reader, uniswap.contracts);
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    static SwapTerms halfPercent() {
        return new SwapTerms(50, Instant.now().plusSeconds(300));
    }

    @Test
    void liveV2SwapMovesExactlyTheQuotedAmountsAndSpendsTheExactApproval() {
        TransactionSender trader = uniswap.wallet(chain.accounts().get(1));
        uniswap.fund(trader, ETHER.multiply(BigInteger.valueOf(5)), BigInteger.ZERO);
        Balances before = Balances.of(trader.address());
        var reservesBefore = quoter.pools().v2Reserves(uniswap.weth(), uniswap.usdc).orElseThrow();

        Quote quote = quoter.quoteV2(uniswap.weth(), uniswap.usdc, ETHER).orElseThrow();
        SwapResult result = swapper.swap(trader, quote, halfPercent(), Approval.exact());

        Balances after = Balances.of(trader.address());
        assertThat(result.amountIn()).isEqualTo(ETHER);
        assertThat(result.amountOut()).isEqualTo(quote.amountOut());
        assertThat(result.amountOutMin()).isEqualTo(quote.amountOut().multiply(BigInteger.valueOf(9950)).divide(BigInteger.valueOf(10_000)));
        assertThat(after.weth).isEqualTo(before.weth.subtract(ETHER));
        assertThat(after.usdc).isEqualTo(before.usdc.add(quote.amountOut()));
        // gas for the approval and the swap, in native wei, exactly what left the account
        assertThat(result.approvalHashes()).hasSize(1);
        assertThat(after.ether).isEqualTo(before.ether.subtract(result.gasFeeWei()));
        assertThat(uniswap.token(uniswap.weth()).allowance(trader.address(), uniswap.contracts.v2Router())).isZero();
        // at the boundary, in whole tokens with each token's decimals
        Token weth = Token.read(uniswap.reader, uniswap.weth());
        Token usdc = Token.read(uniswap.reader, uniswap.usdc);
        assertThat(weth.toDecimal(after.weth)).isEqualTo(new BigDecimal("4.000000000000000000"));
        assertThat(usdc.toDecimal(after.usdc).subtract(usdc.toDecimal(before.usdc)))
                .isEqualTo(new BigDecimal(quote.amountOut(), 6));
        var reservesAfter = quoter.pools().v2Reserves(uniswap.weth(), uniswap.usdc).orElseThrow();
        assertThat(reservesAfter.reserveOf(uniswap.weth())).isEqualTo(reservesBefore.reserveOf(uniswap.weth()).add(ETHER));
        assertThat(reservesAfter.reserveOf(uniswap.usdc)).isEqualTo(reservesBefore.reserveOf(uniswap.usdc).subtract(quote.amountOut()));
    }

    @Test
    void liveV3SwapWithACappedApprovalLeavesTheRestOfTheCap() {
        TransactionSender trader = uniswap.wallet(chain.accounts().get(2));
        uniswap.fund(trader, ETHER.multiply(BigInteger.valueOf(5)), BigInteger.ZERO);
        Balances before = Balances.of(trader.address());
        BigInteger cap = ETHER.multiply(BigInteger.valueOf(3));

        Quote quote = quoter.quoteV3(uniswap.weth(), uniswap.usdc, ETHER, 3000).orElseThrow();
        SwapResult result = swapper.swap(trader, quote, halfPercent(), Approval.capped(cap));

        Balances after = Balances.of(trader.address());
        assertThat(result.amountOut()).isEqualTo(quote.amountOut());
        assertThat(after.usdc).isEqualTo(before.usdc.add(quote.amountOut()));
        assertThat(after.weth).isEqualTo(before.weth.subtract(ETHER));
        assertThat(after.ether).isEqualTo(before.ether.subtract(result.gasFeeWei()));
        assertThat(uniswap.token(uniswap.weth()).allowance(trader.address(), uniswap.contracts.v3SwapRouter()))
                .isEqualTo(cap.subtract(ETHER));
        // the next swap within the cap needs no approval transaction
        Quote again = quoter.quoteV3(uniswap.weth(), uniswap.usdc, ETHER, 3000).orElseThrow();
        assertThat(swapper.swap(trader, again, halfPercent(), Approval.capped(cap)).approvalHashes()).isEmpty();
    }

    @Test
    void aSwapWhosePriceMovedBeyondTheSlippageIsRefusedInPlainWordsBeforeBroadcast() throws Exception {
        TransactionSender trader = uniswap.wallet(chain.accounts().get(3));
        TransactionSender whale = uniswap.wallet(chain.accounts().get(4));
        uniswap.fund(trader, ETHER, BigInteger.ZERO);
        uniswap.fund(whale, ETHER.multiply(BigInteger.valueOf(20)), BigInteger.ZERO);
        Quote quote = quoter.quoteV2(uniswap.weth(), uniswap.usdc, ETHER).orElseThrow();

        // someone sells 10 WETH first: the pool now pays ~17 % less than the trader's quote
        swapper.swap(whale, quoter.quoteV2(uniswap.weth(), uniswap.usdc, ETHER.multiply(BigInteger.TEN)).orElseThrow(),
                halfPercent(), Approval.exact());
        Balances before = Balances.of(trader.address());
        BigInteger nonceBefore = nonce(trader.address());

        assertThatThrownBy(() -> swapper.swap(trader, quote, halfPercent(), Approval.exact()))
                .isInstanceOf(ContractRevertedException.class)
                .extracting(e -> ((ContractRevertedException) e).reason())
                .isEqualTo("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT");
        // only the approval went out; the swap itself was never broadcast and no token moved
        assertThat(nonce(trader.address())).isEqualTo(nonceBefore.add(BigInteger.ONE));
        Balances after = Balances.of(trader.address());
        assertThat(after.weth).isEqualTo(before.weth);
        assertThat(after.usdc).isEqualTo(before.usdc);
    }

    @Test
    void aSwapPastItsDeadlineIsRefused() {
        TransactionSender trader = uniswap.wallet(chain.accounts().get(8));
        uniswap.fund(trader, ETHER, BigInteger.ZERO);
        SwapTerms expired = new SwapTerms(50, Instant.now().minusSeconds(60));
        assertThatThrownBy(() -> swapper.swap(trader, quoter.quoteV2(uniswap.weth(), uniswap.usdc, ETHER).orElseThrow(),
                expired, Approval.exact()))
                .isInstanceOf(ContractRevertedException.class).hasMessageContaining("UniswapV2Router: EXPIRED");
        assertThatThrownBy(() -> swapper.swap(trader, quoter.quoteV3(uniswap.weth(), uniswap.usdc, ETHER, 3000)
                .orElseThrow(), expired, Approval.exact()))
                .isInstanceOf(ContractRevertedException.class).hasMessageContaining("Transaction too old");
        assertThat(uniswap.token(uniswap.weth()).balanceOf(trader.address())).isEqualTo(ETHER);
    }

    @Test
    void paperSwapFillsAtTheLivePoolsAnswerInVirtualBalancesWithoutTouchingTheChain() {
        PaperSwapper paper = new PaperSwapper(quoter, Clock.systemUTC());
        PaperWallet wallet = new PaperWallet();
        wallet.deposit(uniswap.usdc, USDC_UNIT.multiply(BigInteger.valueOf(5000)));
        BigInteger block = uniswap.reader.blockNumber();
        BigInteger usdcIn = USDC_UNIT.multiply(BigInteger.valueOf(2000));

        Quote decided = quoter.best(uniswap.usdc, uniswap.weth(), usdcIn).orElseThrow();
        PaperSwapper.PaperFill fill = paper.swap(wallet, decided, halfPercent());

        assertThat(fill.filled().amountOut()).isEqualTo(decided.amountOut());
        assertThat(wallet.balanceOf(uniswap.usdc)).isEqualTo(USDC_UNIT.multiply(BigInteger.valueOf(3000)));
        assertThat(wallet.balanceOf(uniswap.weth())).isEqualTo(decided.amountOut());
        assertThat(uniswap.reader.blockNumber()).isEqualTo(block);
        // more than the wallet holds is refused, and nothing changes
        Quote tooBig = quoter.quoteV2(uniswap.usdc, uniswap.weth(), USDC_UNIT.multiply(BigInteger.valueOf(3001))).orElseThrow();
        assertThatThrownBy(() -> paper.swap(wallet, tooBig, halfPercent())).hasMessageContaining("paper wallet holds");
        assertThat(wallet.balanceOf(uniswap.usdc)).isEqualTo(USDC_UNIT.multiply(BigInteger.valueOf(3000)));
    }

    @Test
    void paperSwapIsRefusedLikeALiveOneWhenACompetingSwapMovedThePool() {
        PaperSwapper paper = new PaperSwapper(quoter, Clock.systemUTC());
        PaperWallet wallet = new PaperWallet();
        wallet.deposit(uniswap.weth(), ETHER);
        Quote decided = quoter.quoteV3(uniswap.weth(), uniswap.usdc, ETHER, 3000).orElseThrow();
        TransactionSender whale = uniswap.wallet(chain.accounts().get(5));
        uniswap.fund(whale, ETHER.multiply(BigInteger.TEN), BigInteger.ZERO);
        swapper.swap(whale, quoter.quoteV3(uniswap.weth(), uniswap.usdc, ETHER.multiply(BigInteger.TEN), 3000).orElseThrow(),
                halfPercent(), Approval.exact());

        assertThatThrownBy(() -> paper.swap(wallet, decided, halfPercent()))
                .isInstanceOf(ContractRevertedException.class).hasMessageContaining("Too little received");
        assertThat(wallet.balanceOf(uniswap.weth())).isEqualTo(ETHER);
        assertThat(wallet.balanceOf(uniswap.usdc)).isZero();
    }

    @Test
    void wrappingEtherCostsExactlyTheAmountPlusGas() {
        TransactionSender trader = uniswap.wallet(chain.accounts().get(6));
        Balances before = Balances.of(trader.address());
        BigInteger amount = new BigInteger("1234567890123456789");
        TransactionReceipt receipt = new Weth(uniswap.weth()).wrap(trader, amount);
        Balances after = Balances.of(trader.address());
        BigInteger gas = receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
        assertThat(after.weth).isEqualTo(before.weth.add(amount));
        assertThat(after.ether).isEqualTo(before.ether.subtract(amount).subtract(gas));
        new Weth(uniswap.weth()).unwrap(trader, amount);
        assertThat(Balances.of(trader.address()).weth).isEqualTo(before.weth);
    }

    @Test
    void poolPricesComeFromSwapEvents() {
        TransactionSender trader = uniswap.wallet(chain.accounts().get(7));
        uniswap.fund(trader, ETHER.multiply(BigInteger.TWO), BigInteger.ZERO);
        BigInteger from = uniswap.reader.blockNumber().add(BigInteger.ONE);
        swapper.swap(trader, quoter.quoteV3(uniswap.weth(), uniswap.usdc, ETHER, 3000).orElseThrow(),
                halfPercent(), Approval.exact());
        swapper.swap(trader, quoter.quoteV2(uniswap.weth(), uniswap.usdc, ETHER).orElseThrow(),
                halfPercent(), Approval.exact());
        BigInteger to = uniswap.reader.blockNumber();

        PoolPrices prices = new PoolPrices(chain.web3j());
        var v3 = quoter.pools().v3State(uniswap.weth(), uniswap.usdc, 3000).orElseThrow();
        var v3Prices = prices.v3(v3.pool(), from, to);
        assertThat(v3Prices).hasSize(1);
        assertThat(v3Prices.getFirst().token1PerToken0()).isEqualByComparingTo(SqrtPrice.price(v3.sqrtPriceX96()));

        var v2 = quoter.pools().v2Reserves(uniswap.weth(), uniswap.usdc).orElseThrow();
        var v2Prices = prices.v2(v2.pair(), from, to);
        assertThat(v2Prices).hasSize(1);
        assertThat(v2Prices.getFirst().token1PerToken0()).isEqualByComparingTo(
                new java.math.BigDecimal(v2.reserve1()).divide(new java.math.BigDecimal(v2.reserve0()), Quote.PRECISION));
        // in whole tokens, USDC per WETH after selling WETH: below the 2,000 the pool opened at
        boolean wethIsToken0 = v2.token0().equalsIgnoreCase(uniswap.weth());
        java.math.BigDecimal wethPrice = wethIsToken0 ? v2Prices.getFirst().inWholeTokens(18, 6)
                : java.math.BigDecimal.ONE.divide(v2Prices.getFirst().inWholeTokens(6, 18), Quote.PRECISION);
        assertThat(wethPrice).isLessThan(new java.math.BigDecimal("2000")).isGreaterThan(new java.math.BigDecimal("1500"));
    }

    @Test
    void aPoolPriceFeedDeliversTheSpotPriceAfterAnotherWalletsSwap() throws Exception {
        TransactionSender trader = uniswap.wallet(chain.accounts().get(9));
        uniswap.fund(trader, ETHER, BigInteger.ZERO);
        var pool = quoter.pools().v3State(uniswap.weth(), uniswap.usdc, 3000).orElseThrow();
        Network local = new Network("local", chain.chainId(), URI.create(chain.rpcUrl()), URI.create(chain.wsUrl()));
        CompletableFuture<PoolPrices.PoolPrice> first = new CompletableFuture<>();
        try (ChainConnection connection = ChainConnection.open(local);
             PoolPriceFeed feed = PoolPriceFeed.follow(connection, Route.Protocol.V3, pool.pool(), first::complete)) {
            SwapResult swap = swapper.swap(trader, quoter.quoteV3(uniswap.weth(), uniswap.usdc, ETHER, 3000)
                    .orElseThrow(), halfPercent(), Approval.exact());
            PoolPrices.PoolPrice price = first.get(30, TimeUnit.SECONDS);
            assertThat(price.transactionHash()).isEqualTo(swap.transactionHash());
            var after = quoter.pools().v3State(uniswap.weth(), uniswap.usdc, 3000).orElseThrow();
            assertThat(price.token1PerToken0()).isEqualByComparingTo(SqrtPrice.price(after.sqrtPriceX96()));
        }
    }

    private static BigInteger nonce(String address) throws Exception {
        return chain.web3j().ethGetTransactionCount(address, DefaultBlockParameterName.LATEST).send().getTransactionCount();
    }

    /** A wallet's ether, WETH and USDC, read from the chain in units. */
    record Balances(BigInteger ether, BigInteger weth, BigInteger usdc) {
        static Balances of(String address) {
            ChainReader reader = uniswap.reader;
            return new Balances(reader.etherBalance(address), uniswap.token(uniswap.weth()).balanceOf(address),
                    uniswap.token(uniswap.usdc).balanceOf(address));
        }
    }
}
