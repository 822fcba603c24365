package dev.botfleet.exchanges.kraken;

import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderStatus;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * Kraken's order and trade records in our terms: REST order info (OpenOrders / ClosedOrders with {@code trades=true}),
 * REST trade info (QueryTrades) and WebSocket v2 {@code executions} records. A trade's id is its txid
 * ({@code T...}), which is also the stream's {@code exec_id}, so a fill seen both ways is one fill.
 */
final class KrakenOrders {
    private KrakenOrders() {
    }

    /**
     * status pending / open / closed / canceled / expired to ours. An order that could only live for an instant (IOC,
     * market) and was canceled expired; a post-only order canceled because it would take was refused.
     */
    static OrderStatus status(JsonNode order) {
        BigDecimal executed = KrakenRules.decimal(order.path("vol_exec"));
        return switch (order.path("status").asString("")) {
            case "closed" -> executed.compareTo(KrakenRules.decimal(order.path("vol"))) >= 0 ? OrderStatus.FILLED
                    : OrderStatus.EXPIRED;
            case "canceled" -> {
                if (order.path("reason").asString("").toLowerCase(java.util.Locale.ROOT).contains("post only")) {
                    yield OrderStatus.REJECTED;
                }
                yield instantOnly(order.path("timeinforce").asString(""), order.path("descr").path("ordertype")
                        .asString("")) ? OrderStatus.EXPIRED : OrderStatus.CANCELED;
            }
            case "expired" -> OrderStatus.EXPIRED;
            // pending, open, and anything new: still working (assuming it finished could lose a fill).
            default -> executed.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
        };
    }

    static OrderReport report(String txid, JsonNode order, List<OrderFilled> fills) {
        OrderStatus status = status(order);
        return new OrderReport(order.path("cl_ord_id").asString(""), txid, status,
                KrakenRules.decimal(order.path("vol_exec")), fills,
                status == OrderStatus.REJECTED ? "refused by Kraken: " + order.path("reason").asString("") : null);
    }

    /**
     * One trade of an order. Its fee is in the currency the order's {@code oflags} asked for: {@code fcib} base,
     * {@code fciq} quote; without either, Kraken's default (quote when buying, base when selling).
     */
    static OrderFilled fill(String clOrdId, String tradeTxid, JsonNode trade, String oflags, Instrument instrument) {
        OrderSide side = "buy".equals(trade.path("type").asString("")) ? OrderSide.BUY : OrderSide.SELL;
        boolean base = oflags.contains("fcib") || (!oflags.contains("fciq") && side == OrderSide.SELL);
        long millis = KrakenRules.decimal(trade.path("time")).movePointRight(3).setScale(0, RoundingMode.DOWN).longValue();
        return new OrderFilled(clOrdId, tradeTxid, side, KrakenRules.decimal(trade.path("price")),
                KrakenRules.decimal(trade.path("vol")), KrakenRules.decimal(trade.path("fee")).max(BigDecimal.ZERO),
                base ? instrument.baseAsset() : instrument.quoteAsset(),
                trade.path("maker").asBoolean(false) ? Liquidity.MAKER : Liquidity.TAKER, Instant.ofEpochMilli(millis));
    }

    /** An executions record as an event of the order named by its cl_ord_id, or null when it changes nothing of ours. */
    static OrderEvent event(JsonNode exec) {
        String id = exec.path("cl_ord_id").asString("");
        String ts = exec.path("timestamp").asString("");
        Instant at = ts.isEmpty() ? Instant.now() : Instant.parse(ts);
        return switch (exec.path("exec_type").asString("")) {
            case "trade" -> {
                JsonNode fee = exec.path("fees").path(0);
                yield new OrderFilled(id, exec.path("exec_id").asString(""),
                        "buy".equals(exec.path("side").asString("")) ? OrderSide.BUY : OrderSide.SELL,
                        KrakenRules.decimal(exec.path("last_price")), KrakenRules.decimal(exec.path("last_qty")),
                        KrakenRules.decimal(fee.path("qty")).max(BigDecimal.ZERO),
                        KrakenPairs.asset(fee.path("asset").asString("")),
                        "m".equals(exec.path("liquidity_ind").asString("")) ? Liquidity.MAKER : Liquidity.TAKER, at);
            }
            case "new" -> new OrderEvent.OrderAccepted(id, exec.path("order_id").asString(""), at);
            case "canceled" -> {
                String reason = exec.path("reason").asString("");
                if (reason.toLowerCase(java.util.Locale.ROOT).contains("post only")) {
                    yield new OrderEvent.OrderRejected(id, "refused by Kraken: " + reason, at);
                }
                yield instantOnly(exec.path("time_in_force").asString(""), exec.path("order_type").asString(""))
                        ? new OrderEvent.OrderExpired(id, at) : new OrderEvent.OrderCanceled(id, at);
            }
            case "expired" -> new OrderEvent.OrderExpired(id, at);
            // pending_new, filled (its fills came as trade records), amended, restated, status: nothing new for us.
            default -> null;
        };
    }

    private static boolean instantOnly(String timeInForce, String orderType) {
        return "IOC".equalsIgnoreCase(timeInForce) || "FOK".equalsIgnoreCase(timeInForce) || "market".equals(orderType);
    }
}
