package dev.botfleet.exchanges.binance;

import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderStatus;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Binance's order shapes in engine terms: order status (enums.md "Order status"), the FULL new-order answer's fills,
 * {@code /api/v3/myTrades} rows and {@code executionReport} events (user-data-stream.md). Every id is the venue client
 * order id the order was placed under.
 */
final class BinanceOrders {
    private BinanceOrders() {
    }

    static OrderStatus status(String binanceStatus) {
        return switch (binanceStatus) {
            case "NEW", "PENDING_NEW" -> OrderStatus.ACCEPTED;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED" -> OrderStatus.CANCELED;
            case "PENDING_CANCEL" -> OrderStatus.PENDING_CANCEL;
            case "REJECTED" -> OrderStatus.REJECTED;
            case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatus.EXPIRED;
            default -> throw new IllegalArgumentException("unknown Binance order status " + binanceStatus);
        };
    }

    /**
     * An order answer (new order FULL, query order, open orders) with the given fills. The FULL answer's fills are
     * taker fills: they happened while the order was being placed.
     */
    static OrderReport report(JsonNode order, List<OrderFilled> fills) {
        OrderStatus status = status(order.path("status").asString());
        String reason = status == OrderStatus.EXPIRED && order.has("expiryReason")
                ? order.get("expiryReason").asString() : null;
        return new OrderReport(order.path("clientOrderId").asString(), order.path("orderId").asString(), status,
                BinanceReferenceData.decimal(order, "executedQty"), fills, reason);
    }

    /** The {@code fills} array of a FULL new-order answer. */
    static List<OrderFilled> placementFills(JsonNode order, OrderSide side) {
        List<OrderFilled> fills = new ArrayList<>();
        Instant at = Instant.ofEpochMilli(order.path("transactTime").asLong());
        String clientId = order.path("clientOrderId").asString();
        for (JsonNode f : order.path("fills")) {
            fills.add(new OrderFilled(clientId, f.path("tradeId").asString(), side,
                    BinanceReferenceData.decimal(f, "price"), BinanceReferenceData.decimal(f, "qty"),
                    BinanceReferenceData.decimal(f, "commission"), f.path("commissionAsset").asString(),
                    Liquidity.TAKER, at));
        }
        return fills;
    }

    /** {@code /api/v3/myTrades} rows of one order, in trade id order. */
    static List<OrderFilled> trades(JsonNode rows, String clientId) {
        List<OrderFilled> fills = new ArrayList<>();
        for (JsonNode t : rows) {
            fills.add(new OrderFilled(clientId, t.path("id").asString(),
                    t.path("isBuyer").asBoolean() ? OrderSide.BUY : OrderSide.SELL,
                    BinanceReferenceData.decimal(t, "price"), BinanceReferenceData.decimal(t, "qty"),
                    BinanceReferenceData.decimal(t, "commission"), t.path("commissionAsset").asString(),
                    t.path("isMaker").asBoolean() ? Liquidity.MAKER : Liquidity.TAKER,
                    Instant.ofEpochMilli(t.path("time").asLong())));
        }
        fills.sort((a, b) -> Long.compare(Long.parseLong(a.tradeId()), Long.parseLong(b.tradeId())));
        return fills;
    }

    /**
     * An executionReport as an engine event, or null for execution types that change nothing we track (REPLACED,
     * amendments). For a cancel the order's own id is in {@code C}; {@code c} is the cancel request's.
     *
     * @param quoteAsset the fee currency to name when the report carries no commission asset (no fee charged)
     */
    static OrderEvent event(JsonNode e, String quoteAsset) {
        Instant at = Instant.ofEpochMilli(e.path("T").asLong(e.path("E").asLong()));
        String clientId = e.path("c").asString();
        return switch (e.path("x").asString("")) {
            case "NEW" -> new OrderEvent.OrderAccepted(clientId, e.path("i").asString(), at);
            case "TRADE" -> {
                JsonNode n = e.get("N");
                BigDecimal fee = BinanceReferenceData.decimal(e, "n");
                yield new OrderFilled(clientId, e.path("t").asString(),
                        "SELL".equals(e.path("S").asString()) ? OrderSide.SELL : OrderSide.BUY,
                        BinanceReferenceData.decimal(e, "L"), BinanceReferenceData.decimal(e, "l"), fee,
                        n == null || n.isNull() ? quoteAsset : n.asString(),
                        e.path("m").asBoolean() ? Liquidity.MAKER : Liquidity.TAKER, at);
            }
            case "CANCELED" -> {
                String original = e.path("C").asString("");
                yield new OrderEvent.OrderCanceled(original.isEmpty() ? clientId : original, at);
            }
            case "EXPIRED", "TRADE_PREVENTION" -> new OrderEvent.OrderExpired(clientId, at);
            case "REJECTED" -> new OrderEvent.OrderRejected(clientId, e.path("r").asString("REJECTED"), at);
            default -> null;
        };
    }
}
