package dev.botfleet.strategies.exit;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a deal may end besides the strategy's own signal.
 *
 * @param takeProfit at most 4 steps summing to 100 %; empty = no take profit
 * @param trailingTakeProfitPercent 0 = off; else the last take-profit step trails by this percent once reached
 * @param timeLimitMinutes 0 = off; else the deal is closed at market this long after its first fill
 * @param roi null = off
 */
public record ExitRules(List<TakeProfitStep> takeProfit, BigDecimal trailingTakeProfitPercent, StopLoss stopLoss,
                        long timeLimitMinutes, RoiTable roi) {

    public static final ExitRules NONE = new ExitRules(List.of(), BigDecimal.ZERO, StopLoss.NONE, 0, null);

    public ExitRules {
        takeProfit = List.copyOf(takeProfit);
    }

    public boolean trailingTakeProfit() { return trailingTakeProfitPercent.signum() > 0 && !takeProfit.isEmpty(); }
}
