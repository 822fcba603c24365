package dev.botfleet.dex.mempool;

import dev.botfleet.dex.uniswap.Route;
import dev.botfleet.dex.uniswap.UniswapPools;

import java.util.ArrayList;
import java.util.List;

/**
 * A pool the mempool watch reports on: a V2 pair or a V3 pool of one fee tier, with its tokens in the pool's order.
 *
 * @param feePips 3000 for V2 (its fixed 0.30 %), the tier for V3
 */
public record WatchedPool(Route.Protocol protocol, String address, String token0, String token1, int feePips) {

    /** Every Uniswap pool of the pair: the V2 pair and each V3 fee tier that has a pool (asked of the factories). */
    public static List<WatchedPool> allOf(UniswapPools pools, String tokenA, String tokenB) {
        List<WatchedPool> found = new ArrayList<>();
        pools.v2Reserves(tokenA, tokenB).ifPresent(r ->
                found.add(new WatchedPool(Route.Protocol.V2, r.pair(), r.token0(), r.token1(), 3000)));
        for (int fee : Route.V3_FEE_TIERS) {
            pools.v3State(tokenA, tokenB, fee).ifPresent(s ->
                    found.add(new WatchedPool(Route.Protocol.V3, s.pool(), s.token0(), s.token1(), fee)));
        }
        return found;
    }

    boolean holds(String tokenA, String tokenB) {
        return (tokenA.equalsIgnoreCase(token0) && tokenB.equalsIgnoreCase(token1))
                || (tokenA.equalsIgnoreCase(token1) && tokenB.equalsIgnoreCase(token0));
    }

    boolean isV2() {
        return protocol == Route.Protocol.V2;
    }

    @Override
    public String toString() {
        return (isV2() ? "V2" : "V3 " + feePips / 10_000.0 + "%") + " pool " + address;
    }
}
