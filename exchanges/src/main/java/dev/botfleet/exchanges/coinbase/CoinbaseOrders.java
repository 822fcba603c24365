package dev.botfleet.exchanges.coinbase;

import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderStatus;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Advanced Trade's order records (Get Order, List Orders, the user channel) and fills (List Fills) in our terms.
 * The REST record has filled_size / time_in_force / order_type, the user channel cumulative_quantity / order_type
 * ("Limit", "Market"); both have status OPEN, PENDING, QUEUED, FILLED, CANCELLED, EXPIRED, FAILED.
 */
final class CoinbaseOrders {
    private CoinbaseOrders() {
    }

    /**
     * A CANCELLED order that could only live for an instant (IOC, FOK, market) expired rather than being cancelled;
     * FAILED is a refusal. An unknown status is treated as still working: it may yet fill, and the next update settles it.
     */
    static OrderStatus status(JsonNode order) {
        BigDecimal filled = filled(order);
        return switch (order.path("status").asString("")) {
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELLED" -> instantOnly(order) ? OrderStatus.EXPIRED : OrderStatus.CANCELED;
            case "EXPIRED" -> OrderStatus.EXPIRED;
            case "FAILED" -> OrderStatus.REJECTED;
            default -> filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
        };
    }

    static BigDecimal filled(JsonNode order) {
        String text = order.path("filled_size").asString("");
        if (text.isEmpty()) text = order.path("cumulative_quantity").asString("0");
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }

    static OrderReport report(JsonNode order, List<OrderFilled> fills) {
        OrderStatus status = status(order);
        return new OrderReport(order.path("client_order_id").asString(""), order.path("order_id").asString(""), status,
                filled(order), fills, status == OrderStatus.REJECTED ? reason(order) : null);
    }

    /** The state event an order record stands for (fills are separate), or null for a filled order. */
    static OrderEvent event(JsonNode order, Instant at) {
        String id = order.path("client_order_id").asString("");
        return switch (status(order)) {
            case ACCEPTED, PARTIALLY_FILLED -> new OrderEvent.OrderAccepted(id, order.path("order_id").asString(""), at);
            case CANCELED -> new OrderEvent.OrderCanceled(id, at);
            case EXPIRED -> new OrderEvent.OrderExpired(id, at);
            case REJECTED -> new OrderEvent.OrderRejected(id, reason(order), at);
            default -> null;
        };
    }

    /** One fill. Coinbase charges commission in the quote currency on both sides. */
    static OrderFilled fill(JsonNode f, String clientOrderId, Instrument instrument) {
        BigDecimal fee = decimal(f, "commission");
        if (fee.signum() < 0) fee = BigDecimal.ZERO; // the engine's fills carry fees paid only
        return new OrderFilled(clientOrderId, f.path("trade_id").asString(""),
                "SELL".equals(f.path("side").asString("")) ? OrderSide.SELL : OrderSide.BUY,
                decimal(f, "price"), decimal(f, "size"), fee, instrument.quoteAsset(),
                "MAKER".equals(f.path("liquidity_indicator").asString("")) ? Liquidity.MAKER : Liquidity.TAKER,
                time(f.path("trade_time").asString("")));
    }

    /** The venue's trade order: trade time, then the trade id (numerically when it is a number). */
    static final Comparator<JsonNode> TRADE_ORDER = Comparator
            .comparing((JsonNode f) -> time(f.path("trade_time").asString("")))
            .thenComparing(f -> f.path("trade_id").asString("").length())
            .thenComparing(f -> f.path("trade_id").asString(""));

    private static boolean instantOnly(JsonNode order) {
        String tif = order.path("time_in_force").asString("");
        String type = order.path("order_type").asString("");
        return "IMMEDIATE_OR_CANCEL".equals(tif) || "FILL_OR_KILL".equals(tif) || "MARKET".equalsIgnoreCase(type);
    }

    private static String reason(JsonNode order) {
        String reason = order.path("reject_message").asString("");
        if (reason.isEmpty()) reason = order.path("reject_reason").asString("");
        return "coinbase: " + (reason.isEmpty() ? "order failed" : reason);
    }

    static Instant time(String rfc3339) {
        if (rfc3339 == null || rfc3339.isEmpty()) return Instant.EPOCH;
        try {
            return Instant.parse(rfc3339);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    static BigDecimal decimal(JsonNode node, String field) {
        String text = node.path(field).asString("");
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }
}
