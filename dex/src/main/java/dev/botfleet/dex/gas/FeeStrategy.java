package dev.botfleet.dex.gas;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Our EIP-1559 bid from a fee history (docs/dex/transactions.md "Transactions and gas"):
 * <pre>
 *   tip       = max(minTip, median over the non-empty blocks of the reward at the level's percentile)
 *   projected = ceil(nextBaseFee × (9/8)^headroomBlocks)      -- the base fee after that many full blocks
 *   maxFee    = min(cap, projected + tip),   tip = min(tip, maxFee)
 * </pre>
 * The median over blocks (not the mean) keeps one block with a whale's tip from setting ours. Pure and exact: same
 * history and policy, same wei.
 */
public final class FeeStrategy {

    /** EIP-1559: the base fee moves by at most 1/8 per block. */
    private static final BigInteger GROWTH_NUMERATOR = BigInteger.valueOf(9);
    private static final BigInteger GROWTH_DENOMINATOR = BigInteger.valueOf(8);

    public Eip1559Fees quote(FeeHistory history, FeePolicy policy) {
        BigInteger tip = tip(history, policy);
        BigInteger projected = grow(history.nextBaseFee(), policy.aggressiveness().headroomBlocks());
        BigInteger maxFee = projected.add(tip);
        Eip1559Fees.CapLimit limit = Eip1559Fees.CapLimit.NONE;
        if (maxFee.compareTo(policy.maxFeeCap()) > 0) {
            maxFee = policy.maxFeeCap();
            limit = maxFee.compareTo(history.nextBaseFee()) < 0
                    ? Eip1559Fees.CapLimit.BELOW_BASE_FEE : Eip1559Fees.CapLimit.CAPPED;
        }
        return new Eip1559Fees(maxFee, tip.min(maxFee), projected, limit);
    }

    /** The tip: what the chosen percentile of recent non-empty blocks paid, never below the policy's floor. */
    BigInteger tip(FeeHistory history, FeePolicy policy) {
        int column = history.percentiles().indexOf(policy.aggressiveness().rewardPercentile());
        if (column < 0) {
            throw new IllegalArgumentException("the fee history lacks the "
                    + policy.aggressiveness().rewardPercentile() + "th reward percentile");
        }
        List<BigInteger> paid = new ArrayList<>();
        for (int block = 0; block < history.rewards().size(); block++) {
            // An empty block reports a zero reward: it says nothing about what inclusion costs.
            if (history.gasUsedRatio().get(block) > 0) {
                paid.add(history.rewards().get(block).get(column));
            }
        }
        if (paid.isEmpty()) {
            return policy.minTip();
        }
        return median(paid).max(policy.minTip());
    }

    /** The base fee after {@code blocks} completely full blocks, rounded up. */
    static BigInteger grow(BigInteger baseFee, int blocks) {
        BigInteger numerator = baseFee.multiply(GROWTH_NUMERATOR.pow(blocks));
        BigInteger[] qr = numerator.divideAndRemainder(GROWTH_DENOMINATOR.pow(blocks));
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    /** The lower median of an even count: bids round down to what was actually paid by some block. */
    private static BigInteger median(List<BigInteger> values) {
        List<BigInteger> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
