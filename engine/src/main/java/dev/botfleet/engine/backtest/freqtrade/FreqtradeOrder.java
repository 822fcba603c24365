package dev.botfleet.engine.backtest.freqtrade;

import java.math.BigDecimal;

/**
 * One filled order of a trade, as listed in Freqtrade's trade export ({@code orders}).
 *
 * @param side      entry (buy for longs) or exit
 * @param price     the order price ({@code safe_price})
 * @param amount    the filled amount
 * @param cost      amount × price, exactly
 * @param orderTime open time of the candle the order was placed on, epoch ms
 * @param fillTime  open time of the candle it filled on, epoch ms
 * @param tag       Freqtrade's {@code ft_order_tag}: the enter tag for entries, the exit reason for exits (may be null)
 */
public record FreqtradeOrder(Side side, BigDecimal price, BigDecimal amount, BigDecimal cost, long orderTime,
                             long fillTime, String tag) {

    public enum Side { ENTRY, EXIT }

    public boolean isEntry() {
        return side == Side.ENTRY;
    }
}
