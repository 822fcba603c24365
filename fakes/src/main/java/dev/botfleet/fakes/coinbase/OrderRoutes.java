package dev.botfleet.fakes.coinbase;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.MatchingEngine.Refused;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Orders under /api/v3/brokerage/orders: Create Order (HTTP 200 with {"success": true, "success_response": {...}} or
 * {"success": false, "error_response": {...}}), Cancel Orders (batch_cancel, one result per id), Get Order
 * (historical/{order_id}), List Orders (historical/batch, filters product_ids, order_status, order_ids), List Fills
 * (historical/fills, filters order_ids, product_ids).
 *
 * <p>client_order_id, as the Create Order reference says: "If the ID provided is not unique, the order will not be
 * created and the order corresponding with that ID will be returned instead" — whatever that order's state.
 */
final class OrderRoutes {
    private final MatchingEngine engine;
    private final Faults faults;
    /** Per account: client_order_id -> engine order id, for every order ever created. */
    private final Map<FakeAccount, Map<String, Long>> byClientId = new ConcurrentHashMap<>();
    /** The order_configuration each order was created with, as sent. */
    private final Map<Long, JsonNode> configurations = new ConcurrentHashMap<>();

    OrderRoutes(MatchingEngine engine, Faults faults) {
        this.engine = engine;
        this.faults = faults;
    }

    JsonNode configuration(long orderId) { return configurations.get(orderId); }

    Response create(FakeAccount account, Request request) {
        JsonNode body = CbJson.parse(request.body().isEmpty() ? "{}" : request.body());
        String clientId = body.path("client_order_id").asString("");
        String productId = body.path("product_id").asString("");
        String side = body.path("side").asString("");
        if (clientId.isEmpty()) return failure("INVALID_REQUEST", "client_order_id is required", productId, side, clientId);
        Long existing = byClientId.computeIfAbsent(account, a -> new ConcurrentHashMap<>()).get(clientId);
        if (existing != null) {
            FakeOrder o = find(account, existing);
            return success(o.orderId, productId(o), o.side.name(), clientId, configurations.get(o.orderId));
        }
        FakeMarket market = engine.market(productId);
        if (market == null) return failure("INVALID_PRODUCT_ID", "Product not found", productId, side, clientId);
        if (!side.equals("BUY") && !side.equals("SELL")) {
            return failure("INVALID_SIDE", "side must be BUY or SELL", productId, side, clientId);
        }
        FakeOrder.Side s = FakeOrder.Side.valueOf(side);
        JsonNode config = body.path("order_configuration");
        FakeOrder.Type type;
        FakeOrder.TimeInForce tif;
        JsonNode terms;
        if (config.has("market_market_ioc")) {
            terms = config.get("market_market_ioc");
            type = FakeOrder.Type.MARKET;
            tif = FakeOrder.TimeInForce.IOC;
        } else if (config.has("limit_limit_gtc")) {
            terms = config.get("limit_limit_gtc");
            type = FakeOrder.Type.LIMIT;
            tif = terms.path("post_only").asBoolean(false) ? FakeOrder.TimeInForce.POST_ONLY : FakeOrder.TimeInForce.GTC;
        } else if (config.has("sor_limit_ioc")) {
            terms = config.get("sor_limit_ioc");
            type = FakeOrder.Type.LIMIT;
            tif = FakeOrder.TimeInForce.IOC;
        } else if (config.has("limit_limit_fok")) {
            terms = config.get("limit_limit_fok");
            type = FakeOrder.Type.LIMIT;
            tif = FakeOrder.TimeInForce.FOK;
        } else {
            return failure("UNSUPPORTED_ORDER_CONFIGURATION", "order_configuration is not supported", productId, side,
                    clientId);
        }
        BigDecimal price = null;
        BigDecimal size;
        try {
            if (type == FakeOrder.Type.LIMIT) price = new BigDecimal(terms.path("limit_price").asString(""));
            String base = terms.path("base_size").asString("");
            String quote = terms.path("quote_size").asString("");
            if (!base.isEmpty()) {
                size = new BigDecimal(base);
            } else if (!quote.isEmpty() && type == FakeOrder.Type.MARKET && s == FakeOrder.Side.BUY) {
                size = new BigDecimal(quote).divide(engine.ask(productId), market.lotSize.scale(), RoundingMode.DOWN);
            } else {
                return failure("INVALID_REQUEST", "base_size is required", productId, side, clientId);
            }
        } catch (NumberFormatException e) {
            return failure("INVALID_REQUEST", "sizes and prices are decimal strings", productId, side, clientId);
        }
        if (price != null && price.scale() > market.tickSize.stripTrailingZeros().scale()
                || price != null && price.remainder(market.tickSize).signum() != 0) {
            return failure("INVALID_PRICE_PRECISION", "Too many decimals in order price (price increment "
                    + CbJson.num(market.tickSize) + ")", productId, side, clientId);
        }
        if (size.remainder(market.lotSize).signum() != 0) {
            return failure("INVALID_SIZE_PRECISION", "Too many decimals in order amount (base increment "
                    + CbJson.num(market.lotSize) + ")", productId, side, clientId);
        }
        FakeOrder order;
        try {
            order = engine.place(account, productId, clientId, s, type, tif, price, size);
        } catch (Refused r) {
            return switch (r.refusal) {
                case INSUFFICIENT_BALANCE -> failure("INSUFFICIENT_FUND", "Insufficient balance in source account",
                        productId, side, clientId);
                case MARKET_CLOSED -> failure("ORDER_ENTRY_DISABLED", "Trading is disabled for this product",
                        productId, side, clientId);
                case MIN_QUANTITY, LOT_SIZE -> failure("INVALID_SIZE_PRECISION", "Order size is below base_min_size "
                        + CbJson.num(market.minQuantity), productId, side, clientId);
                case MIN_NOTIONAL -> failure("INVALID_REQUEST", "Order value is below quote_min_size "
                        + CbJson.num(market.minNotional), productId, side, clientId);
                case WOULD_TAKE -> failure("INVALID_LIMIT_PRICE_POST_ONLY", "Post-only order would cross the book",
                        productId, side, clientId);
                case NO_TRADE_PERMISSION -> failure("PERMISSION_DENIED", "The key has no trade permission",
                        productId, side, clientId);
                default -> failure("UNKNOWN_FAILURE_REASON", r.getMessage(), productId, side, clientId);
            };
        }
        byClientId.get(account).put(clientId, order.orderId);
        configurations.put(order.orderId, config);
        if (faults.take(Faults.Kind.LOSE_PLACE_ANSWER)) return FakeHttp.DROP;
        return success(order.orderId, productId, side, clientId, config);
    }

    /** POST batch_cancel {"order_ids": [...]}: {"results": [{"success", "failure_reason", "order_id"}]}. */
    Response cancel(FakeAccount account, Request request) {
        JsonNode body = CbJson.parse(request.body().isEmpty() ? "{}" : request.body());
        ObjectNode root = CbJson.object();
        ArrayNode results = root.putArray("results");
        for (JsonNode idNode : body.path("order_ids")) {
            String id = idNode.asString("");
            ObjectNode r = results.addObject();
            r.put("order_id", id);
            FakeOrder o = find(account, CbJson.engineId(id));
            try {
                if (o == null) {
                    r.put("success", false);
                    r.put("failure_reason", "UNKNOWN_CANCEL_ORDER");
                    continue;
                }
                engine.cancel(account, o.market.venueSymbol, null, o.orderId);
                r.put("success", true);
                r.put("failure_reason", "UNKNOWN_CANCEL_FAILURE_REASON");
            } catch (Refused e) {
                r.put("success", false);
                r.put("failure_reason", "UNKNOWN_CANCEL_ORDER");
            }
        }
        return Response.json(200, CbJson.write(root));
    }

    /** GET historical/{order_id}: {"order": {...}}, or 404 NOT_FOUND. */
    Response get(FakeAccount account, Request request) {
        String id = request.path().substring(request.path().lastIndexOf('/') + 1);
        FakeOrder o = find(account, CbJson.engineId(id));
        if (o == null) return Response.json(404, CbJson.error("NOT_FOUND", "order with this orderID was not found"));
        ObjectNode root = CbJson.object();
        root.set("order", CbJson.order(o, configurations.get(o.orderId)));
        return Response.json(200, CbJson.write(root));
    }

    /** GET historical/batch: newest first; cursor paging by offset; has_next says whether more follow. */
    Response list(FakeAccount account, Request request) {
        Map<String, List<String>> q = multi(request.rawQuery());
        List<FakeOrder> rows = new ArrayList<>(engine.orders(account));
        rows.sort((a, b) -> Long.compare(b.orderId, a.orderId));
        rows.removeIf(o -> q.containsKey("product_ids") && !q.get("product_ids").contains(o.market.venueSymbol));
        rows.removeIf(o -> q.containsKey("order_status") && !q.get("order_status").contains(CbJson.status(o)));
        rows.removeIf(o -> q.containsKey("order_ids") && !q.get("order_ids").contains(CbJson.orderId(o.orderId)));
        int limit = Math.max(1, Math.min(1000, Integer.parseInt(first(q, "limit", "100"))));
        int offset = Integer.parseInt(first(q, "cursor", "0").isEmpty() ? "0" : first(q, "cursor", "0"));
        ObjectNode root = CbJson.object();
        ArrayNode orders = root.putArray("orders");
        for (int i = offset; i < Math.min(rows.size(), offset + limit); i++) {
            orders.add(CbJson.order(rows.get(i), configurations.get(rows.get(i).orderId)));
        }
        boolean more = offset + limit < rows.size();
        root.put("sequence", "0");
        root.put("has_next", more);
        root.put("cursor", more ? Integer.toString(offset + limit) : "");
        return Response.json(200, CbJson.write(root));
    }

    /** GET historical/fills: newest first (sort_by TRADE_TIME), filters order_ids and product_ids, cursor paging. */
    Response fills(FakeAccount account, Request request) {
        Map<String, List<String>> q = multi(request.rawQuery());
        List<FakeTrade> rows = new ArrayList<>();
        for (FakeOrder o : engine.orders(account)) {
            if (q.containsKey("order_ids") && !q.get("order_ids").contains(CbJson.orderId(o.orderId))) continue;
            if (q.containsKey("product_ids") && !q.get("product_ids").contains(o.market.venueSymbol)) continue;
            synchronized (engine) {
                rows.addAll(o.trades);
            }
        }
        rows.sort((a, b) -> Long.compare(b.tradeId(), a.tradeId()));
        int limit = Math.max(1, Math.min(1000, Integer.parseInt(first(q, "limit", "100"))));
        int offset = Integer.parseInt(first(q, "cursor", "0").isEmpty() ? "0" : first(q, "cursor", "0"));
        ObjectNode root = CbJson.object();
        ArrayNode fills = root.putArray("fills");
        for (int i = offset; i < Math.min(rows.size(), offset + limit); i++) fills.add(CbJson.fill(rows.get(i)));
        root.put("cursor", offset + limit < rows.size() ? Integer.toString(offset + limit) : "");
        return Response.json(200, CbJson.write(root));
    }

    private FakeOrder find(FakeAccount account, long engineId) {
        if (engineId < 0) return null;
        for (FakeOrder o : engine.orders(account)) if (o.orderId == engineId) return o;
        return null;
    }

    private static String productId(FakeOrder o) { return o.market.venueSymbol; }

    private static Response success(long orderId, String productId, String side, String clientId, JsonNode config) {
        ObjectNode root = CbJson.object();
        root.put("success", true);
        ObjectNode ok = root.putObject("success_response");
        ok.put("order_id", CbJson.orderId(orderId));
        ok.put("product_id", productId);
        ok.put("side", side);
        ok.put("client_order_id", clientId);
        root.set("order_configuration", config == null ? CbJson.object() : config);
        return Response.json(200, CbJson.write(root));
    }

    /** A refused create: HTTP 200, success false, the reason in error_response (Create Order reference). */
    private static Response failure(String error, String message, String productId, String side, String clientId) {
        ObjectNode root = CbJson.object();
        root.put("success", false);
        root.put("failure_reason", "UNKNOWN_FAILURE_REASON");
        root.put("order_id", "");
        ObjectNode err = root.putObject("error_response");
        err.put("error", error);
        err.put("message", message);
        err.put("error_details", message);
        err.put("preview_failure_reason", "PREVIEW_" + error);
        err.put("new_order_failure_reason", error);
        return Response.json(200, CbJson.write(root));
    }

    /** Query parameters with repeats kept (order_ids=a&order_ids=b), as list filters are sent. */
    static Map<String, List<String>> multi(String raw) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            Map<String, String> one = FakeHttp.decodeForm(pair);
            one.forEach((k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        return out;
    }

    private static String first(Map<String, List<String>> q, String key, String otherwise) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() ? otherwise : v.getFirst();
    }
}
