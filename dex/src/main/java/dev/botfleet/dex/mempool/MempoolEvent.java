package dev.botfleet.dex.mempool;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A pending (not yet mined) transaction that will touch a watched pool, as the bot may want to know before it trades.
 * Amounts are integers in each token's smallest unit, exactly as the transaction's calldata gives them; shares are
 * fractions (0.25 = a quarter) with 8 decimals, against the pool's state at the latest block.
 */
public sealed interface MempoolEvent {
    String txHash();

    /** The sender of the pending transaction. */
    String from();

    WatchedPool pool();

    /**
     * A swap through the pool. Exact-in: {@code amount} of tokenIn goes in and at least {@code limit} of tokenOut must
     * come out; exact-out: {@code amount} of tokenOut comes out for at most {@code limit} of tokenIn. {@code limit} is
     * null when the transaction's limit belongs to another hop of a multi-hop path.
     *
     * @param shareOfReserves {@code amount} / the pool's balance of that token (tokenIn for exact-in, tokenOut for
     *                        exact-out): how big the swap is for this pool
     */
    record PendingSwap(String txHash, String from, WatchedPool pool, String tokenIn, String tokenOut, boolean exactIn,
                       BigInteger amount, BigInteger limit, BigDecimal shareOfReserves) implements MempoolEvent {}

    /**
     * Liquidity being pulled: V2 LP tokens burned ({@code removeLiquidity*}) or a V3 position's
     * {@code decreaseLiquidity}.
     *
     * @param shareOfLiquidity V2: liquidity / the pair's LP total supply; V3: liquidity / the pool's in-range
     *                         liquidity, at most 1 (a position out of range takes nothing the next swap would use)
     */
    record PendingLiquidityRemoval(String txHash, String from, WatchedPool pool, BigInteger liquidity,
                                   BigDecimal shareOfLiquidity) implements MempoolEvent {}

    /** Liquidity being added (the desired amounts, in the pool's token order: token0, token1). */
    record PendingLiquidityAddition(String txHash, String from, WatchedPool pool, BigInteger amount0,
                                    BigInteger amount1) implements MempoolEvent {}
}
