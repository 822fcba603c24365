package dev.botfleet.dex.uniswap;

import java.math.BigInteger;
import java.time.Instant;

/**
 * The user's protection on an exact-in swap.
 *
 * @param slippageBps how much less than the quote the user accepts, in basis points (50 = 0.5 %); 0 to 5000
 * @param deadline    after this the router refuses the swap ("EXPIRED" / "Transaction too old")
 */
public record SwapTerms(int slippageBps, Instant deadline) {
    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    public SwapTerms {
        if (slippageBps < 0 || slippageBps > 5000) {
            throw new IllegalArgumentException("slippageBps must be between 0 and 5000 (50 %), was " + slippageBps);
        }
    }

    /** amountOutMin = quoted × (10000 − slippageBps) / 10000, rounded down. */
    public BigInteger minimumOut(BigInteger quotedOut) {
        return quotedOut.multiply(BPS.subtract(BigInteger.valueOf(slippageBps))).divide(BPS);
    }

    public BigInteger deadlineSeconds() {
        return BigInteger.valueOf(deadline.getEpochSecond());
    }
}
