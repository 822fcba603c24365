package dev.botfleet.engine.backtest.report;

/**
 * One filled order of a trade, as Freqtrade's backtest export lists it in {@code orders} (the "minified" order:
 * amount, safe_price, ft_order_side, order_filled_timestamp, ft_is_entry, ft_order_tag).
 *
 * @param amount          filled amount, base currency
 * @param safePrice       fill price
 * @param side            {@code "buy"} or {@code "sell"}
 * @param filledTimestamp epoch ms of the fill
 * @param isEntry         true for an order that opened or increased the position
 * @param tag             the order's tag (enter tag or exit reason), or null
 */
public record ReportOrder(double amount, double safePrice, String side, long filledTimestamp, boolean isEntry,
                          String tag) {

    public ReportOrder {
        if (!"buy".equals(side) && !"sell".equals(side)) {
            throw new IllegalArgumentException("order side must be \"buy\" or \"sell\", got " + side);
        }
    }
}
