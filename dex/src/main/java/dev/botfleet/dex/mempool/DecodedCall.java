package dev.botfleet.dex.mempool;

import java.math.BigInteger;
import java.util.List;

/**
 * What one pending transaction asks Uniswap to do, read from its calldata alone (no chain state yet): the raw
 * material of {@link MempoolEvent}s, once matched to the watched pools.
 */
sealed interface DecodedCall {

    /**
     * A V2 swap along {@code path} (one pair per hop). Exact-in: {@code amount} goes into the first hop and
     * {@code limit} is the least the last hop must pay; exact-out: {@code amount} comes out of the last hop and
     * {@code limit} is the most the first hop may take.
     */
    record V2Swap(List<String> path, boolean exactIn, BigInteger amount, BigInteger limit) implements DecodedCall {}

    /**
     * One hop through a V3 pool whose size is known from the calldata (a single-pool swap, or the known end of a
     * multi-hop path); {@code limit} is null when it belongs to another hop.
     */
    record V3Swap(String tokenIn, String tokenOut, int feePips, boolean exactIn, BigInteger amount, BigInteger limit)
            implements DecodedCall {}

    /** A call straight to a V2 pair's {@code swap(amount0Out, amount1Out, to, data)}. */
    record PairSwap(String pair, BigInteger amount0Out, BigInteger amount1Out) implements DecodedCall {}

    /** {@code removeLiquidity*}: {@code liquidity} LP tokens of the tokenA/tokenB pair burned. */
    record V2Removal(String tokenA, String tokenB, BigInteger liquidity) implements DecodedCall {}

    /** {@code decreaseLiquidity}: liquidity taken out of position NFT {@code tokenId}. */
    record V3Decrease(BigInteger tokenId, BigInteger liquidity) implements DecodedCall {}

    /** {@code addLiquidity*}: up to these amounts of tokenA and tokenB into their V2 pair. */
    record V2Addition(String tokenA, String tokenB, BigInteger amountA, BigInteger amountB) implements DecodedCall {}

    /** {@code mint}: up to these amounts into a new position of the token0/token1 pool of one fee tier. */
    record V3Mint(String token0, String token1, int feePips, BigInteger amount0, BigInteger amount1)
            implements DecodedCall {}

    /** {@code increaseLiquidity}: up to these amounts into position NFT {@code tokenId}. */
    record V3Increase(BigInteger tokenId, BigInteger amount0, BigInteger amount1) implements DecodedCall {}
}
