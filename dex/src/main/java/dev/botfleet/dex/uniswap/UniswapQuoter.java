package dev.botfleet.dex.uniswap;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.ChainReader;
import dev.botfleet.dex.chain.ContractRevertedException;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.botfleet.dex.chain.Abi.addr;
import static dev.botfleet.dex.chain.Abi.u256;

/**
 * Exact-in quotes from the contracts themselves, by eth_call at the latest block: V2's router
 * ({@code getAmountsOut} over the pair's live reserves) and V3's QuoterV2 (which runs the real pool's swap and
 * reverts with the result), for every fee tier that has a pool. The best route is the one paying the most out.
 */
public final class UniswapQuoter {
    static final String V3_QUOTE_SIGNATURE = "quoteExactInputSingle((address,address,uint256,uint24,uint160))";

    private final ChainReader chain;
    private final UniswapContracts contracts;
    private final UniswapPools pools;

    public UniswapQuoter(ChainReader chain, UniswapContracts contracts) {
        this.chain = chain;
        this.contracts = contracts;
        this.pools = new UniswapPools(chain, contracts);
    }

    public UniswapPools pools() {
        return pools;
    }

    /** The V2 quote, or empty when the pair has no pool. */
    public Optional<Quote> quoteV2(String tokenIn, String tokenOut, BigInteger amountIn) {
        return pools.v2Reserves(tokenIn, tokenOut).map(reserves -> {
            BigInteger amountOut = v2AmountOut(tokenIn, tokenOut, amountIn);
            BigDecimal spot = new BigDecimal(reserves.reserveOf(tokenOut))
                    .divide(new BigDecimal(reserves.reserveOf(tokenIn)), Quote.PRECISION);
            return new Quote(Route.V2, tokenIn, tokenOut, amountIn, amountOut, spot,
                    Quote.impact(amountIn, amountOut, spot), 0);
        });
    }

    /** The router's own answer: the last element of getAmountsOut(amountIn, [tokenIn, tokenOut]). */
    public BigInteger v2AmountOut(String tokenIn, String tokenOut, BigInteger amountIn) {
        String answer = chain.call(contracts.v2Router(), Abi.call("getAmountsOut(uint256,address[])", u256(amountIn),
                new DynamicArray<>(org.web3j.abi.datatypes.Address.class, addr(tokenIn), addr(tokenOut))));
        @SuppressWarnings("unchecked")
        List<Uint256> amounts = (List<Uint256>) Abi.decode(answer, new TypeReference<DynamicArray<Uint256>>() {})
                .getFirst().getValue();
        return amounts.getLast().getValue();
    }

    /** The V3 quote for one fee tier, or empty when that tier has no pool. */
    public Optional<Quote> quoteV3(String tokenIn, String tokenOut, BigInteger amountIn, int feePips) {
        return pools.v3State(tokenIn, tokenOut, feePips).flatMap(state -> {
            if (state.liquidity().signum() == 0) return Optional.empty();
            List<Type> answer;
            try {
                answer = Abi.decode(chain.call(contracts.v3Quoter(), Abi.call(V3_QUOTE_SIGNATURE,
                                addr(tokenIn), addr(tokenOut), u256(amountIn), new Uint24(feePips), new Uint160(0))),
                        new TypeReference<Uint256>() {}, new TypeReference<Uint160>() {},
                        new TypeReference<Uint32>() {}, new TypeReference<Uint256>() {});
            } catch (ContractRevertedException e) {
                return Optional.empty(); // e.g. not enough liquidity in range for this size
            }
            BigDecimal token1PerToken0 = SqrtPrice.price(state.sqrtPriceX96());
            BigDecimal spot = tokenIn.equalsIgnoreCase(state.token0())
                    ? token1PerToken0 : BigDecimal.ONE.divide(token1PerToken0, Quote.PRECISION);
            BigInteger amountOut = Abi.uint(answer.get(0));
            return Optional.of(new Quote(Route.v3(feePips), tokenIn, tokenOut, amountIn, amountOut, spot,
                    Quote.impact(amountIn, amountOut, spot), Abi.uint(answer.get(3)).longValueExact()));
        });
    }

    /** Every route that has a pool: V2, then V3's fee tiers. */
    public List<Quote> quotes(String tokenIn, String tokenOut, BigInteger amountIn) {
        List<Quote> quotes = new ArrayList<>();
        quoteV2(tokenIn, tokenOut, amountIn).ifPresent(quotes::add);
        for (int fee : Route.V3_FEE_TIERS) quoteV3(tokenIn, tokenOut, amountIn, fee).ifPresent(quotes::add);
        return quotes;
    }

    /** The route paying the most tokenOut for amountIn (gas is not weighed in: see docs/dex.md), or empty. */
    public Optional<Quote> best(String tokenIn, String tokenOut, BigInteger amountIn) {
        return quotes(tokenIn, tokenOut, amountIn).stream().max(Comparator.comparing(Quote::amountOut));
    }
}
