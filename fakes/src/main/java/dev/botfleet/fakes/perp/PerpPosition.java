package dev.botfleet.fakes.perp;

import java.math.BigDecimal;

/**
 * A snapshot of one account's position in one perpetual. {@code size} is in the base asset and signed (negative is
 * short); a venue fake that counts in contracts divides by its contract value at its edge.
 *
 * @param entryPrice the average entry price of the open size (zero when flat)
 * @param margin the isolated margin locked for the position, in the settle asset
 * @param liquidationPrice isolated, linear (see {@link PerpLedger#liquidationPrice}); null when flat or in cross mode
 * @param realizedPnl gross PnL realized by reducing fills since the position was opened (fees not included)
 * @param realizedFunding funding received (negative: paid) since the position was opened
 * @param commission fees charged since the position was opened
 */
public record PerpPosition(String venueSymbol, BigDecimal size, BigDecimal entryPrice, BigDecimal leverage,
                           PerpLedger.MarginMode marginMode, BigDecimal margin, BigDecimal liquidationPrice,
                           BigDecimal realizedPnl, BigDecimal realizedFunding, BigDecimal commission) {

    public boolean isFlat() { return size.signum() == 0; }
}
