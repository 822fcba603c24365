package dev.botfleet.engine.sim;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.OrderSide;

import java.math.BigDecimal;

/** Spot: a buy reserves quote (price plus the higher fee), a sell reserves the base it sells; a fill swaps them. */
final class SpotSettlement implements SimSettlement {
    private final Instrument instrument;
    private final SimAccount account;
    private final BigDecimal maxFee;

    SpotSettlement(Instrument instrument, SimAccount account) {
        this.instrument = instrument;
        this.account = account;
        this.maxFee = instrument.makerFee().max(instrument.takerFee());
    }

    @Override
    public Reserve reserveFor(OrderSide side, BigDecimal quantity, BigDecimal price) {
        if (side == OrderSide.SELL) return new Reserve(instrument.baseAsset(), BigDecimal.ONE);
        BigDecimal perUnit = price == null ? BigDecimal.ZERO : price.add(price.multiply(maxFee));
        return new Reserve(instrument.quoteAsset(), perUnit);
    }

    @Override
    public void settle(OrderSide side, BigDecimal qty, BigDecimal price, BigDecimal fee) {
        BigDecimal notional = price.multiply(qty);
        if (side == OrderSide.BUY) {
            account.add(instrument.quoteAsset(), notional.add(fee).negate());
            account.add(instrument.baseAsset(), qty);
        } else {
            account.add(instrument.baseAsset(), qty.negate());
            account.add(instrument.quoteAsset(), notional.subtract(fee));
        }
    }

    @Override
    public String feeAsset() { return instrument.quoteAsset(); }
}
