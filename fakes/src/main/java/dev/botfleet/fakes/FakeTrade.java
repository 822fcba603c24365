package dev.botfleet.fakes;

import java.math.BigDecimal;

/** One execution of an account's order. */
public record FakeTrade(long tradeId, long orderId, String clientOrderId, String venueSymbol, FakeOrder.Side side,
                        BigDecimal price, BigDecimal quantity, BigDecimal commission, String commissionAsset,
                        boolean maker, long time) {

    public BigDecimal quoteQuantity() { return price.multiply(quantity); }
}
