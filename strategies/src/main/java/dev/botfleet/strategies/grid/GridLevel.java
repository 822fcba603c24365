package dev.botfleet.strategies.grid;

import java.math.BigDecimal;

/**
 * One grid: buy at {@code buyPrice}, sell at {@code sellPrice} (the next line up). Its state machine, after Hummingbot's
 * GridExecutor (trading-formulas.md §2.5): NOT_ACTIVE → OPEN_ORDER_PLACED (buy resting) → OPEN_ORDER_FILLED →
 * CLOSE_ORDER_PLACED (sell resting) → COMPLETE, after which it starts over at NOT_ACTIVE.
 */
final class GridLevel {
    enum State { NOT_ACTIVE, OPEN_ORDER_PLACED, OPEN_ORDER_FILLED, CLOSE_ORDER_PLACED, COMPLETE }

    final BigDecimal buyPrice;
    final BigDecimal sellPrice;
    State state = State.NOT_ACTIVE;
    String orderId;
    /** Base held by this grid (bought, not yet sold). */
    BigDecimal held = BigDecimal.ZERO;
    /** What the held base cost, fees included, in quote. */
    BigDecimal heldCost = BigDecimal.ZERO;
    BigDecimal proceeds = BigDecimal.ZERO;

    GridLevel(BigDecimal buyPrice, BigDecimal sellPrice) {
        this.buyPrice = buyPrice;
        this.sellPrice = sellPrice;
    }

    @Override
    public String toString() {
        return buyPrice.toPlainString() + "-" + sellPrice.toPlainString() + " " + state;
    }
}
