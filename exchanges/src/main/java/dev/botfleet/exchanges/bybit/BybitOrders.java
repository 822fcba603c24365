package dev.botfleet.exchanges.bybit;

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
 * Bybit's order and execution records (GET /v5/order/realtime, /v5/execution/list and the private {@code order} and
 * {@code execution} topics) in our terms.
 */
final class BybitOrders {
    private BybitOrders() {
    }

    /**
     * orderStatus (https://bybit-exchange.github.io/docs/v5/enum#orderstatus) to ours. A cancelled order that could
     * only ever live for an instant (IOC, FOK, and market orders, which Bybit runs as IOC) expired rather than being
     * cancelled; a post-only order cancelled because it would have taken was refused.
     */
    static OrderStatus status(JsonNode order) {
        String status = order.path("orderStatus").asString("");
        return switch (status) {
            case "New", "Created", "Untriggered", "Triggered" -> OrderStatus.ACCEPTED;
            case "PartiallyFilled" -> OrderStatus.PARTIALLY_FILLED;
            case "Filled" -> OrderStatus.FILLED;
            case "Rejected" -> OrderStatus.REJECTED;
            case "Cancelled", "PartiallyFilledCanceled", "Deactivated" -> {
                if ("EC_PostOnlyWillTakeLiquidity".equals(order.path("rejectReason").asString(""))) {
                    yield OrderStatus.REJECTED;
                }
                yield instantOnly(order) ? OrderStatus.EXPIRED : OrderStatus.CANCELED;
            }
            // A state this adapter does not know is treated as still working: it may yet fill, and the next
            // query or stream update settles it. Assuming it finished could lose a fill.
            default -> OrderStatus.ACCEPTED;
        };
    }

    /** The order event a status change on the order topic stands for, or null (fills come on the execution topic). */
    static OrderEvent event(JsonNode order) {
        String id = order.path("orderLinkId").asString("");
        Instant at = Instant.ofEpochMilli(order.path("updatedTime").asLong(0));
        return switch (status(order)) {
            case ACCEPTED, PARTIALLY_FILLED -> new OrderEvent.OrderAccepted(id, order.path("orderId").asString(""), at);
            case CANCELED -> new OrderEvent.OrderCanceled(id, at);
            case EXPIRED -> new OrderEvent.OrderExpired(id, at);
            case REJECTED -> new OrderEvent.OrderRejected(id, reason(order), at);
            default -> null;
        };
    }

    static OrderReport report(JsonNode order, List<OrderFilled> fills) {
        OrderStatus status = status(order);
        return new OrderReport(order.path("orderLinkId").asString(""), order.path("orderId").asString(""), status,
                decimal(order, "cumExecQty"), fills, status == OrderStatus.REJECTED ? reason(order) : null);
    }

    /**
     * One execution. The fee currency is the record's feeCurrency; when it is empty, the documented spot rule (enum
     * page, "Spot Fee Currency Instruction") gives it: with a positive fee rate a buy pays in base, a sell in quote.
     */
    static OrderFilled fill(JsonNode exec, Instrument instrument) {
        OrderSide side = "Buy".equals(exec.path("side").asString("")) ? OrderSide.BUY : OrderSide.SELL;
        String feeCurrency = exec.path("feeCurrency").asString("");
        if (feeCurrency.isEmpty()) feeCurrency = side == OrderSide.BUY ? instrument.baseAsset() : instrument.quoteAsset();
        BigDecimal fee = decimal(exec, "execFee");
        // A maker rebate comes as a negative fee; the engine's fills carry fees paid only.
        if (fee.signum() < 0) fee = BigDecimal.ZERO;
        return new OrderFilled(exec.path("orderLinkId").asString(""), exec.path("execId").asString(""), side,
                decimal(exec, "execPrice"), decimal(exec, "execQty"), fee, feeCurrency,
                exec.path("isMaker").asBoolean(false) ? Liquidity.MAKER : Liquidity.TAKER,
                Instant.ofEpochMilli(exec.path("execTime").asLong(0)));
    }

    static boolean isTrade(JsonNode exec) {
        String type = exec.path("execType").asString("Trade");
        return type.isEmpty() || "Trade".equals(type);
    }

    /**
     * The venue's trade order. The list is newest first and "will have sorting issues when 'execTime' is the same";
     * within one order, more quantity left means an earlier fill, then the execution id.
     */
    static final Comparator<JsonNode> TRADE_ORDER = Comparator
            .comparingLong((JsonNode e) -> e.path("execTime").asLong(0))
            .thenComparing((JsonNode e) -> decimal(e, "leavesQty"), Comparator.reverseOrder())
            .thenComparing(e -> e.path("execId").asString(""));

    private static boolean instantOnly(JsonNode order) {
        String tif = order.path("timeInForce").asString("");
        return "IOC".equals(tif) || "FOK".equals(tif) || "Market".equals(order.path("orderType").asString(""));
    }

    private static String reason(JsonNode order) {
        String reason = order.path("rejectReason").asString("");
        return reason.isEmpty() || "EC_NoError".equals(reason) ? "rejected by Bybit" : reason;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        String text = node.path(field).asString("");
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }
}
