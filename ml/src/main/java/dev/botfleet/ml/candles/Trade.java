package dev.botfleet.ml.candles;

/**
 * One execution on a market, as the 1-second candles need it.
 *
 * @param time     epoch milliseconds
 * @param price    trade price (positive)
 * @param quantity base quantity (positive)
 * @param side     the aggressor
 */
public record Trade(long time, double price, double quantity, TradeSide side) {

    public Trade {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("trade price must be positive and finite, was " + price);
        }
        if (!(quantity >= 0) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException("trade quantity must be zero or more and finite, was " + quantity);
        }
        if (side == null) {
            throw new IllegalArgumentException("trade side is required");
        }
    }
}
