package dev.botfleet.engine.position;

import dev.botfleet.engine.order.FeeMap;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bot's position in one symbol at one moment.
 *
 * @param quantity signed: positive long, negative short (sold inventory), zero flat
 * @param averageEntryPrice null when flat
 * @param realizedPnl in the quote asset, net of fees charged in the quote asset
 * @param unrealizedPnl at {@code lastPrice}; zero when flat or no price is known
 * @param fees every fee paid, per currency
 * @param funding perpetual funding received minus paid (included in realizedPnl); zero on spot
 * @param liquidationPrice a perpetual position's liquidation price (the venue's, else our estimate); null otherwise
 * @param leverage the bot's leverage on a perpetual; null on spot
 */
public record PositionSnapshot(String botId, String exchange, String symbol, BigDecimal quantity,
                               BigDecimal averageEntryPrice, BigDecimal realizedPnl, BigDecimal unrealizedPnl,
                               BigDecimal lastPrice, Map<String, BigDecimal> fees, Instant updatedAt,
                               BigDecimal funding, BigDecimal liquidationPrice, BigDecimal leverage) {
    public PositionSnapshot {
        // a position's own FeeMap is shared, any other map copied
        fees = FeeMap.frozen(fees, Collections.unmodifiableMap(new LinkedHashMap<>()));
    }

    /** A spot position's snapshot. */
    public PositionSnapshot(String botId, String exchange, String symbol, BigDecimal quantity,
                            BigDecimal averageEntryPrice, BigDecimal realizedPnl, BigDecimal unrealizedPnl,
                            BigDecimal lastPrice, Map<String, BigDecimal> fees, Instant updatedAt) {
        this(botId, exchange, symbol, quantity, averageEntryPrice, realizedPnl, unrealizedPnl, lastPrice, fees, updatedAt,
                BigDecimal.ZERO, null, null);
    }

    /** LONG, SHORT or FLAT: how the dashboard names the side. */
    public String side() {
        return quantity.signum() > 0 ? "LONG" : quantity.signum() < 0 ? "SHORT" : "FLAT";
    }

    public boolean isFlat() { return quantity.signum() == 0; }
}
