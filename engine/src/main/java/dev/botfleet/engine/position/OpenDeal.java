package dev.botfleet.engine.position;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The deal (or, per lot, the lots) still open, marked at a price: what the bot would have made had it closed there,
 * before the exit's own fee. With the completed deals' PnL it adds up to the account's change in value.
 *
 * @param quantity      signed open quantity (negative: short)
 * @param entryPrice    quantity-weighted average entry of what is still open
 * @param openedAt      the first fill of the open deal (per lot: of the oldest open lot)
 * @param markPrice     the price it is marked at
 * @param unrealizedPnl (mark − entry) · quantity of the open part, plus what its partial exits realized, minus the
 *                      quote-asset fees paid so far on it
 */
public record OpenDeal(Deal.Direction direction, BigDecimal quantity, BigDecimal entryPrice, Instant openedAt,
                       BigDecimal markPrice, BigDecimal unrealizedPnl) {
}
