package dev.botfleet.dex.mempool;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.ChainReader;
import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.uniswap.Route;
import dev.botfleet.dex.uniswap.UniswapContracts;
import org.web3j.utils.Numeric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static dev.botfleet.dex.chain.Abi.u256;

/**
 * Turns decoded calls into events for the watched pools, reading what a share needs from the chain at the latest
 * block: the pool's token balances (swaps), the pair's LP supply (V2 removals), the position and the pool's in-range
 * liquidity (V3). A call touching no watched pool costs no chain read.
 */
final class PoolMatcher {
    static final int SHARE_SCALE = 8;

    private final ChainReader chain;
    private final UniswapContracts contracts;

    PoolMatcher(ChainReader chain, UniswapContracts contracts) {
        this.chain = chain;
        this.contracts = contracts;
    }

    List<MempoolEvent> events(String txHash, String from, List<DecodedCall> calls, Collection<WatchedPool> watched) {
        List<MempoolEvent> out = new ArrayList<>();
        for (DecodedCall call : calls) {
            switch (call) {
                case DecodedCall.V2Swap s -> v2Swap(txHash, from, s, watched, out);
                case DecodedCall.V3Swap s -> find(watched, Route.Protocol.V3, s.tokenIn(), s.tokenOut(), s.feePips())
                        .ifPresent(p -> out.add(swap(txHash, from, p, s.tokenIn(), s.tokenOut(), s.exactIn(),
                                s.amount(), s.limit())));
                case DecodedCall.PairSwap s -> pairSwap(txHash, from, s, watched, out);
                case DecodedCall.V2Removal r -> find(watched, Route.Protocol.V2, r.tokenA(), r.tokenB(), 3000)
                        .ifPresent(p -> out.add(new MempoolEvent.PendingLiquidityRemoval(txHash, from, p,
                                r.liquidity(), share(r.liquidity(), lpSupply(p.address())))));
                case DecodedCall.V2Addition a -> find(watched, Route.Protocol.V2, a.tokenA(), a.tokenB(), 3000)
                        .ifPresent(p -> out.add(addition(txHash, from, p, a.tokenA(), a.amountA(), a.amountB())));
                case DecodedCall.V3Mint m -> find(watched, Route.Protocol.V3, m.token0(), m.token1(), m.feePips())
                        .ifPresent(p -> out.add(addition(txHash, from, p, m.token0(), m.amount0(), m.amount1())));
                case DecodedCall.V3Increase i -> position(i.tokenId(), watched)
                        .ifPresent(p -> out.add(new MempoolEvent.PendingLiquidityAddition(txHash, from, p,
                                i.amount0(), i.amount1())));
                case DecodedCall.V3Decrease d -> position(d.tokenId(), watched)
                        .ifPresent(p -> out.add(new MempoolEvent.PendingLiquidityRemoval(txHash, from, p,
                                d.liquidity(), share(d.liquidity(), inRangeLiquidity(p.address())).min(BigDecimal.ONE
                                        .setScale(SHARE_SCALE)))));
            }
        }
        return out;
    }

    /** Only the hop at the path's known end has a size in the calldata (exact-in: the first; exact-out: the last). */
    private void v2Swap(String txHash, String from, DecodedCall.V2Swap s, Collection<WatchedPool> watched,
                        List<MempoolEvent> out) {
        List<String> path = s.path();
        if (path.size() < 2) return;
        int hop = s.exactIn() ? 0 : path.size() - 2;
        BigInteger limit = path.size() == 2 ? s.limit() : null;
        find(watched, Route.Protocol.V2, path.get(hop), path.get(hop + 1), 3000).ifPresent(p ->
                out.add(swap(txHash, from, p, path.get(hop), path.get(hop + 1), s.exactIn(), s.amount(), limit)));
    }

    /** A direct pair swap names only the amounts out; the token with a non-zero amount out is the one bought. */
    private void pairSwap(String txHash, String from, DecodedCall.PairSwap s, Collection<WatchedPool> watched,
                          List<MempoolEvent> out) {
        for (WatchedPool p : watched) {
            if (!p.isV2() || !p.address().equalsIgnoreCase(s.pair())) continue;
            boolean buysToken0 = s.amount0Out().signum() > 0;
            if (buysToken0 == (s.amount1Out().signum() > 0)) return;  // both or neither: not a plain one-way swap
            String tokenOut = buysToken0 ? p.token0() : p.token1();
            String tokenIn = buysToken0 ? p.token1() : p.token0();
            out.add(swap(txHash, from, p, tokenIn, tokenOut, false, buysToken0 ? s.amount0Out() : s.amount1Out(), null));
        }
    }

    private MempoolEvent.PendingSwap swap(String txHash, String from, WatchedPool pool, String tokenIn, String tokenOut,
                                          boolean exactIn, BigInteger amount, BigInteger limit) {
        BigInteger reserve = new Erc20(chain, exactIn ? tokenIn : tokenOut).balanceOf(pool.address());
        return new MempoolEvent.PendingSwap(txHash, from, pool, canonical(pool, tokenIn), canonical(pool, tokenOut),
                exactIn, amount, limit, share(amount, reserve));
    }

    private static MempoolEvent.PendingLiquidityAddition addition(String txHash, String from, WatchedPool pool,
                                                                  String tokenA, BigInteger amountA, BigInteger amountB) {
        boolean aIsToken0 = tokenA.equalsIgnoreCase(pool.token0());
        return new MempoolEvent.PendingLiquidityAddition(txHash, from, pool, aIsToken0 ? amountA : amountB,
                aIsToken0 ? amountB : amountA);
    }

    /** The pool of a position NFT, from {@code positions(tokenId)}: token0, token1 and fee are words 2, 3 and 4. */
    private Optional<WatchedPool> position(BigInteger tokenId, Collection<WatchedPool> watched) {
        if (contracts.v3PositionManager() == null) return Optional.empty();
        Calldata words = Calldata.returnData(Numeric.hexStringToByteArray(chain.call(contracts.v3PositionManager(),
                Abi.call("positions(uint256)", u256(tokenId)))));
        return find(watched, Route.Protocol.V3, words.address(2), words.address(3), words.uint(4).intValueExact());
    }

    private BigInteger lpSupply(String pair) {
        return uintAnswer(pair, "totalSupply()");
    }

    private BigInteger inRangeLiquidity(String pool) {
        return uintAnswer(pool, "liquidity()");
    }

    private BigInteger uintAnswer(String contract, String getter) {
        return Calldata.returnData(Numeric.hexStringToByteArray(chain.call(contract, Abi.call(getter)))).uint(0);
    }

    private static Optional<WatchedPool> find(Collection<WatchedPool> watched, Route.Protocol protocol, String tokenA,
                                              String tokenB, int feePips) {
        return watched.stream().filter(p -> p.protocol() == protocol && p.feePips() == feePips && p.holds(tokenA, tokenB))
                .findFirst();
    }

    /** The pool's own spelling of a token address (calldata may use any case). */
    private static String canonical(WatchedPool pool, String token) {
        return token.equalsIgnoreCase(pool.token0()) ? pool.token0() : pool.token1();
    }

    static BigDecimal share(BigInteger part, BigInteger whole) {
        if (whole.signum() == 0) return BigDecimal.ONE.setScale(SHARE_SCALE);  // an empty pool: anything is all of it
        return new BigDecimal(part).divide(new BigDecimal(whole), SHARE_SCALE, RoundingMode.HALF_EVEN);
    }
}
