package dev.botfleet.fakes.bybit;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeOrder.Side;
import dev.botfleet.fakes.FakeOrder.TimeInForce;
import dev.botfleet.fakes.FakeOrder.Type;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.MatchingEngine.Refused;
import dev.botfleet.fakes.bybit.OrderLedger.AsSent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.botfleet.fakes.bybit.Json.text;

/**
 * The order endpoints of the spot category: POST /v5/order/create and /v5/order/cancel, GET /v5/order/realtime,
 * /v5/order/history and /v5/execution/list, with the parameters and answers of their pages under
 * https://bybit-exchange.github.io/docs/v5/order/.
 */
final class TradeRoutes {
    /** orderLinkId: "A max of 36 characters. Combinations of numbers, letters (upper and lower cases), dashes, and underscores". */
    private static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    private final MatchingEngine engine;
    private final Faults faults;
    private final OrderLedger ledger;
    private final PrivateStream stream;

    TradeRoutes(MatchingEngine engine, Faults faults, OrderLedger ledger, PrivateStream stream) {
        this.engine = engine;
        this.faults = faults;
        this.ledger = ledger;
        this.stream = stream;
    }

    FakeHttp.Response create(FakeAccount account, Request request, long now) {
        JsonNode body;
        try {
            body = Json.parse(request.body());
        } catch (RuntimeException e) {
            throw BybitError.params("body is not JSON");
        }
        requireSpot(text(body, "category"));
        FakeMarket market = market(text(body, "symbol"));
        Side side = switch (text(body, "side")) {
            case "Buy" -> Side.BUY;
            case "Sell" -> Side.SELL;
            default -> throw new BybitError(170117, "Invalid side.");
        };
        Type type = switch (text(body, "orderType")) {
            case "Limit" -> Type.LIMIT;
            case "Market" -> Type.MARKET;
            default -> throw new BybitError(170116, "Invalid orderType.");
        };
        String tifText = body.has("timeInForce") ? text(body, "timeInForce") : "GTC";
        TimeInForce tif = switch (type == Type.MARKET ? "IOC" : tifText) {
            case "GTC" -> TimeInForce.GTC;
            case "IOC" -> TimeInForce.IOC;
            case "FOK" -> TimeInForce.FOK;
            case "PostOnly" -> TimeInForce.POST_ONLY;
            default -> throw new BybitError(170115, "Invalid timeInForce.");
        };
        BigDecimal qty = decimal(body, "qty");
        if (qty == null || qty.signum() <= 0) throw new BybitError(170105, "Parameter 'qty' was empty.");
        BigDecimal price = type == Type.LIMIT ? decimal(body, "price") : null;
        if (type == Type.LIMIT && (price == null || price.signum() <= 0)) {
            throw new BybitError(170105, "Parameter 'price' was empty.");
        }
        if (price != null && price.stripTrailingZeros().scale() > market.tickSize.stripTrailingZeros().scale()) {
            throw new BybitError(170134, "Order price decimal too long.");
        }
        String linkId = body.has("orderLinkId") ? text(body, "orderLinkId") : null;
        if (linkId != null && linkId.isEmpty()) linkId = null;
        if (linkId != null && !LINK_ID.matcher(linkId).matches()) throw BybitError.notValid("orderLinkId");
        if (linkId != null && linkIdUsed(account, linkId)) throw new BybitError(170141, "Duplicate clientOrderId");
        String marketUnit = type == Type.MARKET ? marketUnit(body, side) : null;
        BigDecimal baseQty = type == Type.MARKET && "quoteCoin".equals(marketUnit) ? toBase(market, side, qty) : qty;
        if (baseQty.stripTrailingZeros().scale() > market.lotSize.stripTrailingZeros().scale()) {
            throw new BybitError(170137, "Order volume decimal too long");
        }
        long orderId;
        try {
            FakeOrder order = engine.place(account, market.venueSymbol, linkId, side, type, tif, price, baseQty);
            orderId = order.orderId;
            ledger.sent(orderId, new AsSent(marketUnit, qty, type == Type.MARKET ? "IOC" : tifText));
        } catch (Refused refused) {
            if (refused.refusal != MatchingEngine.Refusal.WOULD_TAKE) throw refusal(refused);
            var cancelled = ledger.cancelPostOnly(linkId, account, market, side, price, qty, now);
            stream.postOnlyCancelled(cancelled);
            orderId = cancelled.orderId();
        }
        if (faults.take(Faults.Kind.LOSE_PLACE_ANSWER)) return FakeHttp.DROP;
        ObjectNode result = Json.object();
        result.put("orderId", Long.toString(orderId));
        result.put("orderLinkId", linkId == null ? "" : linkId);
        return FakeHttp.Response.json(200, Json.ok(result, now));
    }

    FakeHttp.Response cancel(FakeAccount account, Request request, long now) {
        JsonNode body;
        try {
            body = Json.parse(request.body());
        } catch (RuntimeException e) {
            throw BybitError.params("body is not JSON");
        }
        requireSpot(text(body, "category"));
        FakeMarket market = market(text(body, "symbol"));
        String linkId = text(body, "orderLinkId");
        String orderIdText = text(body, "orderId");
        if (linkId.isEmpty() && orderIdText.isEmpty()) throw BybitError.params("orderId or orderLinkId is required");
        Long orderId = null;
        if (!orderIdText.isEmpty()) {
            try {
                orderId = Long.parseLong(orderIdText);
            } catch (NumberFormatException e) {
                throw BybitError.orderMissing();
            }
        }
        FakeOrder order;
        try {
            // "if both orderId and orderLinkId are entered ... Bybit will prioritize the orderId"
            order = engine.cancel(account, market.venueSymbol, orderId == null ? linkId : null, orderId);
        } catch (Refused refused) {
            throw BybitError.orderMissing();
        }
        ObjectNode result = Json.object();
        result.put("orderId", Long.toString(order.orderId));
        result.put("orderLinkId", order.clientOrderId == null ? "" : order.clientOrderId);
        return FakeHttp.Response.json(200, Json.ok(result, now));
    }

    /** Open orders, or one order (open or recently closed) by orderId / orderLinkId. */
    FakeHttp.Response realtime(FakeAccount account, Request request, long now) {
        Map<String, String> q = request.query();
        requireSpot(q.get("category"));
        String symbol = q.get("symbol");
        if (symbol != null) market(symbol);
        boolean byId = q.containsKey("orderId") || q.containsKey("orderLinkId");
        boolean openOnly = !"1".equals(q.get("openOnly"));
        List<ObjectNode> rows = orders(account, q, symbol, o -> byId || o.isOpen() == openOnly, byId || !openOnly);
        return page(rows, q, 50, 20, now);
    }

    /** Closed orders (and open ones, which UTA lists too) newest first. */
    FakeHttp.Response history(FakeAccount account, Request request, long now) {
        Map<String, String> q = request.query();
        requireSpot(q.get("category"));
        String symbol = q.get("symbol");
        if (symbol != null) market(symbol);
        return page(orders(account, q, symbol, o -> true, true), q, 50, 20, now);
    }

    /** Executions newest first; orderId before orderLinkId before symbol, as the page says. */
    FakeHttp.Response executions(FakeAccount account, Request request, long now) {
        Map<String, String> q = request.query();
        requireSpot(q.get("category"));
        List<ObjectNode> rows = new ArrayList<>();
        synchronized (engine) {
            List<FakeOrder> orders = new ArrayList<>(engine.orders(account));
            List<Object[]> fills = new ArrayList<>();
            for (FakeOrder o : orders) {
                if (!matches(o, q)) continue;
                for (FakeTrade t : o.trades) fills.add(new Object[] {o, t});
            }
            fills.sort(Comparator.comparingLong((Object[] f) -> ((FakeTrade) f[1]).time())
                    .thenComparingLong(f -> ((FakeTrade) f[1]).tradeId()).reversed());
            for (Object[] f : fills) rows.add(OrderViews.execution((FakeOrder) f[0], (FakeTrade) f[1]));
        }
        return page(rows, q, 100, 50, now);
    }

    private List<ObjectNode> orders(FakeAccount account, Map<String, String> q, String symbol,
                                    java.util.function.Predicate<FakeOrder> keep, boolean withPostOnly) {
        List<Object[]> found = new ArrayList<>();
        synchronized (engine) {
            for (FakeOrder o : engine.orders(account)) {
                if (!keep.test(o) || !matches(o, q)) continue;
                found.add(new Object[] {o.createdAt, OrderViews.order(o, ledger.asSent(o.orderId))});
            }
        }
        if (withPostOnly) {
            for (var p : ledger.postOnly(account)) {
                if (symbol != null && !symbol.equals(p.market().venueSymbol)) continue;
                if (q.containsKey("orderId") && !q.get("orderId").equals(Long.toString(p.orderId()))) continue;
                if (!q.containsKey("orderId") && q.containsKey("orderLinkId")
                        && !q.get("orderLinkId").equals(p.orderLinkId())) continue;
                found.add(new Object[] {p.time(), OrderViews.postOnly(p)});
            }
        }
        found.sort(Comparator.comparingLong((Object[] r) -> (Long) r[0]).reversed());
        return found.stream().map(r -> (ObjectNode) r[1]).toList();
    }

    private static boolean matches(FakeOrder o, Map<String, String> q) {
        if (q.containsKey("orderId")) return q.get("orderId").equals(Long.toString(o.orderId));
        if (q.containsKey("orderLinkId")) return q.get("orderLinkId").equals(o.clientOrderId);
        return !q.containsKey("symbol") || q.get("symbol").equals(o.market.venueSymbol);
    }

    /** Cursor paging: the cursor is the offset of the next row (Bybit's is opaque; clients pass it back as given). */
    private static FakeHttp.Response page(List<ObjectNode> rows, Map<String, String> q, int max, int dflt, long now) {
        int limit;
        int offset;
        try {
            limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : dflt;
            offset = q.containsKey("cursor") && !q.get("cursor").isEmpty() ? Integer.parseInt(q.get("cursor")) : 0;
        } catch (NumberFormatException e) {
            throw BybitError.params("limit and cursor");
        }
        if (limit < 1 || limit > max) throw BybitError.params("limit must be in [1, " + max + "]");
        ObjectNode result = Json.object();
        result.put("category", "spot");
        ArrayNode list = result.putArray("list");
        int end = Math.min(rows.size(), offset + limit);
        for (int i = offset; i < end; i++) list.add(rows.get(i));
        result.put("nextPageCursor", end < rows.size() ? Integer.toString(end) : "");
        return FakeHttp.Response.json(200, Json.ok(result, now));
    }

    private boolean linkIdUsed(FakeAccount account, String linkId) {
        // "always unique": a filled or cancelled order's id is still taken (the engine only checks open ones).
        synchronized (engine) {
            for (FakeOrder o : engine.orders(account)) if (linkId.equals(o.clientOrderId)) return true;
        }
        return ledger.linkIdUsed(account, linkId);
    }

    /** Spot market orders: a buy's qty is quote coin unless marketUnit=baseCoin, a sell's is base coin. */
    private static String marketUnit(JsonNode body, Side side) {
        String unit = text(body, "marketUnit");
        if (unit.isEmpty()) return side == Side.BUY ? "quoteCoin" : "baseCoin";
        if (!unit.equals("baseCoin") && !unit.equals("quoteCoin")) throw BybitError.notValid("marketUnit");
        return unit;
    }

    private BigDecimal toBase(FakeMarket market, Side side, BigDecimal quoteQty) {
        BigDecimal at = side == Side.BUY ? engine.ask(market.venueSymbol) : engine.bid(market.venueSymbol);
        BigDecimal lots = quoteQty.divide(at.multiply(market.lotSize), 0, RoundingMode.DOWN);
        return lots.multiply(market.lotSize);
    }

    private FakeMarket market(String symbol) {
        FakeMarket market = symbol == null ? null : engine.market(symbol);
        if (market == null) throw new BybitError(170121, "Invalid symbol.");
        return market;
    }

    static void requireSpot(String category) {
        if (!"spot".equals(category)) throw BybitError.params("category: this fake serves spot only");
    }

    private static BigDecimal decimal(JsonNode body, String field) {
        String value = text(body, field);
        if (value.isEmpty()) return null;
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw BybitError.notValid(field);
        }
    }

    /** MatchingEngine refusals in the Spot Trade section's codes and words. */
    private static BybitError refusal(Refused refused) {
        return switch (refused.refusal) {
            case UNKNOWN_SYMBOL -> new BybitError(170121, "Invalid symbol.");
            case MARKET_CLOSED -> new BybitError(170151, "The trading pair is not open yet");
            case PRICE_FILTER -> new BybitError(170134, "Order price decimal too long.");
            case LOT_SIZE -> new BybitError(170137, "Order volume decimal too long");
            case MIN_QUANTITY -> new BybitError(170136, "Order quantity lower than the minimum.");
            case MIN_NOTIONAL -> new BybitError(170140, "Order value exceeded lower limit");
            case INSUFFICIENT_BALANCE -> new BybitError(170131, "Balance insufficient");
            case DUPLICATE_CLIENT_ID -> new BybitError(170141, "Duplicate clientOrderId");
            case UNKNOWN_ORDER -> BybitError.orderMissing();
            case NO_TRADE_PERMISSION -> BybitError.permission();
            case WOULD_TAKE -> new BybitError(170218, "The LIMIT-MAKER order is rejected due to invalid price.");
        };
    }
}
