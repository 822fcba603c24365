package dev.botfleet.server.order;

import java.time.Instant;
import java.util.UUID;

/** What the API shows of orders, fills and positions. Decimals are exact strings. */
public final class OrderViews {
    private OrderViews() {
    }

    public record OrderView(UUID id, UUID botId, String clientOrderId, String exchangeOrderId, String exchange,
                            String symbol, String side, String type, String timeInForce, String price, String quantity,
                            String status, String filledQuantity, String averagePrice, String fee, String feeCurrency,
                            String reason, Instant createdAt, Instant updatedAt) {
    }

    public record TradeView(UUID id, UUID botId, UUID orderId, String clientOrderId, String tradeId, String symbol,
                            String side, String price, String quantity, String fee, String feeCurrency,
                            String realizedPnl, Instant executedAt) {
    }

    /** {@code unrealizedPnl} and {@code lastPrice} need live prices; they stay null until the market data hub exists. */
    public record PositionView(UUID botId, String exchange, String symbol, String quantity, String averageEntryPrice,
                               String realizedPnl, String unrealizedPnl, String lastPrice, String fees, Instant updatedAt) {
    }
}
