package dev.botfleet.dex.intel;

/**
 * How hard a bot bids for inclusion (EIP-1559): the priority fee is this percentile of the recent blocks' rewards
 * (eth_feeHistory), and the max fee per gas is {@code baseFeeMultiple} × the latest base fee + that priority fee: the
 * higher the multiple, the more base-fee rises a transaction survives before the transaction manager must replace it.
 */
public enum GasAggressiveness {
    /** Cheapest: waits a few blocks when the chain is busy. */
    SLOW(25, "1.5"),
    STANDARD(50, "2"),
    FAST(75, "2.5"),
    /** Bids near the top of recent blocks: for a fast lane that must land in the next block. */
    URGENT(90, "3");

    private final int rewardPercentile;
    private final java.math.BigDecimal baseFeeMultiple;

    GasAggressiveness(int rewardPercentile, String baseFeeMultiple) {
        this.rewardPercentile = rewardPercentile;
        this.baseFeeMultiple = new java.math.BigDecimal(baseFeeMultiple);
    }

    /** The eth_feeHistory reward percentile taken as the priority fee (0-100). */
    public int rewardPercentile() {
        return rewardPercentile;
    }

    /** The max fee per gas is this multiple of the base fee plus the priority fee. */
    public java.math.BigDecimal baseFeeMultiple() {
        return baseFeeMultiple;
    }
}
