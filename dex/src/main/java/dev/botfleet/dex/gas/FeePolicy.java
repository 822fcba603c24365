package dev.botfleet.dex.gas;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A bot's fee settings, all in wei per gas.
 *
 * @param aggressiveness which percentile the tip follows and how much base-fee growth the max fee survives
 * @param maxFeeCap      the most this bot ever offers per gas (max fee, tip included); never exceeded, replacements too
 * @param minTip         the tip offered when recent blocks were empty and say nothing (and the floor otherwise)
 */
public record FeePolicy(Aggressiveness aggressiveness, BigInteger maxFeeCap, BigInteger minTip) {

    public static final BigInteger GWEI = BigInteger.TEN.pow(9);

    public FeePolicy {
        Objects.requireNonNull(aggressiveness, "aggressiveness");
        if (maxFeeCap == null || maxFeeCap.signum() <= 0) {
            throw new IllegalArgumentException("maxFeeCap must be positive");
        }
        if (minTip == null || minTip.signum() < 0) {
            throw new IllegalArgumentException("minTip must not be negative");
        }
        if (minTip.compareTo(maxFeeCap) > 0) {
            throw new IllegalArgumentException("minTip must not exceed maxFeeCap");
        }
    }

    public static BigInteger gwei(long gwei) {
        return BigInteger.valueOf(gwei).multiply(GWEI);
    }
}
