package dev.botfleet.engine.position;

import dev.botfleet.engine.order.CloseReason;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One completed round trip: from the first fill that moved the position off zero to the fill that brought it back
 * (or flipped it through zero).
 *
 * @param direction LONG if it began with a buy, SHORT if with a sell
 * @param quantity largest absolute position reached during the deal, base asset
 * @param entryPrice base-weighted average of the fills that grew the position
 * @param exitPrice base-weighted average of the fills that shrank it
 * @param pnl realized PnL of the deal in the quote asset, net of quote-asset fees of all its fills
 * @param fees quote-asset fees of all its fills
 */
public record Deal(String botId, String symbol, Direction direction, BigDecimal quantity, BigDecimal entryPrice,
                   BigDecimal exitPrice, BigDecimal pnl, BigDecimal fees, CloseReason closeReason, Instant openedAt,
                   Instant closedAt) {

    public enum Direction { LONG, SHORT }

    public boolean isWin() { return pnl.signum() > 0; }
}
