package dev.botfleet.dex.uniswap;

import java.math.BigInteger;

/**
 * How much a swap may let the router take from the wallet. Never unlimited unless a caller writes the cap out:
 * an exact approval is the default, a cap lets several swaps share one approval transaction.
 */
public record Approval(BigInteger cap) {

    /** Approve exactly the swap's amountIn. */
    public static Approval exact() {
        return new Approval(null);
    }

    /** Approve up to {@code cap} token units when the allowance runs short (must cover the swap). */
    public static Approval capped(BigInteger cap) {
        if (cap == null || cap.signum() <= 0) throw new IllegalArgumentException("cap must be positive");
        return new Approval(cap);
    }

    /** What to approve for a swap of {@code amountIn}. */
    public BigInteger amountFor(BigInteger amountIn) {
        if (cap == null) return amountIn;
        if (cap.compareTo(amountIn) < 0) {
            throw new IllegalArgumentException("approval cap " + cap + " is below the swap's amountIn " + amountIn);
        }
        return cap;
    }
}
