package dev.botfleet.exchanges.delta;

import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.exchanges.VenueInstrument;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Delta's Order and Fill objects in our terms; sizes are contracts, turned into base units with the contract size. */
final class DeltaOrders {
    private DeltaOrders() {
    }

    static BigDecimal contractSize(VenueInstrument vi) { return vi.instrument().derivative().contractSize(); }

    /**
     * state open/pending → ACCEPTED (PARTIALLY_FILLED once something filled), closed → FILLED, cancelled → CANCELED,
     * or EXPIRED for an order that could only ever live an instant (ioc, market).
     */
    static OrderStatus status(JsonNode o) {
        long size = o.path("size").asLong();
        long unfilled = o.path("unfilled_size").asLong();
        return switch (o.path("state").asString("")) {
            case "closed" -> OrderStatus.FILLED;
            case "cancelled" -> instantOnly(o) ? OrderStatus.EXPIRED : OrderStatus.CANCELED;
            // An unknown state is treated as still working: the next query or update settles it.
            default -> unfilled < size ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
        };
    }

    static boolean instantOnly(JsonNode o) {
        return "ioc".equals(o.path("time_in_force").asString("")) || "market_order".equals(o.path("order_type").asString(""));
    }

    static BigDecimal filled(JsonNode o, VenueInstrument vi) {
        return BigDecimal.valueOf(o.path("size").asLong() - o.path("unfilled_size").asLong()).multiply(contractSize(vi));
    }

    static OrderReport report(JsonNode o, VenueInstrument vi, List<OrderFilled> fills) {
        return new OrderReport(o.path("client_order_id").asString(""), o.path("id").asString(""), status(o),
                filled(o, vi), fills, null);
    }

    /** One fill of GET /v2/fills. A negative commission is a maker rebate; the engine's fills carry fees paid only. */
    static OrderFilled fill(JsonNode f, String clientOrderId, VenueInstrument vi) {
        BigDecimal fee = DeltaProducts.dec(f, "commission").max(BigDecimal.ZERO);
        String asset = f.path("settling_asset_symbol").asString("");
        if (asset.isEmpty()) asset = vi.instrument().derivative().settleAsset();
        return new OrderFilled(clientOrderId, f.path("id").asString(),
                "buy".equals(f.path("side").asString("")) ? OrderSide.BUY : OrderSide.SELL,
                DeltaProducts.dec(f, "price"), BigDecimal.valueOf(f.path("size").asLong()).multiply(contractSize(vi)),
                fee, asset, "maker".equals(f.path("role").asString("")) ? Liquidity.MAKER : Liquidity.TAKER,
                micros(f.path("created_at")));
    }

    /** Delta's µs timestamps come as numbers or strings. */
    static Instant micros(JsonNode value) {
        long us = value.isNumber() ? value.asLong() : Long.parseLong(value.asString("0").isEmpty() ? "0" : value.asString());
        return Instant.ofEpochSecond(us / 1_000_000, (us % 1_000_000) * 1000);
    }
}
