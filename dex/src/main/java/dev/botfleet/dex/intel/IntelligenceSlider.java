package dev.botfleet.dex.intel;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.botfleet.dex.intel.GasAggressiveness.FAST;
import static dev.botfleet.dex.intel.GasAggressiveness.SLOW;
import static dev.botfleet.dex.intel.GasAggressiveness.STANDARD;
import static dev.botfleet.dex.intel.GasAggressiveness.URGENT;

/**
 * The one table of the intelligence slider. Low levels are cautious: only tokens with a low risk score, small
 * positions, tight slippage, cheap gas, and the smart lane's full analysis before every buy. High levels trade
 * sooner and bigger: the fast lane with the two checks a block leaves time for, wider slippage, urgent gas, and a
 * higher risk score accepted. Every column moves one way only as the level rises (a test holds that).
 */
public final class IntelligenceSlider {
    public static final int MIN = 1;
    public static final int MAX = 10;

    private static final Set<Check> ALL = EnumSet.allOf(Check.class);

    public static final List<IntelLevel> TABLE = List.of(
            row(1, "Ultra cautious", 20, "1", 50, SLOW, Lane.SMART),
            row(2, "Very cautious", 25, "2", 50, SLOW, Lane.SMART),
            row(3, "Cautious", 30, "3", 100, SLOW, Lane.SMART),
            row(4, "Careful", 40, "4", 100, STANDARD, Lane.SMART),
            row(5, "Balanced", 45, "5", 150, STANDARD, Lane.SMART),
            row(6, "Confident", 50, "6", 200, STANDARD, Lane.SMART),
            row(7, "Bold", 60, "8", 300, FAST, Lane.FAST),
            row(8, "Aggressive", 65, "10", 400, FAST, Lane.FAST),
            row(9, "Very aggressive", 70, "12", 500, URGENT, Lane.FAST),
            row(10, "Maximum", 75, "15", 500, URGENT, Lane.FAST));

    private IntelligenceSlider() {
    }

    /** @throws IllegalArgumentException outside 1-10, in words a form can show */
    public static IntelLevel level(int level) {
        if (level < MIN || level > MAX) {
            throw new IllegalArgumentException("the intelligence level must be " + MIN + " to " + MAX + ", not " + level);
        }
        return TABLE.get(level - 1);
    }

    /** The table as docs/dex.md shows it (Markdown), one row per level. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder();
        b.append("| level | name | max risk score | position (% of budget) | slippage | gas (reward percentile, max fee) | lane | checks before a buy |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (IntelLevel l : TABLE) {
            b.append("| ").append(l.level())
                    .append(" | ").append(l.name())
                    .append(" | ").append(l.maxRiskScore())
                    .append(" | ").append(l.positionPercent().toPlainString()).append(" %")
                    .append(" | ").append(l.slippageFraction().movePointRight(2).stripTrailingZeros().toPlainString()).append(" %")
                    .append(" | ").append(l.gas().name()).append(" (p").append(l.gas().rewardPercentile()).append(", ")
                    .append(l.gas().baseFeeMultiple().toPlainString()).append(" × base + tip)")
                    .append(" | ").append(l.lane().name())
                    .append(" | ").append(l.checks().size() == ALL.size() ? "all" : String.join(", ",
                            l.checks().stream().sorted().map(Enum::name).toList()))
                    .append(" |\n");
        }
        return b.toString();
    }

    private static IntelLevel row(int level, String name, int maxRisk, String positionPercent, int slippageBps,
                                  GasAggressiveness gas, Lane lane) {
        return new IntelLevel(level, name, maxRisk, new BigDecimal(positionPercent), slippageBps, gas, lane,
                lane == Lane.FAST ? Check.FAST_LANE : ALL);
    }
}
