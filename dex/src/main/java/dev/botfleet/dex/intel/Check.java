package dev.botfleet.dex.intel;

/** One part of the token analysis (the factors of the risk score, docs/dex.md). */
public enum Check {
    /** Pool depth and the price impact of the bot's size. */
    LIQUIDITY,
    /** A simulated buy then sell (eth_call): can it be sold, and at what tax. */
    HONEYPOT,
    /** Owner privileges in the bytecode and ABI: mint, pause, blacklist, fee setters. */
    PRIVILEGES,
    /** Buy and sell taxes measured from simulated transfers. */
    TRANSFER_TAX,
    /** How concentrated the supply is among the largest holders, where data allows. */
    HOLDERS,
    /** How long ago the contract was deployed. */
    CONTRACT_AGE,
    /**
     * What is pending on the market's pools (the bot's mempool watch): liquidity being pulled, large sells on their
     * way. Not read from the chain by the scorer; the server adds it for a bot's market ({@code MempoolRisk}).
     */
    MEMPOOL;

    /**
     * What the fast lane can afford within a block: the two checks that are one simulated call each, and the mempool
     * factor, which is read from what the bot's watch already saw.
     */
    static final java.util.Set<Check> FAST_LANE = java.util.Set.of(LIQUIDITY, HONEYPOT, MEMPOOL);
}
