package dev.botfleet.engine.position;

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
 */
public record PositionSnapshot(String botId, String exchange, String symbol, BigDecimal quantity,
                               BigDecimal averageEntryPrice, BigDecimal realizedPnl, BigDecimal unrealizedPnl,
                               BigDecimal lastPrice, Map<String, BigDecimal> fees, Instant updatedAt) {
    public PositionSnapshot {
        fees = Collections.unmodifiableMap(new LinkedHashMap<>(fees));
    }

    public boolean isFlat() { return quantity.signum() == 0; }
}
