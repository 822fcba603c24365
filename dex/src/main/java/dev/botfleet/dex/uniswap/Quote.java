package dev.botfleet.dex.uniswap;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What one route would pay for {@code amountIn} now. Amounts are token units (integers).
 *
 * @param spotPrice   the pool's marginal price before the trade, tokenOut units per tokenIn unit
 * @param priceImpact 1 − amountOut / (amountIn × spotPrice): how much worse than the spot price this trade fills,
 *                    the pool fee included (0.003 on a deep 0.30 % pool), as a fraction
 * @param gasEstimate the quoter's gas figure for the swap (V3; 0 when the route gives none)
 */
public record Quote(Route route, String tokenIn, String tokenOut, BigInteger amountIn, BigInteger amountOut,
                    BigDecimal spotPrice, BigDecimal priceImpact, long gasEstimate) {

    static final MathContext PRECISION = MathContext.DECIMAL128;

    static BigDecimal impact(BigInteger amountIn, BigInteger amountOut, BigDecimal spotPrice) {
        BigDecimal atSpot = new BigDecimal(amountIn).multiply(spotPrice, PRECISION);
        return BigDecimal.ONE.subtract(new BigDecimal(amountOut).divide(atSpot, PRECISION))
                .setScale(8, RoundingMode.HALF_UP);
    }
}
