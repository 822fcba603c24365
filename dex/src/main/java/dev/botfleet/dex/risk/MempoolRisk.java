package dev.botfleet.dex.risk;

import dev.botfleet.dex.intel.Check;
import dev.botfleet.dex.mempool.MempoolEvent;
import dev.botfleet.dex.risk.RiskFactor.Verdict;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The {@link Check#MEMPOOL} factor of a token's risk score: what is pending (seen by the mempool watch, not yet mined)
 * on the pools of the market the token is bought in. Pure: the caller hands over only the events still pending.
 *
 * <ul>
 *   <li>the largest pending liquidity removal's share of its pool: ≥ 50 % FAIL (100: buying into a pool being
 *       emptied); ≥ 10 %: 40; ≥ 1 %: 10;</li>
 *   <li>pending sells of the token (swaps with the token in), summed over the market's pools, each as its share of the
 *       pool's reserve of the token it names (the token for exact-in, what comes out for exact-out): ≥ 10 %: 30;
 *       ≥ 2 %: 15; ≥ 0.5 %: 5;</li>
 *   <li>both added, at most 60 unless a removal fails outright. Nothing pending: PASS, 0.</li>
 * </ul>
 */
public final class MempoolRisk {
    static final BigDecimal REMOVAL_FAIL = new BigDecimal("0.5");
    static final int CAP = 60;

    private MempoolRisk() {
    }

    /**
     * @param pending events on the market's pools whose transactions are still unmined
     * @param token   the token being assessed (its sells count)
     */
    public static RiskFactor factor(List<MempoolEvent> pending, String token) {
        BigDecimal removal = BigDecimal.ZERO;
        BigDecimal sells = BigDecimal.ZERO;
        int removals = 0;
        int sellCount = 0;
        for (MempoolEvent e : pending) {
            switch (e) {
                case MempoolEvent.PendingLiquidityRemoval r -> {
                    removals++;
                    removal = removal.max(r.shareOfLiquidity());
                }
                case MempoolEvent.PendingSwap s when s.tokenIn().equalsIgnoreCase(token) -> {
                    sellCount++;
                    sells = sells.add(s.shareOfReserves());
                }
                default -> { }
            }
        }
        if (removals == 0 && sellCount == 0) {
            return new RiskFactor(Check.MEMPOOL, Verdict.PASS, 0, "nothing pending",
                    "no pending liquidity removal or sell of the token on the market's pools");
        }
        String value = (removals == 0 ? "" : "liquidity removal " + percent(removal) + " of a pool")
                + (removals > 0 && sellCount > 0 ? ", " : "")
                + (sellCount == 0 ? "" : sellCount + " sell" + (sellCount == 1 ? "" : "s") + " " + percent(sells)
                + " of reserves");
        if (removal.compareTo(REMOVAL_FAIL) >= 0) {
            return new RiskFactor(Check.MEMPOOL, Verdict.FAIL, 100, value, "a pending transaction removes "
                    + percent(removal) + " of a pool's liquidity: buying now means buying into a pool being emptied");
        }
        int points = Math.min(CAP, removalPoints(removal) + sellPoints(sells));
        String explanation = points == 0
                ? "what is pending on the market's pools is small"
                : "pending transactions not yet mined: " + value + "; the price may fall once they are";
        return new RiskFactor(Check.MEMPOOL, points == 0 ? Verdict.PASS : Verdict.WARN, points, value, explanation);
    }

    static int removalPoints(BigDecimal share) {
        if (share.compareTo(new BigDecimal("0.10")) >= 0) return 40;
        if (share.compareTo(new BigDecimal("0.01")) >= 0) return 10;
        return 0;
    }

    static int sellPoints(BigDecimal share) {
        if (share.compareTo(new BigDecimal("0.10")) >= 0) return 30;
        if (share.compareTo(new BigDecimal("0.02")) >= 0) return 15;
        if (share.compareTo(new BigDecimal("0.005")) >= 0) return 5;
        return 0;
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " %";
    }
}
