package dev.botfleet.strategies.exit;

import java.math.BigDecimal;

/**
 * A stop loss for a long deal.
 *
 * @param percent distance below the reference that triggers it; 0 = no stop loss
 * @param trailing when true the reference follows the highest price seen since the deal opened (never down)
 * @param reference which entry price the distance is measured from
 * @param trigger which prices are compared with the stop level
 */
public record StopLoss(BigDecimal percent, boolean trailing, Reference reference, Trigger trigger) {

    public static final StopLoss NONE = new StopLoss(BigDecimal.ZERO, false, Reference.AVERAGE_ENTRY, Trigger.LAST);

    /** The price the stop distance is measured from. */
    public enum Reference {
        /** The deal's average entry price (moves down as a DCA deal averages down). */
        AVERAGE_ENTRY,
        /** The price of the deal's first fill (the base order). */
        FIRST_ENTRY
    }

    /** The price compared with the stop level. */
    public enum Trigger {
        /** Every trade (tick) and every candle close: reacts fastest. */
        LAST,
        /** Only candle closes of the strategy's timeframe: rides out wicks. */
        CANDLE_CLOSE
    }

    public boolean enabled() { return percent.signum() > 0; }
}
