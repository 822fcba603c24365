package dev.botfleet.fakes.bybit;

import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.bybit.OrderLedger.AsSent;
import dev.botfleet.fakes.bybit.OrderLedger.PostOnlyCancelled;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.botfleet.fakes.bybit.Json.num;

/**
 * Orders and executions in the shapes of GET /v5/order/realtime, /v5/execution/list and the private {@code order} and
 * {@code execution} topics. Call with the engine's lock held (its orders' fields are guarded by it).
 */
final class OrderViews {
    private OrderViews() {
    }

    /** Bybit's orderStatus (enum page): spot has PartiallyFilledCanceled for a cancelled order that had fills. */
    static String status(FakeOrder o) {
        return switch (o.status) {
            case NEW -> "New";
            case PARTIALLY_FILLED -> "PartiallyFilled";
            case FILLED -> "Filled";
            case CANCELED, EXPIRED -> o.executedQuantity.signum() > 0 ? "PartiallyFilledCanceled" : "Cancelled";
            case REJECTED -> "Rejected";
        };
    }

    static String side(FakeOrder.Side side) { return side == FakeOrder.Side.BUY ? "Buy" : "Sell"; }

    static String timeInForce(FakeOrder.TimeInForce tif) {
        return switch (tif) {
            case GTC -> "GTC";
            case IOC -> "IOC";
            case FOK -> "FOK";
            case POST_ONLY -> "PostOnly";
        };
    }

    static ObjectNode order(FakeOrder o, AsSent how) {
        ObjectNode n = Json.object();
        n.put("orderId", Long.toString(o.orderId));
        n.put("orderLinkId", o.clientOrderId == null ? "" : o.clientOrderId);
        n.put("blockTradeId", "");
        n.put("symbol", o.market.venueSymbol);
        n.put("price", o.price == null ? "0" : num(o.price));
        n.put("qty", num(how != null && how.qty() != null ? how.qty() : o.quantity));
        n.put("side", side(o.side));
        n.put("isLeverage", "0");
        n.put("positionIdx", 0);
        n.put("orderStatus", status(o));
        n.put("cancelType", o.status == FakeOrder.Status.CANCELED ? "CancelByUser" : "UNKNOWN");
        n.put("rejectReason", rejectReason(o));
        BigDecimal avg = o.executedQuantity.signum() == 0 ? null
                : o.cumulativeQuote.divide(o.executedQuantity, MathContext.DECIMAL64);
        n.put("avgPrice", avg == null ? "" : num(avg));
        BigDecimal leaves = o.isOpen() ? o.remaining() : BigDecimal.ZERO;
        n.put("leavesQty", num(leaves));
        n.put("leavesValue", o.price == null ? "0" : num(leaves.multiply(o.price)));
        n.put("cumExecQty", num(o.executedQuantity));
        n.put("cumExecValue", num(o.cumulativeQuote));
        Map<String, BigDecimal> fees = fees(o);
        n.put("cumExecFee", fees.isEmpty() ? "0" : num(fees.values().iterator().next()));
        ObjectNode detail = n.putObject("cumFeeDetail");
        fees.forEach((asset, fee) -> detail.put(asset, num(fee)));
        n.put("timeInForce", how != null && how.timeInForce() != null ? how.timeInForce() : timeInForce(o.timeInForce));
        n.put("orderType", o.type == FakeOrder.Type.MARKET ? "Market" : "Limit");
        n.put("stopOrderType", "");
        n.put("orderIv", "");
        n.put("marketUnit", how == null || how.marketUnit() == null ? "" : how.marketUnit());
        n.put("triggerPrice", "0");
        n.put("takeProfit", "0");
        n.put("stopLoss", "0");
        n.put("triggerDirection", 0);
        n.put("basePrice", num(o.price == null ? BigDecimal.ZERO : o.price));
        n.put("reduceOnly", false);
        n.put("closeOnTrigger", false);
        n.put("smpType", "None");
        n.put("smpGroup", 0);
        n.put("smpOrderId", "");
        n.put("createdTime", Long.toString(o.createdAt));
        n.put("updatedTime", Long.toString(o.updatedAt));
        return n;
    }

    static ObjectNode postOnly(PostOnlyCancelled o) {
        ObjectNode n = Json.object();
        n.put("orderId", Long.toString(o.orderId()));
        n.put("orderLinkId", o.orderLinkId() == null ? "" : o.orderLinkId());
        n.put("blockTradeId", "");
        n.put("symbol", o.market().venueSymbol);
        n.put("price", num(o.price()));
        n.put("qty", num(o.qty()));
        n.put("side", side(o.side()));
        n.put("isLeverage", "0");
        n.put("positionIdx", 0);
        n.put("orderStatus", "Cancelled");
        n.put("cancelType", "UNKNOWN");
        n.put("rejectReason", "EC_PostOnlyWillTakeLiquidity");
        n.put("avgPrice", "");
        n.put("leavesQty", "0");
        n.put("leavesValue", "0");
        n.put("cumExecQty", "0");
        n.put("cumExecValue", "0");
        n.put("cumExecFee", "0");
        n.putObject("cumFeeDetail");
        n.put("timeInForce", "PostOnly");
        n.put("orderType", "Limit");
        n.put("stopOrderType", "");
        n.put("marketUnit", "");
        n.put("createdTime", Long.toString(o.time()));
        n.put("updatedTime", Long.toString(o.time()));
        return n;
    }

    /** One fill, as GET /v5/execution/list and the private execution topic show it. */
    static ObjectNode execution(FakeOrder o, FakeTrade t) {
        BigDecimal filledThrough = BigDecimal.ZERO;
        for (FakeTrade each : o.trades) {
            filledThrough = filledThrough.add(each.quantity());
            if (each.tradeId() == t.tradeId()) break;
        }
        ObjectNode n = Json.object();
        n.put("category", "spot");
        n.put("symbol", t.venueSymbol());
        n.put("isLeverage", "0");
        n.put("orderId", Long.toString(o.orderId));
        n.put("orderLinkId", o.clientOrderId == null ? "" : o.clientOrderId);
        n.put("side", side(t.side()));
        n.put("orderPrice", o.price == null ? "0" : num(o.price));
        n.put("orderQty", num(o.quantity));
        n.put("leavesQty", num(o.quantity.subtract(filledThrough)));
        n.put("orderType", o.type == FakeOrder.Type.MARKET ? "Market" : "Limit");
        n.put("stopOrderType", "");
        n.put("execFee", num(t.commission()));
        n.put("execId", Long.toString(t.tradeId()));
        n.put("execPrice", num(t.price()));
        n.put("execQty", num(t.quantity()));
        n.put("execPnl", "0");
        n.put("execType", "Trade");
        n.put("execValue", num(t.quoteQuantity()));
        n.put("execTime", Long.toString(t.time()));
        n.put("isMaker", t.maker());
        n.put("feeRate", num(t.maker() ? o.market.makerFee : o.market.takerFee));
        n.put("tradeIv", "");
        n.put("markIv", "");
        n.put("markPrice", "");
        n.put("indexPrice", "");
        n.put("underlyingPrice", "");
        n.put("blockTradeId", "");
        n.put("closedSize", "");
        n.put("extraFees", "");
        n.put("seq", t.tradeId());
        n.put("feeCurrency", t.commissionAsset());
        return n;
    }

    private static String rejectReason(FakeOrder o) {
        return switch (o.status) {
            case EXPIRED -> o.executedQuantity.signum() > 0 ? "EC_CancelForNoFullFill" : "EC_NoImmediateQtyToFill";
            case CANCELED -> "EC_PerCancelRequest";
            default -> "EC_NoError";
        };
    }

    private static Map<String, BigDecimal> fees(FakeOrder o) {
        Map<String, BigDecimal> fees = new LinkedHashMap<>();
        for (FakeTrade t : o.trades) fees.merge(t.commissionAsset(), t.commission(), BigDecimal::add);
        return fees;
    }
}
