package dev.botfleet.dex.gas;

import java.math.BigInteger;

/**
 * The two EIP-1559 bids of one transaction, in wei per gas: the chain charges min(maxFee, baseFee + tip) per gas and
 * burns the base fee, so maxFee only bounds what is paid.
 *
 * @param maxFeePerGas         the most paid per gas, base fee included
 * @param maxPriorityFeePerGas the tip to the block builder
 * @param projectedBaseFee     the base fee the max fee was sized for (next block's, grown by the headroom)
 * @param limit                whether the bot's cap cut the bid
 */
public record Eip1559Fees(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, BigInteger projectedBaseFee,
                          CapLimit limit) {

    public Eip1559Fees {
        if (maxPriorityFeePerGas.compareTo(maxFeePerGas) > 0) {
            throw new IllegalArgumentException("the tip cannot exceed the max fee");
        }
    }

    /** How the per-bot cap shaped the bid. */
    public enum CapLimit {
        /** The cap was not reached. */
        NONE,
        /** The max fee was lowered to the cap; the transaction still fits the next block's base fee. */
        CAPPED,
        /** Even the cap is below the next block's base fee: the transaction waits until the base fee falls. */
        BELOW_BASE_FEE
    }

    /** What one gas costs if included in a block of this base fee (0 if the transaction cannot enter it). */
    public BigInteger effectivePrice(BigInteger baseFee) {
        if (maxFeePerGas.compareTo(baseFee) < 0) {
            return BigInteger.ZERO;
        }
        return maxFeePerGas.min(baseFee.add(maxPriorityFeePerGas));
    }
}
