package dev.botfleet.exchanges.coindcx;

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
import java.util.Comparator;
import java.util.List;

/**
 * CoinDCX futures order and trade rows (List Orders, Create Order, Get Trades, the {@code df-order-update} event) in
 * our terms, under our venue client id.
 *
 * <p>Fills have no trade id at CoinDCX. A fill's key is built from what identifies it: {@code order id : timestamp :
 * price : quantity}, the timestamp as the venue writes it (fractional milliseconds included, e.g. 1705645534425.8374),
 * numbers without trailing zeros. Two fills of one order with the same timestamp, price and quantity would collapse
 * into one; with sub-millisecond timestamps that is not expected, and nothing better is published.
 */
final class CoinDcxOrders {
    private CoinDcxOrders() {
    }

    static String side(OrderSide side) { return side == OrderSide.BUY ? "buy" : "sell"; }

    static OrderSide side(String side) { return "buy".equals(side) ? OrderSide.BUY : OrderSide.SELL; }

    /**
     * List Orders statuses: open, partially_filled, filled, partially_cancelled, cancelled, rejected, untriggered
     * (and "initial" in a create answer). A cancelled order that could only ever live for an instant (IOC, market)
     * expired. A status this adapter does not know counts as still working: assuming it finished could lose a fill.
     */
    static OrderStatus status(JsonNode row, boolean instantOnly) {
        return switch (row.path("status").asString("")) {
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "filled" -> OrderStatus.FILLED;
            case "cancelled", "partially_cancelled" -> instantOnly ? OrderStatus.EXPIRED : OrderStatus.CANCELED;
            case "rejected" -> OrderStatus.REJECTED;
            default -> OrderStatus.ACCEPTED;
        };
    }

    static BigDecimal filled(JsonNode row) {
        BigDecimal f = CoinDcxJson.dec(row, "total_quantity").subtract(CoinDcxJson.dec(row, "remaining_quantity"))
                .subtract(CoinDcxJson.dec(row, "cancelled_quantity"));
        return f.signum() > 0 ? f : BigDecimal.ZERO;
    }

    static OrderReport report(String venueClientId, JsonNode row, List<OrderFilled> fills, boolean instantOnly) {
        OrderStatus status = status(row, instantOnly);
        String reason = status == OrderStatus.REJECTED ? reason(row) : null;
        return new OrderReport(venueClientId, row.path("id").asString(""), status, filled(row), fills, reason);
    }

    /** A trade row (REST, or an element of an order update's {@code trades}) as our fill. */
    static OrderFilled fill(String venueClientId, String orderId, JsonNode trade, String marginAsset) {
        String id = trade.path("order_id").asString(orderId);
        String key = id + ":" + CoinDcxJson.exact(trade, "timestamp") + ":" + CoinDcxJson.exact(trade, "price") + ":"
                + CoinDcxJson.exact(trade, "quantity");
        BigDecimal fee = CoinDcxJson.dec(trade, "fee_amount");
        String asset = trade.path("margin_currency_short_name").asString(marginAsset);
        return new OrderFilled(venueClientId, key, side(trade.path("side").asString("")),
                CoinDcxJson.dec(trade, "price"), CoinDcxJson.dec(trade, "quantity"), fee.max(BigDecimal.ZERO),
                asset.isEmpty() ? marginAsset : asset,
                trade.path("is_maker").asBoolean(false) ? Liquidity.MAKER : Liquidity.TAKER,
                Instant.ofEpochMilli(CoinDcxJson.millis(trade, "timestamp")));
    }

    /** Trades in the venue's time order (then price and quantity, for a stable order of equal times). */
    static final Comparator<JsonNode> TRADE_ORDER = Comparator
            .comparing((JsonNode t) -> CoinDcxJson.dec(t, "timestamp"))
            .thenComparing(t -> CoinDcxJson.dec(t, "price"))
            .thenComparing(t -> CoinDcxJson.dec(t, "quantity"));

    /** The events an order update stands for: fills first (in time order), then the status it reached. */
    static List<OrderEvent> events(String venueClientId, JsonNode row, boolean instantOnly, String marginAsset) {
        List<OrderEvent> events = new ArrayList<>();
        String orderId = row.path("id").asString("");
        Instant at = Instant.ofEpochMilli(CoinDcxJson.millis(row, "updated_at"));
        List<JsonNode> trades = new ArrayList<>();
        row.path("trades").forEach(trades::add);
        trades.sort(TRADE_ORDER);
        OrderStatus status = status(row, instantOnly);
        if (status != OrderStatus.REJECTED) events.add(new OrderEvent.OrderAccepted(venueClientId, orderId, at));
        for (JsonNode t : trades) {
            if (CoinDcxJson.dec(t, "quantity").signum() > 0) events.add(fill(venueClientId, orderId, t, marginAsset));
        }
        switch (status) {
            case CANCELED -> events.add(new OrderEvent.OrderCanceled(venueClientId, at));
            case EXPIRED -> events.add(new OrderEvent.OrderExpired(venueClientId, at));
            case REJECTED -> events.add(new OrderEvent.OrderRejected(venueClientId, reason(row), at));
            default -> { }
        }
        return events;
    }

    private static String reason(JsonNode row) {
        String message = row.path("display_message").asString("");
        return message.isEmpty() || "None".equals(message) ? "rejected by CoinDCX" : message;
    }
}
