package dev.botfleet.dex.intel;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What one level of the slider means for a DEX bot.
 *
 * @param level               1 (most cautious) to 10 (most aggressive)
 * @param name                the words the dashboard shows
 * @param maxRiskScore        the highest token risk score (0 safe - 100 certain loss) the bot still buys
 * @param positionPercent     the share of the bot's budget one buy may use, in percent
 * @param slippageBps         the slippage tolerance of a swap in basis points (amountOutMin = quote × (1 - bps/10,000))
 * @param gas                 how hard the bot bids for inclusion
 * @param lane                fast lane (simple rules within a block) or smart lane (waits for the full analysis)
 * @param checks              the analysis that runs before a buy
 */
public record IntelLevel(int level, String name, int maxRiskScore, BigDecimal positionPercent, int slippageBps,
                         GasAggressiveness gas, Lane lane, Set<Check> checks) {
    public IntelLevel {
        checks = Set.copyOf(checks);
    }

    /** The slippage tolerance as a fraction (50 bps = 0.005), exact. */
    public BigDecimal slippageFraction() {
        return BigDecimal.valueOf(slippageBps).movePointLeft(4);
    }
}
