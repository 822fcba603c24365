package dev.botfleet.server.order;

import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderSide;

import java.math.BigDecimal;

/**
 * What a spot bot's fills did to a paper account: base bought minus base sold, and quote received minus quote paid
 * (fees included: the simulated exchange charges them in quote). A paper account is its start balances plus these.
 */
public record SpotFlows(BigDecimal base, BigDecimal quote) {
    public static final SpotFlows NONE = new SpotFlows(BigDecimal.ZERO, BigDecimal.ZERO);

    public SpotFlows plus(Fill f) {
        BigDecimal notional = f.price().multiply(f.quantity());
        BigDecimal fee = f.feeCurrency() == null ? BigDecimal.ZERO : f.fee();
        return f.side() == OrderSide.BUY
                ? new SpotFlows(base.add(f.quantity()), quote.subtract(notional.add(fee)))
                : new SpotFlows(base.subtract(f.quantity()), quote.add(notional.subtract(fee)));
    }
}
