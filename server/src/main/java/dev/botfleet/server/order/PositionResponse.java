package dev.botfleet.server.order;

import java.time.Instant;
import java.util.UUID;

/** A bot's net position; {@code unrealizedPnl} and {@code lastPrice} are at the market's last price (null if unknown). */
public record PositionResponse(UUID botId, String exchange, String symbol, String quantity, String averageEntryPrice,
                               String realizedPnl, String unrealizedPnl, String lastPrice, Instant updatedAt) {
}
