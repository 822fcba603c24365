package dev.botfleet.fakes.delta;

import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.delta.DeltaProducts.Product;
import dev.botfleet.fakes.perp.PerpPosition;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Orders, fills and positions in the shapes of the swagger's Order, Fill and Position (sizes in contracts). */
final class DeltaViews {
    private DeltaViews() {
    }

    /** open: resting (any fill so far included); closed: fully filled; cancelled: cancelled or expired (IOC). */
    static String state(FakeOrder o) {
        return switch (o.status) {
            case NEW, PARTIALLY_FILLED -> "open";
            case FILLED -> "closed";
            case CANCELED, EXPIRED, REJECTED -> "cancelled";
        };
    }

    static long micros(long millis) { return millis * 1000; }

    static ObjectNode order(FakeOrder o, Product p) {
        ObjectNode n = DeltaJson.object();
        n.put("id", o.orderId);
        n.put("user_id", userId(o.account.apiKey));
        n.put("size", DeltaProducts.contracts(p, o.quantity));
        n.put("unfilled_size", DeltaProducts.contracts(p, o.remaining()));
        n.put("side", o.side == FakeOrder.Side.BUY ? "buy" : "sell");
        n.put("order_type", o.type == FakeOrder.Type.LIMIT ? "limit_order" : "market_order");
        n.put("limit_price", o.price == null ? null : DeltaJson.num(o.price));
        n.putNull("stop_order_type");
        n.putNull("stop_price");
        n.put("time_in_force", o.timeInForce == FakeOrder.TimeInForce.IOC || o.type == FakeOrder.Type.MARKET
                ? "ioc" : "gtc");
        n.put("post_only", o.timeInForce == FakeOrder.TimeInForce.POST_ONLY);
        n.put("reduce_only", o.reduceOnly);
        BigDecimal paid = BigDecimal.ZERO;
        for (FakeTrade t : o.trades) paid = paid.add(t.commission());
        n.put("paid_commission", DeltaJson.num(paid));
        n.put("commission", "0");
        n.put("average_fill_price", o.executedQuantity.signum() == 0 ? null
                : DeltaJson.num(o.cumulativeQuote.divide(o.executedQuantity, 8, RoundingMode.HALF_EVEN)));
        n.put("client_order_id", o.clientOrderId);
        n.put("state", state(o));
        n.put("cancellation_reason", o.status == FakeOrder.Status.CANCELED ? "cancelled_by_user"
                : o.status == FakeOrder.Status.EXPIRED ? "ioc_unfilled" : null);
        n.put("created_at", Long.toString(micros(o.createdAt)));
        n.put("updated_at", Long.toString(micros(o.updatedAt)));
        n.put("product_id", p.id());
        n.put("product_symbol", p.symbol());
        return n;
    }

    /** One fill as GET /v2/fills lists it; the commission is positive when paid (negative would be a rebate). */
    static ObjectNode fill(FakeTrade t, Product p) {
        ObjectNode n = DeltaJson.object();
        n.put("id", t.tradeId());
        n.put("size", DeltaProducts.contracts(p, t.quantity()));
        n.put("fill_type", "normal");
        n.put("side", t.side() == FakeOrder.Side.BUY ? "buy" : "sell");
        n.put("price", DeltaJson.num(t.price()));
        n.put("role", t.maker() ? "maker" : "taker");
        n.put("commission", DeltaJson.num(t.commission()));
        n.put("created_at", Long.toString(micros(t.time())));
        n.put("product_id", p.id());
        n.put("product_symbol", p.symbol());
        n.put("order_id", Long.toString(t.orderId()));
        n.put("settling_asset_symbol", DeltaProducts.SETTLE);
        n.putObject("meta_data");
        return n;
    }

    /** GET /v2/positions/margined's Position (size negative when short). */
    static ObjectNode position(PerpPosition pos, Product p, String apiKey) {
        ObjectNode n = DeltaJson.object();
        n.put("user_id", userId(apiKey));
        n.put("size", DeltaProducts.contracts(p, pos.size()));
        n.put("entry_price", DeltaJson.num(pos.entryPrice()));
        n.put("margin", DeltaJson.num(pos.margin()));
        n.put("liquidation_price", pos.liquidationPrice() == null ? null : DeltaJson.num(pos.liquidationPrice()));
        n.put("bankruptcy_price", (String) null);
        n.put("adl_level", 0);
        n.put("product_id", p.id());
        n.put("product_symbol", p.symbol());
        n.put("commission", "0");
        n.put("realized_pnl", DeltaJson.num(pos.realizedPnl()));
        n.put("realized_funding", DeltaJson.num(pos.realizedFunding()));
        return n;
    }

    static int userId(String apiKey) { return Math.abs(apiKey.hashCode() % 1_000_000); }
}
