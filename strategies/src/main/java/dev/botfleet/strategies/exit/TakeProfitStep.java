package dev.botfleet.strategies.exit;

import java.math.BigDecimal;

/**
 * One take-profit target: sell {@code amountPercent} % of the position at {@code profitPercent} % above the entry.
 * The steps of one strategy sum to 100 %.
 */
public record TakeProfitStep(BigDecimal amountPercent, BigDecimal profitPercent) {
}
