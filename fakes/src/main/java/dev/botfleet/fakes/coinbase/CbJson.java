package dev.botfleet.fakes.coinbase;

import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;

/**
 * Coinbase Advanced Trade's JSON as the fake writes it: decimals as strings, times as RFC 3339, order ids as UUIDs
 * (the engine's numeric id in the last 12 hex digits), and the order and fill records of Get Order / List Fills.
 */
final class CbJson {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CbJson() {
    }

    static ObjectNode object() { return MAPPER.createObjectNode(); }

    static JsonNode parse(String text) { return MAPPER.readTree(text); }

    static String write(JsonNode node) { return MAPPER.writeValueAsString(node); }

    static String num(BigDecimal value) {
        if (value == null) return "0";
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static String time(long millis) { return Instant.ofEpochMilli(millis).toString(); }

    static String orderId(long id) { return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012x", id); }

    /** The engine id of an order UUID, or -1 when it is not one of ours. */
    static long engineId(String orderId) {
        if (orderId == null || !orderId.matches("00000000-0000-4000-8000-[0-9a-f]{12}")) return -1;
        return Long.parseLong(orderId.substring(24), 16);
    }

    static String productId(FakeOrder o) { return o.market.venueSymbol; }

    /** OPEN, FILLED, CANCELLED, EXPIRED, FAILED: the Get Order status enum. */
    static String status(FakeOrder o) {
        return switch (o.status) {
            case NEW, PARTIALLY_FILLED -> "OPEN";
            case FILLED -> "FILLED";
            case CANCELED -> "CANCELLED";
            case EXPIRED -> "EXPIRED";
            case REJECTED -> "FAILED";
        };
    }

    static String timeInForce(FakeOrder o) {
        return switch (o.timeInForce) {
            case IOC -> "IMMEDIATE_OR_CANCEL";
            case FOK -> "FILL_OR_KILL";
            default -> "GOOD_UNTIL_CANCELLED";
        };
    }

    static BigDecimal totalFees(FakeOrder o) {
        return o.trades.stream().map(FakeTrade::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The Get Order / List Orders record. */
    static ObjectNode order(FakeOrder o, JsonNode configuration) {
        ObjectNode n = object();
        n.put("order_id", orderId(o.orderId));
        n.put("product_id", productId(o));
        n.put("user_id", "fake-user");
        n.set("order_configuration", configuration == null ? object() : configuration);
        n.put("side", o.side.name());
        n.put("client_order_id", o.clientOrderId == null ? "" : o.clientOrderId);
        n.put("status", status(o));
        n.put("time_in_force", timeInForce(o));
        n.put("created_time", time(o.createdAt));
        BigDecimal filled = o.executedQuantity;
        n.put("completion_percentage", num(filled.multiply(BigDecimal.valueOf(100))
                .divide(o.quantity, 2, RoundingMode.DOWN)));
        n.put("filled_size", num(filled));
        n.put("average_filled_price", filled.signum() == 0 ? "0"
                : num(o.cumulativeQuote.divide(filled, 8, RoundingMode.HALF_EVEN)));
        n.put("number_of_fills", Integer.toString(o.trades.size()));
        n.put("filled_value", num(o.cumulativeQuote));
        n.put("pending_cancel", false);
        n.put("size_in_quote", false);
        n.put("total_fees", num(totalFees(o)));
        n.put("size_inclusive_of_fees", false);
        n.put("total_value_after_fees", num(o.side == FakeOrder.Side.BUY ? o.cumulativeQuote.add(totalFees(o))
                : o.cumulativeQuote.subtract(totalFees(o))));
        n.put("trigger_status", "INVALID_ORDER_TYPE");
        n.put("order_type", o.type.name());
        n.put("reject_reason", "");
        n.put("settled", !o.isOpen());
        n.put("product_type", "SPOT");
        n.put("reject_message", "");
        n.put("cancel_message", o.status == FakeOrder.Status.CANCELED ? "User requested cancel" : "");
        n.put("order_placement_source", "RETAIL_ADVANCED");
        n.put("last_fill_time", o.trades.isEmpty() ? null : time(o.trades.getLast().time()));
        return n;
    }

    /** The List Fills record: commission in the quote currency, liquidity_indicator MAKER or TAKER. */
    static ObjectNode fill(FakeTrade t) {
        ObjectNode n = object();
        n.put("entry_id", "entry-" + t.tradeId());
        n.put("trade_id", Long.toString(t.tradeId()));
        n.put("order_id", orderId(t.orderId()));
        n.put("trade_time", time(t.time()));
        n.put("trade_type", "FILL");
        n.put("price", num(t.price()));
        n.put("size", num(t.quantity()));
        n.put("commission", num(t.commission()));
        n.put("product_id", t.venueSymbol());
        n.put("sequence_timestamp", time(t.time()));
        n.put("liquidity_indicator", t.maker() ? "MAKER" : "TAKER");
        n.put("size_in_quote", false);
        n.put("user_id", "fake-user");
        n.put("side", t.side().name());
        return n;
    }

    /** {"error", "message", "error_details"}: the shape of Coinbase's HTTP errors. */
    static String error(String error, String message) {
        ObjectNode n = object();
        n.put("error", error);
        n.put("code", 0);
        n.put("message", message);
        n.put("error_details", message);
        return write(n);
    }
}
