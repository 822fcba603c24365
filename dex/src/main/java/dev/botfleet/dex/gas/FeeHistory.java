package dev.botfleet.dex.gas;

import java.math.BigInteger;
import java.util.List;

/**
 * One answer of {@code eth_feeHistory}: for each of the last blocks its base fee, how full it was and the priority fee
 * paid at each requested percentile of its transactions (weighted by gas).
 *
 * @param oldestBlock     number of the first block described
 * @param baseFeePerGas   one entry per block plus one more: the base fee of the next (pending) block, known in advance
 * @param gasUsedRatio    gas used / gas limit per block; 0 marks an empty block, whose rewards say nothing
 * @param rewards         per block, the priority fee at each of {@code percentiles} (same order)
 * @param percentiles     the reward percentiles asked for, ascending
 */
public record FeeHistory(long oldestBlock, List<BigInteger> baseFeePerGas, List<Double> gasUsedRatio,
                         List<List<BigInteger>> rewards, List<Double> percentiles) {

    public FeeHistory {
        baseFeePerGas = List.copyOf(baseFeePerGas);
        gasUsedRatio = List.copyOf(gasUsedRatio);
        rewards = rewards.stream().map(List::copyOf).toList();
        percentiles = List.copyOf(percentiles);
        if (baseFeePerGas.isEmpty()) {
            throw new IllegalArgumentException("a fee history has at least the next block's base fee");
        }
        if (baseFeePerGas.size() != gasUsedRatio.size() + 1) {
            throw new IllegalArgumentException("baseFeePerGas must have one entry more than gasUsedRatio");
        }
        if (!rewards.isEmpty() && rewards.size() != gasUsedRatio.size()) {
            throw new IllegalArgumentException("rewards, when asked for, come one list per block");
        }
        for (List<BigInteger> perBlock : rewards) {
            if (perBlock.size() != percentiles.size()) {
                throw new IllegalArgumentException("each block's rewards must match the requested percentiles");
            }
        }
    }

    /** The base fee of the block our transaction can enter first (the protocol fixes it one block ahead). */
    public BigInteger nextBaseFee() {
        return baseFeePerGas.getLast();
    }

    public int blocks() {
        return gasUsedRatio.size();
    }
}
