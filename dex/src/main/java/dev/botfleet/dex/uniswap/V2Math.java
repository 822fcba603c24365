package dev.botfleet.dex.uniswap;

import java.math.BigInteger;

/**
 * Uniswap V2's constant-product arithmetic, integer for integer as UniswapV2Library computes it (0.30 % fee, result
 * rounded down). Tests check it against the deployed router and against a hand calculation.
 */
public final class V2Math {
    private static final BigInteger FEE_DENOMINATOR = BigInteger.valueOf(1000);
    private static final BigInteger AFTER_FEE = BigInteger.valueOf(997);

    private V2Math() {}

    /** amountOut = amountIn·997·reserveOut / (reserveIn·1000 + amountIn·997), rounded down. */
    public static BigInteger amountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut) {
        if (amountIn.signum() <= 0) throw new IllegalArgumentException("amountIn must be positive");
        if (reserveIn.signum() <= 0 || reserveOut.signum() <= 0) throw new IllegalArgumentException("empty pool");
        BigInteger inWithFee = amountIn.multiply(AFTER_FEE);
        return inWithFee.multiply(reserveOut).divide(reserveIn.multiply(FEE_DENOMINATOR).add(inWithFee));
    }
}
