package dev.botfleet.exchanges;

import dev.botfleet.engine.market.MarginMode;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A perpetual position as the venue reports it, in our units: {@code quantity} in the base asset, signed (negative is
 * short), whatever the venue counts in (contracts are converted with the instrument's contract size).
 *
 * @param liquidationPrice the venue's figure, or null when it reports none (flat, or not published)
 * @param margin margin held for the position in the settle asset, or null when unknown
 */
public record VenuePosition(String symbol, BigDecimal quantity, BigDecimal entryPrice, BigDecimal markPrice,
                            BigDecimal liquidationPrice, BigDecimal leverage, MarginMode marginMode, BigDecimal margin,
                            Instant updatedAt) {

    public boolean isFlat() { return quantity.signum() == 0; }
}
