package dev.botfleet.ml.candles;

/** The aggressor of a trade: BUY when a buyer took an ask, SELL when a seller hit a bid. */
public enum TradeSide {
    BUY, SELL;

    /**
     * The tick rule, for feeds that do not say who took liquidity (the engine's {@code Tick}): a trade above the
     * previous price was a buy, below it a sell, at the same price the previous trade's side.
     *
     * @param previousSide the previous trade's side, or null for the first trade (then BUY, an arbitrary but fixed
     *                     choice so the same trades always give the same sides)
     */
    public static TradeSide byTickRule(double price, double previousPrice, TradeSide previousSide) {
        if (previousSide == null) {
            return price < previousPrice ? SELL : BUY;
        }
        if (price > previousPrice) return BUY;
        if (price < previousPrice) return SELL;
        return previousSide;
    }
}
