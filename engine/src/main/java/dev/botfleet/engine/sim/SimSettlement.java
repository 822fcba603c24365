package dev.botfleet.engine.sim;

import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.position.FundingPayment;

import java.math.BigDecimal;

/**
 * How the simulated exchange's paper wallet pays for orders: what an order reserves when it is accepted, and what a
 * fill moves. Spot ({@link SpotSettlement}) swaps base against quote; a perpetual ({@link PerpetualSettlement}) holds
 * a position and moves only margin, PnL, fees and funding in the settle asset. The matching is the same for both.
 */
interface SimSettlement {

    /** The asset an order of {@code side} reserves, and how much per unit of base at {@code price} (null: unknown). */
    Reserve reserveFor(OrderSide side, BigDecimal quantity, BigDecimal price);

    /** Moves the wallet for one fill; the order's reservation for {@code qty} has already been released. */
    void settle(OrderSide side, BigDecimal qty, BigDecimal price, BigDecimal fee);

    /** The asset fees are charged in. */
    String feeAsset();

    /** A funding settlement booked by the bot: the wallet moves by its amount. Spot has none. */
    default void settleFunding(FundingPayment payment) {
    }

    record Reserve(String asset, BigDecimal perUnit) {
    }
}
