package dev.botfleet.dex.uniswap;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Uniswap V3 stores √price as a Q64.96 fixed-point number: price (token1 units per token0 unit) = (sqrtPriceX96 / 2⁹⁶)². */
public final class SqrtPrice {
    private static final BigDecimal Q192 = new BigDecimal(BigInteger.ONE.shiftLeft(192));

    private SqrtPrice() {}

    /** token1 units per token0 unit. */
    public static BigDecimal price(BigInteger sqrtPriceX96) {
        return new BigDecimal(sqrtPriceX96.pow(2)).divide(Q192, Quote.PRECISION);
    }

    /** √(amount1 / amount0) × 2⁹⁶, rounded down: the starting price of a new pool holding amount0 : amount1. */
    public static BigInteger fromAmounts(BigInteger amount0, BigInteger amount1) {
        return amount1.shiftLeft(192).divide(amount0).sqrt();
    }
}
