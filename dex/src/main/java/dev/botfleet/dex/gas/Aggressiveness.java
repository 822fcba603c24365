package dev.botfleet.dex.gas;

/**
 * How hard a bot bids for block space. Each level picks the reward percentile its tip follows and how many blocks of
 * maximal base-fee growth its max fee survives (EIP-1559 lets the base fee grow by at most 12.5 % a block).
 * The intelligence slider maps its levels onto these (docs/dex.md).
 */
public enum Aggressiveness {
    /** Cheapest: tip of the 10th percentile, survives one full block of base-fee growth. */
    PATIENT(10.0, 1),
    /** The median tip, survives three full blocks. */
    NORMAL(50.0, 3),
    /** The 75th percentile, survives six full blocks (about what "2 × base fee" allows). */
    FAST(75.0, 6),
    /** The 90th percentile, survives eight full blocks. */
    URGENT(90.0, 8);

    /** The percentiles every {@code eth_feeHistory} call asks for, so any level can be served from one answer. */
    public static final java.util.List<Double> PERCENTILES = java.util.List.of(10.0, 50.0, 75.0, 90.0);

    private final double rewardPercentile;
    private final int headroomBlocks;

    Aggressiveness(double rewardPercentile, int headroomBlocks) {
        this.rewardPercentile = rewardPercentile;
        this.headroomBlocks = headroomBlocks;
    }

    public double rewardPercentile() {
        return rewardPercentile;
    }

    public int headroomBlocks() {
        return headroomBlocks;
    }
}
