package dev.botfleet.fakes.kraken;

import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Orders and trades as Kraken shows them: REST order info (OpenOrders, ClosedOrders, QueryOrders), REST trade info
 * (QueryTrades, TradesHistory) and the WebSocket v2 executions records.
 *
 * <p>Fees: the shared matching engine charges a fill's fee in the asset received. Kraken charges the currency the
 * order's {@code oflags} prefer ({@code fcib}: base, {@code fciq}: quote; by default quote when buying, base when
 * selling); the fake reports the flag that matches what it charged, so a client that reads {@code oflags} (as it
 * must on Kraken) reads the truth.
 */
final class OrderViews {
    private OrderViews() {
    }

    static String status(FakeOrder o) {
        return switch (o.status) {
            case NEW, PARTIALLY_FILLED -> "open";
            case FILLED -> "closed";
            case CANCELED, REJECTED -> "canceled";
            case EXPIRED -> "expired";
        };
    }

    static String feeFlag(FakeOrder o) { return o.side == FakeOrder.Side.BUY ? "fcib" : "fciq"; }

    static ObjectNode orderInfo(FakeOrder o, String clOrdId, boolean withTrades) {
        int priceScale = MarketRoutes.decimals(o.market.tickSize);
        ObjectNode n = KrakenJson.object();
        n.putNull("refid");
        n.put("userref", 0);
        if (clOrdId != null) n.put("cl_ord_id", clOrdId);
        n.put("status", status(o));
        n.put("opentm", KrakenJson.seconds(o.createdAt));
        n.put("starttm", 0);
        n.put("expiretm", 0);
        if (!o.isOpen()) n.put("closetm", KrakenJson.seconds(o.updatedAt));
        ObjectNode d = n.putObject("descr");
        d.put("pair", o.market.venueSymbol);
        d.put("type", side(o));
        d.put("ordertype", o.type == FakeOrder.Type.MARKET ? "market" : "limit");
        d.put("price", o.price == null ? "0" : KrakenJson.plain(o.price, priceScale));
        d.put("price2", "0");
        d.put("leverage", "none");
        d.put("order", side(o) + " " + o.quantity.toPlainString() + " " + o.market.venueSymbol
                + (o.price == null ? " @ market" : " @ limit " + o.price.toPlainString()));
        d.put("close", "");
        n.put("vol", KrakenJson.plain(o.quantity, 8));
        n.put("vol_exec", KrakenJson.plain(o.executedQuantity, 8));
        n.put("cost", KrakenJson.plain(o.cumulativeQuote, 5));
        BigDecimal fee = o.trades.stream().map(FakeTrade::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
        n.put("fee", KrakenJson.plain(fee, 8));
        n.put("price", o.executedQuantity.signum() == 0 ? "0.00000"
                : o.cumulativeQuote.divide(o.executedQuantity, priceScale + 3, RoundingMode.HALF_UP).toPlainString());
        n.put("stopprice", "0");
        n.put("limitprice", "0");
        n.put("misc", "");
        n.put("oflags", feeFlag(o));
        n.put("timeinforce", o.timeInForce == FakeOrder.TimeInForce.IOC || o.type == FakeOrder.Type.MARKET ? "IOC" : "GTC");
        if (o.status == FakeOrder.Status.CANCELED) n.put("reason", "User requested");
        if (withTrades && !o.trades.isEmpty()) {
            var trades = n.putArray("trades");
            for (FakeTrade t : o.trades) trades.add(KrakenNames.txid('T', t.tradeId()));
        }
        return n;
    }

    static ObjectNode tradeInfo(FakeOrder o, FakeTrade t) {
        ObjectNode n = KrakenJson.object();
        n.put("ordertxid", KrakenNames.txid('O', o.orderId));
        n.put("postxid", KrakenNames.txid('P', t.tradeId()));
        n.put("pair", o.market.venueSymbol);
        n.put("time", KrakenJson.seconds(t.time()));
        n.put("type", side(o));
        n.put("ordertype", o.type == FakeOrder.Type.MARKET ? "market" : "limit");
        n.put("price", t.price().toPlainString());
        n.put("cost", KrakenJson.plain(t.quoteQuantity(), 5));
        n.put("fee", KrakenJson.plain(t.commission(), 8));
        n.put("vol", KrakenJson.plain(t.quantity(), 8));
        n.put("margin", "0.00000");
        n.put("misc", "");
        n.put("maker", t.maker());
        n.put("trade_id", t.tradeId());
        return n;
    }

    /** One executions record (https://docs.kraken.com/api/docs/websocket-v2/executions). */
    static ObjectNode execution(FakeOrder o, String clOrdId, String execType, FakeTrade t, BigDecimal cumQty,
                                BigDecimal cumCost, long now) {
        ObjectNode n = KrakenJson.object();
        n.put("exec_type", execType);
        n.put("order_id", KrakenNames.txid('O', o.orderId));
        if (clOrdId != null) n.put("cl_ord_id", clOrdId);
        n.put("symbol", KrakenNames.v2symbol(o.market.base, o.market.quote));
        n.put("side", side(o));
        n.put("order_type", o.type == FakeOrder.Type.MARKET ? "market" : "limit");
        n.put("order_qty", o.quantity);
        if (o.price != null) n.put("limit_price", o.price);
        n.put("time_in_force", o.timeInForce == FakeOrder.TimeInForce.IOC || o.type == FakeOrder.Type.MARKET ? "IOC" : "GTC");
        n.put("order_status", wsStatus(o, execType, cumQty));
        n.put("cum_qty", cumQty);
        n.put("cum_cost", cumCost);
        if (cumQty.signum() > 0) n.put("avg_price", cumCost.divide(cumQty, 8, RoundingMode.HALF_UP));
        n.put("timestamp", KrakenJson.rfc3339(t == null ? now : t.time()));
        if (t != null) {
            n.put("exec_id", KrakenNames.txid('T', t.tradeId()));
            n.put("trade_id", t.tradeId());
            n.put("last_qty", t.quantity());
            n.put("last_price", t.price());
            n.put("cost", t.quoteQuantity());
            n.put("liquidity_ind", t.maker() ? "m" : "t");
            ObjectNode fee = n.putArray("fees").addObject();
            fee.put("asset", t.commissionAsset());
            fee.put("qty", t.commission());
        }
        if (execType.equals("canceled")) n.put("reason", "User requested");
        return n;
    }

    private static String wsStatus(FakeOrder o, String execType, BigDecimal cumQty) {
        return switch (execType) {
            case "pending_new" -> "pending_new";
            case "new" -> "new";
            // "A trade event can report order_status: partially_filled even when that trade fills the entire order."
            case "trade" -> "partially_filled";
            case "filled" -> "filled";
            case "canceled" -> "canceled";
            case "expired" -> "expired";
            default -> cumQty.signum() > 0 ? "partially_filled" : "new";
        };
    }

    static String side(FakeOrder o) { return o.side == FakeOrder.Side.BUY ? "buy" : "sell"; }
}
