package dev.botfleet.server.order;

import java.time.Instant;
import java.util.UUID;

/**
 * A bot's net position; {@code unrealizedPnl} and {@code lastPrice} are at the market's last price (null if unknown).
 *
 * @param quantity signed: negative is a short
 * @param side LONG, SHORT or FLAT
 * @param leverage the bot's leverage on a perpetual, null on spot
 * @param liquidationPrice a perpetual position's liquidation price (the venue's, else the isolated estimate); null
 *                         on spot or flat
 * @param funding perpetual funding received minus paid, already inside {@code realizedPnl}; "0" on spot
 */
public record PositionResponse(UUID botId, String exchange, String symbol, String quantity, String averageEntryPrice,
                               String realizedPnl, String unrealizedPnl, String lastPrice, Instant updatedAt,
                               String side, String leverage, String liquidationPrice, String funding) {

    public static String sideOf(java.math.BigDecimal quantity) {
        return quantity.signum() > 0 ? "LONG" : quantity.signum() < 0 ? "SHORT" : "FLAT";
    }
}
