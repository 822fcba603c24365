package dev.botfleet.fakes.binance;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Binance's JSON shapes (rest-api.md: exchangeInfo, order responses ACK/RESULT/FULL, query order, myTrades, account),
 * written from the fake's matching engine. Decimals are strings padded to 8 places, as Binance sends them.
 */
final class BinanceJson {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private BinanceJson() {
    }

    static ObjectNode object() { return JSON.createObjectNode(); }

    static ArrayNode array() { return JSON.createArrayNode(); }

    static String write(JsonNode node) { return JSON.writeValueAsString(node); }

    static Response ok(JsonNode node) { return Response.json(200, write(node)); }

    static Response error(int status, int code, String message) {
        ObjectNode body = object();
        body.put("code", code);
        body.put("msg", message);
        return Response.json(status, write(body));
    }

    /** 8 decimals like Binance ("0.10000000"), more only if the value has more. */
    static String decimal(BigDecimal value) {
        if (value == null) return "0.00000000";
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() > 8 ? plain.toPlainString() : plain.setScale(8, RoundingMode.UNNECESSARY).toPlainString();
    }

    static String type(FakeOrder o) {
        if (o.timeInForce == FakeOrder.TimeInForce.POST_ONLY) return "LIMIT_MAKER";
        return o.type.name();
    }

    static String timeInForce(FakeOrder o) {
        return switch (o.timeInForce) {
            case POST_ONLY -> "GTC";
            default -> o.timeInForce.name();
        };
    }

    /** The fields every order answer shares (query order, open orders, cancel, RESULT). */
    private static ObjectNode orderFields(ObjectNode n, FakeOrder o) {
        n.put("symbol", o.market.venueSymbol);
        n.put("orderId", o.orderId);
        n.put("orderListId", -1);
        n.put("clientOrderId", o.clientOrderId);
        return n;
    }

    private static void amounts(ObjectNode n, FakeOrder o) {
        n.put("price", decimal(o.price == null ? BigDecimal.ZERO : o.price));
        n.put("origQty", decimal(o.quantity));
        n.put("executedQty", decimal(o.executedQuantity));
        n.put("cummulativeQuoteQty", decimal(o.cumulativeQuote));
        n.put("status", o.status.name());
        n.put("timeInForce", timeInForce(o));
        n.put("type", type(o));
        n.put("side", o.side.name());
    }

    /** GET /api/v3/order and /api/v3/openOrders entries. */
    static ObjectNode order(FakeOrder o) {
        ObjectNode n = orderFields(object(), o);
        amounts(n, o);
        n.put("stopPrice", decimal(BigDecimal.ZERO));
        n.put("icebergQty", decimal(BigDecimal.ZERO));
        n.put("time", o.createdAt);
        n.put("updateTime", o.updatedAt);
        n.put("isWorking", o.type == FakeOrder.Type.LIMIT);
        n.put("workingTime", o.createdAt);
        n.put("origQuoteOrderQty", decimal(BigDecimal.ZERO));
        n.put("selfTradePreventionMode", "NONE");
        if (o.status == FakeOrder.Status.EXPIRED) n.put("expiryReason", expiryReason(o));
        return n;
    }

    /** POST /api/v3/order in the requested response type. */
    static ObjectNode placed(FakeOrder o, String respType, long transactTime) {
        ObjectNode n = orderFields(object(), o);
        n.put("transactTime", transactTime);
        if (respType.equals("ACK")) return n;
        amounts(n, o);
        n.put("origQuoteOrderQty", decimal(BigDecimal.ZERO));
        n.put("workingTime", o.type == FakeOrder.Type.LIMIT ? o.createdAt : -1);
        n.put("selfTradePreventionMode", "NONE");
        if (o.status == FakeOrder.Status.EXPIRED) n.put("expiryReason", expiryReason(o));
        if (respType.equals("FULL")) {
            ArrayNode fills = n.putArray("fills");
            for (FakeTrade t : List.copyOf(o.trades)) {
                ObjectNode f = fills.addObject();
                f.put("price", decimal(t.price()));
                f.put("qty", decimal(t.quantity()));
                f.put("commission", decimal(t.commission()));
                f.put("commissionAsset", t.commissionAsset());
                f.put("tradeId", t.tradeId());
            }
        }
        return n;
    }

    /** DELETE /api/v3/order. */
    static ObjectNode canceled(FakeOrder o, String cancelClientId, long transactTime) {
        ObjectNode n = object();
        n.put("symbol", o.market.venueSymbol);
        n.put("origClientOrderId", o.clientOrderId);
        n.put("orderId", o.orderId);
        n.put("orderListId", -1);
        n.put("clientOrderId", cancelClientId);
        n.put("transactTime", transactTime);
        amounts(n, o);
        n.put("origQuoteOrderQty", decimal(BigDecimal.ZERO));
        n.put("selfTradePreventionMode", "NONE");
        return n;
    }

    /** GET /api/v3/myTrades entries. */
    static ObjectNode myTrade(FakeTrade t) {
        ObjectNode n = object();
        n.put("symbol", t.venueSymbol());
        n.put("id", t.tradeId());
        n.put("orderId", t.orderId());
        n.put("orderListId", -1);
        n.put("price", decimal(t.price()));
        n.put("qty", decimal(t.quantity()));
        n.put("quoteQty", decimal(t.quoteQuantity()));
        n.put("commission", decimal(t.commission()));
        n.put("commissionAsset", t.commissionAsset());
        n.put("time", t.time());
        n.put("isBuyer", t.side() == FakeOrder.Side.BUY);
        n.put("isMaker", t.maker());
        n.put("isBestMatch", true);
        return n;
    }

    static String expiryReason(FakeOrder o) {
        if (o.type == FakeOrder.Type.MARKET) return "INSUFFICIENT_LIQUIDITY";
        return o.timeInForce == FakeOrder.TimeInForce.FOK ? "UNFILLED_FOK_ORDER_EXPIRED" : "UNFILLED_IOC_QUANTITY_EXPIRED";
    }

    /** GET /api/v3/exchangeInfo. */
    static ObjectNode exchangeInfo(List<FakeMarket> markets, BinanceLimits limits, long serverTime) {
        ObjectNode n = object();
        n.put("timezone", "UTC");
        n.put("serverTime", serverTime);
        ArrayNode rateLimits = n.putArray("rateLimits");
        rateLimit(rateLimits, "REQUEST_WEIGHT", "MINUTE", 1, limits.weightPerMinute);
        for (long[] w : limits.orderWindows()) {
            String suffix = BinanceLimits.headerSuffix(w[0]);
            String interval = switch (suffix.charAt(suffix.length() - 1)) {
                case 'D' -> "DAY";
                case 'H' -> "HOUR";
                case 'M' -> "MINUTE";
                default -> "SECOND";
            };
            rateLimit(rateLimits, "ORDERS", interval, Integer.parseInt(suffix.substring(0, suffix.length() - 1)), (int) w[1]);
        }
        rateLimit(rateLimits, "RAW_REQUESTS", "MINUTE", 5, 61_000);
        n.putArray("exchangeFilters");
        ArrayNode symbols = n.putArray("symbols");
        for (FakeMarket m : markets) {
            ObjectNode s = symbols.addObject();
            s.put("symbol", m.venueSymbol);
            s.put("status", m.trading ? "TRADING" : "BREAK");
            s.put("baseAsset", m.base);
            s.put("baseAssetPrecision", 8);
            s.put("quoteAsset", m.quote);
            s.put("quotePrecision", 8);
            s.put("quoteAssetPrecision", 8);
            s.put("baseCommissionPrecision", 8);
            s.put("quoteCommissionPrecision", 8);
            ArrayNode types = s.putArray("orderTypes");
            types.add("LIMIT");
            types.add("LIMIT_MAKER");
            types.add("MARKET");
            s.put("icebergAllowed", false);
            s.put("ocoAllowed", false);
            s.put("quoteOrderQtyMarketAllowed", false);
            s.put("allowTrailingStop", false);
            s.put("cancelReplaceAllowed", false);
            s.put("isSpotTradingAllowed", true);
            s.put("isMarginTradingAllowed", false);
            ArrayNode filters = s.putArray("filters");
            filter(filters, "PRICE_FILTER", Map.of("minPrice", m.tickSize, "maxPrice", new BigDecimal("1000000"),
                    "tickSize", m.tickSize));
            filter(filters, "LOT_SIZE", Map.of("minQty", m.minQuantity, "maxQty", new BigDecimal("9000"),
                    "stepSize", m.lotSize));
            ObjectNode notional = filter(filters, "NOTIONAL", Map.of("minNotional", m.minNotional,
                    "maxNotional", new BigDecimal("9000000")));
            notional.put("applyMinToMarket", true);
            notional.put("applyMaxToMarket", false);
            notional.put("avgPriceMins", 0);
            s.putArray("permissions");
            s.putArray("permissionSets").addArray().add("SPOT");
            s.put("defaultSelfTradePreventionMode", "NONE");
            s.putArray("allowedSelfTradePreventionModes").add("NONE");
        }
        return n;
    }

    private static void rateLimit(ArrayNode into, String type, String interval, int num, int limit) {
        ObjectNode r = into.addObject();
        r.put("rateLimitType", type);
        r.put("interval", interval);
        r.put("intervalNum", num);
        r.put("limit", limit);
    }

    private static ObjectNode filter(ArrayNode into, String type, Map<String, BigDecimal> values) {
        ObjectNode f = into.addObject();
        f.put("filterType", type);
        values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> f.put(e.getKey(), decimal(e.getValue())));
        return f;
    }

    /** GET /api/v3/account. */
    static ObjectNode account(FakeAccount a, BigDecimal maker, BigDecimal taker, long now) {
        ObjectNode n = object();
        n.put("makerCommission", maker.movePointRight(4).intValue());
        n.put("takerCommission", taker.movePointRight(4).intValue());
        n.put("buyerCommission", 0);
        n.put("sellerCommission", 0);
        ObjectNode rates = n.putObject("commissionRates");
        rates.put("maker", decimal(maker));
        rates.put("taker", decimal(taker));
        rates.put("buyer", decimal(BigDecimal.ZERO));
        rates.put("seller", decimal(BigDecimal.ZERO));
        n.put("canTrade", a.canTrade);
        n.put("canWithdraw", a.canWithdraw);
        n.put("canDeposit", true);
        n.put("brokered", false);
        n.put("requireSelfTradePrevention", false);
        n.put("preventSor", false);
        n.put("updateTime", now);
        n.put("accountType", "SPOT");
        ArrayNode balances = n.putArray("balances");
        a.balances().forEach((asset, amounts) -> {
            ObjectNode b = balances.addObject();
            b.put("asset", asset);
            b.put("free", decimal(amounts[0]));
            b.put("locked", decimal(amounts[1]));
        });
        n.putArray("permissions").add("SPOT");
        n.put("uid", Math.abs((long) a.apiKey.hashCode()));
        return n;
    }
}
