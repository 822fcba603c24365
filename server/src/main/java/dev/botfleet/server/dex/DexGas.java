package dev.botfleet.server.dex;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Gas, paid in the chain's native asset, as a fee in the market's quote token (quote-token units, rounded up): 1:1
 * when the quote is WETH, at the fill's own price when the base is WETH, otherwise through the best WETH→quote
 * quote at the fill's block; zero when the quote token has no WETH pool (the fee is then not valued).
 */
final class DexGas {
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    private DexGas() {
    }

    static BigInteger inQuote(DexMarket market, String weth, PinnedQuotes quotes, BigInteger wei, BigInteger baseUnits,
                              BigInteger quoteUnits, BigInteger block) {
        if (market.quoteToken().equalsIgnoreCase(weth)) return wei;
        BigInteger numerator;
        BigInteger denominator;
        if (market.baseToken().equalsIgnoreCase(weth)) {
            numerator = quoteUnits;
            denominator = baseUnits;
        } else {
            Optional<PinnedQuotes.Swap> oneEther = quotes.exactIn(weth, market.quoteToken(), ETHER, block);
            if (oneEther.isEmpty()) return BigInteger.ZERO;
            numerator = oneEther.get().amountOut();
            denominator = ETHER;
        }
        BigInteger[] division = wei.multiply(numerator).divideAndRemainder(denominator);
        return division[1].signum() == 0 ? division[0] : division[0].add(BigInteger.ONE);
    }
}
