package dev.botfleet.server.dex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The slippage rule of LIVE swaps, the same as paper fills' (DexPaperPort): the reference is the market's last price,
 * the one the strategy decided on; a buy may cost at most (1 + slippage) × that, a sell must pay at least
 * (1 − slippage) × that. The pool fee and the trade's price impact count against the tolerance, as on chain.
 */
final class DexSlippage {
    private DexSlippage() {
    }

    /** Why the quoted swap is refused, or empty when it is within the tolerance (or no price is known yet). */
    static Optional<String> beyond(DexMarket market, BigDecimal reference, int slippageBps, boolean buy,
                                   BigInteger baseUnits, BigInteger quoteUnits) {
        if (reference == null) return Optional.empty();
        BigDecimal atReference = reference.multiply(new BigDecimal(baseUnits, market.baseDecimals()));
        BigDecimal tolerance = BigDecimal.valueOf(slippageBps).movePointLeft(4);
        BigDecimal actual = new BigDecimal(quoteUnits, market.quoteDecimals());
        BigDecimal limit = atReference.multiply(buy ? BigDecimal.ONE.add(tolerance) : BigDecimal.ONE.subtract(tolerance));
        boolean refused = buy ? actual.compareTo(limit) > 0 : actual.compareTo(limit) < 0;
        if (!refused) return Optional.empty();
        return Optional.of("price moved past the slippage tolerance of " + slippageBps + " bps: the pool "
                + (buy ? "asks " : "pays ") + actual.toPlainString() + " " + market.quoteSymbol()
                + ", the limit at the last price " + reference.toPlainString() + " is "
                + limit.setScale(market.quoteDecimals(), RoundingMode.HALF_EVEN).toPlainString());
    }
}
