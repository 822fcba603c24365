package dev.botfleet.dex.risk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What the simulated buy-then-sell saw ({@link HoneypotProbe}), in token units of the token under test (WETH units
 * for {@code wethBack}).
 *
 * @param wei        the ether the buy spent
 * @param bought     false when the buy itself reverted ({@code buyError} says why)
 * @param pairSent   how many tokens left the pool on the buy
 * @param received   how many arrived at the buyer: pairSent − received is the buy tax
 * @param sold       false when selling them reverted: a honeypot ({@code sellError} says why)
 * @param pairGot    how many tokens reached the pool on the sell: received − pairGot is the sell tax
 * @param wethBack   the WETH the sell paid
 */
public record HoneypotResult(BigInteger wei, boolean bought, String buyError, BigInteger pairSent, BigInteger received,
                             boolean sold, String sellError, BigInteger pairGot, BigInteger wethBack) {

    public boolean honeypot() {
        return !bought || !sold;
    }

    public BigInteger buyTax() {
        return pairSent.subtract(received);
    }

    public BigInteger sellTax() {
        return sold ? received.subtract(pairGot) : BigInteger.ZERO;
    }

    /** The buy tax as a fraction of what the pool sent (0.05 = 5 %), 6 decimals rounded half up; 0 without a buy. */
    public BigDecimal buyTaxFraction() {
        return fraction(buyTax(), pairSent);
    }

    /** The sell tax as a fraction of what was sold, 6 decimals; 0 when the sell did not happen. */
    public BigDecimal sellTaxFraction() {
        return sold ? fraction(sellTax(), received) : BigDecimal.ZERO.setScale(6);
    }

    private static BigDecimal fraction(BigInteger part, BigInteger whole) {
        if (whole.signum() == 0) return BigDecimal.ZERO.setScale(6);
        return new BigDecimal(part).divide(new BigDecimal(whole), MathContext.DECIMAL128).setScale(6, RoundingMode.HALF_UP);
    }
}
