package dev.botfleet.dex.uniswap;

/**
 * One way through Uniswap for a pair: the V2 pool, or the V3 pool of one fee tier.
 *
 * @param feePips the pool's fee in hundredths of a basis point (3000 = 0.30 %); V2's is always 3000
 */
public record Route(Protocol protocol, int feePips) {
    public enum Protocol { V2, V3 }

    /** V3's fee tiers: 0.01 %, 0.05 %, 0.30 %, 1 %. */
    public static final java.util.List<Integer> V3_FEE_TIERS = java.util.List.of(100, 500, 3000, 10000);

    public static final Route V2 = new Route(Protocol.V2, 3000);

    public static Route v3(int feePips) {
        return new Route(Protocol.V3, feePips);
    }

    @Override
    public String toString() {
        return protocol == Protocol.V2 ? "V2" : "V3 " + feePips / 10_000.0 + "%";
    }
}
