package dev.botfleet.server.order;

import java.time.Instant;
import java.util.UUID;

/**
 * An order as the API shows it; decimals are exact strings. {@code confidence} is the model's confidence that placed
 * it (ml-signal entries), null for every other order.
 */
public record OrderResponse(UUID id, UUID botId, String clientOrderId, String exchangeOrderId, String exchange,
                            String symbol, String side, String type, String timeInForce, String price,
                            String triggerPrice, String quantity,
                            String status, String filledQuantity, String averagePrice, String fee, String feeCurrency,
                            String reason, Instant createdAt, Instant updatedAt, Double confidence) {
}
