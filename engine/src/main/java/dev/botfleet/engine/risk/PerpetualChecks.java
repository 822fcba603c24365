package dev.botfleet.engine.risk;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The balance checks of a perpetual, in place of spot's "enough quote to buy, enough base to sell": either side may
 * open a position, so what an order needs is margin. Only the part of an order that opens or grows a position needs
 * initial margin ({@code quantity × price / leverage}); the part that reduces it (after the bot's other working orders
 * on the same side have reduced it) needs none. Fees are counted on the whole order at the higher rate.
 */
final class PerpetualChecks {
    private PerpetualChecks() {
    }

    /** @param price what the order is valued at (its limit, a stop's trigger, the last price for a market order) */
    static Denial check(OrderRequest r, Instrument in, RiskState s, BigDecimal price, BigDecimal notional) {
        String settle = in.marginAsset();
        BigDecimal leverage = s.leverage() == null ? BigDecimal.ONE : s.leverage();
        BigDecimal max = in.derivative().maxLeverage();
        if (leverage.compareTo(max) > 0) {
            return new Denial(DenialReason.LEVERAGE_ABOVE_MAX, "Leverage " + plain(leverage) + "x is above the maximum "
                    + plain(max) + "x of " + in.symbol() + ".");
        }
        if (s.availableQuote() == null) return null;
        BigDecimal opening = opening(r, s);
        BigDecimal margin = opening.multiply(price).divide(leverage, 12, RoundingMode.HALF_UP);
        BigDecimal fees = notional.multiply(in.takerFee().max(in.makerFee()));
        BigDecimal needed = margin.add(fees);
        if (needed.compareTo(s.availableQuote()) > 0) {
            return new Denial(DenialReason.INSUFFICIENT_MARGIN, "Opening " + plain(opening) + " " + in.baseAsset()
                    + " at " + plain(leverage) + "x needs " + money(needed, in) + " " + settle
                    + " of margin with fees, only " + money(s.availableQuote(), in) + " " + settle + " is free.");
        }
        return null;
    }

    /** The part of the order that opens or grows the position, given what working orders already close. */
    static BigDecimal opening(OrderRequest r, RiskState s) {
        BigDecimal position = s.position();
        boolean reduces = r.side() == OrderSide.BUY ? position.signum() < 0 : position.signum() > 0;
        if (!reduces) return r.quantity();
        BigDecimal alreadyClosing = r.side() == OrderSide.BUY ? s.openBuyQuantity() : s.openSellQuantity();
        BigDecimal left = position.abs().subtract(alreadyClosing).max(BigDecimal.ZERO);
        return r.quantity().subtract(left).max(BigDecimal.ZERO);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal value, Instrument in) {
        return value.setScale(in.priceScale(), RoundingMode.HALF_EVEN).toPlainString();
    }
}
