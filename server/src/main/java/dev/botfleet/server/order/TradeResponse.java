package dev.botfleet.server.order;

import java.time.Instant;
import java.util.UUID;

/** One fill ("trade"): {@code realizedPnl} is what it realized for the bot, net of its quote-asset fee. */
public record TradeResponse(UUID id, UUID botId, UUID orderId, String clientOrderId, String tradeId, String symbol,
                            String side, String price, String quantity, String fee, String feeCurrency,
                            String realizedPnl, Instant executedAt) {
}
