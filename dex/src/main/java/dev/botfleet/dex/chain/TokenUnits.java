package dev.botfleet.dex.chain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Token amounts at the boundary: on chain they are integers in the token's smallest unit (wei for 18 decimals);
 * people and the API see decimals. Conversions are exact, never through double.
 */
public final class TokenUnits {
    private TokenUnits() {}

    /** 1,500,000 units of a 6-decimal token -> 1.500000. Exact. */
    public static BigDecimal toDecimal(BigInteger units, int decimals) {
        return new BigDecimal(units, decimals);
    }

    /**
     * 1.5 of a 6-decimal token -> 1,500,000 units. An amount finer than the token's smallest unit is rounded down
     * (we never spend more than asked), and a negative amount is refused.
     */
    public static BigInteger toUnits(BigDecimal amount, int decimals) {
        if (amount.signum() < 0) throw new IllegalArgumentException("amount must not be negative: " + amount);
        return amount.setScale(decimals, RoundingMode.DOWN).unscaledValue();
    }
}
