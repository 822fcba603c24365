package dev.botfleet.fakes.delta;

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
import dev.botfleet.fakes.delta.DeltaProducts.Product;
import dev.botfleet.fakes.perp.PerpLedger;
import dev.botfleet.fakes.perp.PerpRefused;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static dev.botfleet.fakes.delta.DeltaJson.text;

/**
 * The order, fill, position, leverage and wallet endpoints of swagger_v2 (host api.india.delta.exchange, base /v2).
 * Error codes are the documented ones where the docs have them (insufficient_margin, immediate_execution_post_only,
 * invalid_contract; open_order_not_found and bad_schema as Delta answers them in public clients). Three are not
 * documented anywhere we could read and are this fake's choice: duplicate_client_order_id, reduce_only_order_rejected
 * and invalid_leverage.
 */
final class DeltaTrading {
    private static final int MAX_CLIENT_ID = 32;
    private static final int MAX_PAGE = 50;

    private final MatchingEngine engine;
    private final PerpLedger ledger;
    private final DeltaProducts products;
    private final Faults faults;

    DeltaTrading(MatchingEngine engine, PerpLedger ledger, DeltaProducts products, Faults faults) {
        this.engine = engine;
        this.ledger = ledger;
        this.products = products;
        this.faults = faults;
    }

    FakeHttp.Response place(FakeAccount account, Request request) {
        JsonNode body = body(request);
        Product p = product(body);
        Side side = switch (text(body, "side")) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw DeltaError.badSchema("side", "side must be buy or sell");
        };
        Type type = switch (text(body, "order_type").isEmpty() ? "market_order" : text(body, "order_type")) {
            case "limit_order" -> Type.LIMIT;
            case "market_order" -> Type.MARKET;
            default -> throw DeltaError.badSchema("order_type", "order_type must be limit_order or market_order");
        };
        JsonNode sizeNode = body.path("size");
        if (!sizeNode.canConvertToLong() || sizeNode.asLong() < 1) {
            throw DeltaError.badSchema("size", "size must be a positive integer (contracts)");
        }
        BigDecimal quantity = DeltaProducts.base(p, sizeNode.asLong());
        FakeMarket market = engine.market(p.symbol());
        BigDecimal price = null;
        if (type == Type.LIMIT) {
            String raw = text(body, "limit_price");
            try {
                price = new BigDecimal(raw);
            } catch (NumberFormatException e) {
                throw DeltaError.badSchema("limit_price", "limit_price is required for limit orders");
            }
            if (price.signum() <= 0) throw DeltaError.badSchema("limit_price", "limit_price must be positive");
            if (price.remainder(market.tickSize).signum() != 0) {
                throw DeltaError.badSchema("limit_price", "limit_price must be a multiple of tick_size "
                        + market.tickSize.toPlainString());
            }
        }
        String tifText = text(body, "time_in_force").isEmpty() ? "gtc" : text(body, "time_in_force");
        if (!tifText.equals("gtc") && !tifText.equals("ioc")) {
            throw DeltaError.badSchema("time_in_force", "time_in_force must be gtc or ioc (fok was removed)");
        }
        TimeInForce tif = DeltaJson.flag(body, "post_only") ? TimeInForce.POST_ONLY
                : tifText.equals("ioc") ? TimeInForce.IOC : TimeInForce.GTC;
        String cid = text(body, "client_order_id");
        if (cid.isEmpty()) cid = null;
        if (cid != null && cid.length() > MAX_CLIENT_ID) {
            throw DeltaError.badSchema("client_order_id", "client_order_id is restricted to max 32 length");
        }
        if (cid != null && used(account, cid)) throw DeltaError.coded(400, "duplicate_client_order_id");
        if (!market.trading) throw DeltaError.coded(400, "invalid_contract");
        FakeOrder order;
        try {
            order = engine.place(account, p.symbol(), cid, side, type, tif, price, quantity,
                    DeltaJson.flag(body, "reduce_only"));
        } catch (Refused refused) {
            throw switch (refused.refusal) {
                case WOULD_TAKE -> DeltaError.coded(400, "immediate_execution_post_only");
                case UNKNOWN_SYMBOL, MARKET_CLOSED -> DeltaError.coded(400, "invalid_contract");
                case NO_TRADE_PERMISSION -> DeltaError.flat(401, "UnauthorizedApiAccess",
                        "Api Key not authorised to access this endpoint", Map.of());
                default -> DeltaError.badSchema("size", refused.getMessage());
            };
        } catch (PerpRefused refused) {
            throw switch (refused.reason) {
                case INSUFFICIENT_MARGIN -> insufficientMargin(account, p, quantity, price);
                case REDUCE_ONLY_WOULD_INCREASE, REDUCE_ONLY_WOULD_FLIP -> DeltaError.coded(400,
                        "reduce_only_order_rejected", context("message", refused.getMessage()));
                default -> DeltaError.coded(400, "invalid_contract");
            };
        }
        if (faults.take(Faults.Kind.LOSE_PLACE_ANSWER)) return FakeHttp.DROP;
        return ok(DeltaViews.order(order, p));
    }

    FakeHttp.Response cancel(FakeAccount account, Request request) {
        JsonNode body = body(request);
        Product p = product(body);
        Long id = body.path("id").canConvertToLong() ? body.path("id").asLong() : null;
        String cid = text(body, "client_order_id");
        if (id == null && cid.isEmpty()) throw DeltaError.badSchema("id", "id or client_order_id is required");
        try {
            return ok(DeltaViews.order(engine.cancel(account, p.symbol(), id == null ? cid : null, id), p));
        } catch (Refused refused) {
            throw DeltaError.coded(400, "open_order_not_found");
        }
    }

    /** GET /v2/orders: the account's open orders, newest first, optionally of some products. */
    FakeHttp.Response openOrders(FakeAccount account, Request request) {
        List<Product> wanted = productIds(request.query().get("product_ids"));
        ArrayNode out = DeltaJson.array();
        List<FakeOrder> open = new ArrayList<>(engine.openOrders(account, null));
        open.sort(Comparator.comparingLong((FakeOrder o) -> o.orderId).reversed());
        synchronized (engine) {
            for (FakeOrder o : open) {
                Product p = products.bySymbol(o.market.venueSymbol);
                if (wanted.isEmpty() || wanted.contains(p)) out.add(DeltaViews.order(o, p));
            }
        }
        ObjectNode meta = DeltaJson.object();
        meta.putNull("after");
        meta.putNull("before");
        return FakeHttp.Response.json(200, DeltaJson.ok(out, meta));
    }

    FakeHttp.Response byClientId(FakeAccount account, Request request) {
        String cid = request.path().substring("/v2/orders/client_order_id/".length());
        return one(account, o -> cid.equals(o.clientOrderId));
    }

    FakeHttp.Response byId(FakeAccount account, Request request) {
        String rest = request.path().substring("/v2/orders/".length());
        long id;
        try {
            id = Long.parseLong(rest);
        } catch (NumberFormatException e) {
            throw DeltaError.coded(404, "not_found");
        }
        return one(account, o -> o.orderId == id);
    }

    private FakeHttp.Response one(FakeAccount account, java.util.function.Predicate<FakeOrder> which) {
        synchronized (engine) {
            List<FakeOrder> mine = engine.orders(account);
            for (int i = mine.size() - 1; i >= 0; i--) {
                FakeOrder o = mine.get(i);
                if (which.test(o)) return ok(DeltaViews.order(o, products.bySymbol(o.market.venueSymbol)));
            }
        }
        throw DeltaError.coded(404, "not_found");
    }

    /**
     * GET /v2/fills: newest first, at most page_size (50) per page, {@code after} is the cursor of the next (older)
     * page; product_ids, start_time and end_time (µs) filter.
     */
    FakeHttp.Response fills(FakeAccount account, Request request) {
        Map<String, String> q = request.query();
        List<Product> wanted = productIds(q.get("product_ids"));
        long start = longParam(q, "start_time", Long.MIN_VALUE);
        long end = longParam(q, "end_time", Long.MAX_VALUE);
        long after = longParam(q, "after", Long.MAX_VALUE);
        int size = (int) Math.min(MAX_PAGE, Math.max(1, longParam(q, "page_size", MAX_PAGE)));
        List<FakeTrade> all = new ArrayList<>();
        for (Product p : products.all()) {
            if (wanted.isEmpty() || wanted.contains(p)) all.addAll(engine.trades(account, p.symbol()));
        }
        all.removeIf(t -> DeltaViews.micros(t.time()) < start || DeltaViews.micros(t.time()) > end
                || t.tradeId() >= after);
        all.sort(Comparator.comparingLong(FakeTrade::tradeId).reversed());
        ArrayNode out = DeltaJson.array();
        for (FakeTrade t : all.subList(0, Math.min(size, all.size()))) {
            out.add(DeltaViews.fill(t, products.bySymbol(t.venueSymbol())));
        }
        ObjectNode meta = DeltaJson.object();
        if (all.size() > size) meta.put("after", Long.toString(all.get(size - 1).tradeId()));
        else meta.putNull("after");
        return FakeHttp.Response.json(200, DeltaJson.ok(out, meta));
    }

    /** GET /v2/positions?product_id= : size and entry price only (the changelog: "returns only size and entry price"). */
    FakeHttp.Response position(FakeAccount account, Request request) {
        String id = request.query().get("product_id");
        if (id == null) throw DeltaError.badSchema("product_id", "product_id or underlying_asset_symbol is required");
        Product p = productById(id);
        var pos = ledger.position(account, p.symbol());
        ObjectNode n = DeltaJson.object();
        n.put("size", DeltaProducts.contracts(p, pos.size()));
        n.put("entry_price", pos.isFlat() ? null : DeltaJson.num(pos.entryPrice()));
        return ok(n);
    }

    /** GET /v2/positions/margined: every open position with its margin figures. */
    FakeHttp.Response margined(FakeAccount account, Request request) {
        List<Product> wanted = productIds(request.query().get("product_ids"));
        ArrayNode out = DeltaJson.array();
        for (var pos : ledger.positions(account)) {
            Product p = products.bySymbol(pos.venueSymbol());
            if (pos.isFlat() || (!wanted.isEmpty() && !wanted.contains(p))) continue;
            out.add(DeltaViews.position(pos, p, account.apiKey));
        }
        return FakeHttp.Response.json(200, DeltaJson.ok(out));
    }

    FakeHttp.Response leverage(FakeAccount account, Request request) {
        Product p = leverageProduct(request);
        if (request.method().equals("POST")) {
            JsonNode body = body(request);
            BigDecimal leverage;
            try {
                leverage = new BigDecimal(text(body, "leverage"));
            } catch (NumberFormatException e) {
                throw DeltaError.badSchema("leverage", "leverage is required");
            }
            try {
                ledger.setLeverage(account, p.symbol(), leverage);
            } catch (PerpRefused refused) {
                throw refused.reason == PerpRefused.Reason.INSUFFICIENT_MARGIN
                        ? DeltaError.coded(400, "insufficient_margin")
                        : DeltaError.coded(400, "invalid_leverage", context("message", refused.getMessage()));
            }
        }
        ObjectNode n = DeltaJson.object();
        n.put("leverage", DeltaJson.num(ledger.leverage(account, p.symbol())));
        n.put("order_margin", DeltaJson.num(ledger.orderMargin(account, p.symbol())));
        n.put("product_id", p.id());
        return ok(n);
    }

    /** GET /v2/wallet/balances: the settle asset (USD) with the margin it has blocked. */
    FakeHttp.Response balances(FakeAccount account, Request request) {
        ArrayNode out = DeltaJson.array();
        BigDecimal equity = BigDecimal.ZERO;
        for (var e : account.balances().entrySet()) {
            BigDecimal free = e.getValue()[0];
            BigDecimal locked = e.getValue()[1];
            ObjectNode n = out.addObject();
            n.put("asset_id", DeltaProducts.SETTLE.equals(e.getKey()) ? 14 : e.getKey().hashCode() & 0xffff);
            n.put("asset_symbol", e.getKey());
            n.put("balance", DeltaJson.num(free.add(locked)));
            n.put("available_balance", DeltaJson.num(free));
            n.put("blocked_margin", DeltaJson.num(locked));
            n.put("order_margin", DeltaJson.num(ledger.orderMargin(account, null)));
            n.put("position_margin", DeltaJson.num(ledger.positionMargin(account)));
            n.put("commission", "0");
            n.put("user_id", DeltaViews.userId(account.apiKey));
            equity = equity.add(free.add(locked));
        }
        ObjectNode meta = DeltaJson.object();
        meta.put("net_equity", DeltaJson.num(equity));
        return FakeHttp.Response.json(200, DeltaJson.ok(out, meta));
    }

    /** GET /v2/wallet/transactions?transaction_types=funding: the account's funding settlements, newest first. */
    FakeHttp.Response transactions(FakeAccount account, Request request) {
        String types = request.query().getOrDefault("transaction_types", "");
        ArrayNode out = DeltaJson.array();
        if (types.isEmpty() || types.contains("funding")) {
            long start = longParam(request.query(), "start_time", Long.MIN_VALUE);
            var all = new ArrayList<>(ledger.fundings(account));
            all.sort(Comparator.comparingLong(dev.botfleet.fakes.perp.FundingRecord::id).reversed());
            for (var f : all) {
                if (DeltaViews.micros(f.time()) < start) continue;
                Product p = products.bySymbol(f.venueSymbol());
                ObjectNode n = out.addObject();
                n.put("id", f.id());
                n.put("amount", DeltaJson.num(f.amount()));
                n.put("transaction_type", "funding");
                n.put("product_id", p.id());
                n.put("asset_symbol", f.settleAsset());
                n.put("created_at", Long.toString(DeltaViews.micros(f.time())));
                ObjectNode meta = n.putObject("meta_data");
                meta.put("product_symbol", p.symbol());
                meta.put("funding_rate", DeltaJson.num(f.rate()));
                meta.put("mark_price", DeltaJson.num(f.markPrice()));
                meta.put("size", DeltaProducts.contracts(p, f.size()));
            }
        }
        ObjectNode meta = DeltaJson.object();
        meta.putNull("after");
        return FakeHttp.Response.json(200, DeltaJson.ok(out, meta));
    }

    private DeltaError insufficientMargin(FakeAccount account, Product p, BigDecimal quantity, BigDecimal price) {
        ObjectNode c = DeltaJson.object();
        c.put("available_balance", DeltaJson.num(account.free(DeltaProducts.SETTLE)));
        BigDecimal at = price != null ? price : engine.lastPrice(p.symbol());
        c.put("required_additional_balance", DeltaJson.num(quantity.multiply(at)
                .divide(ledger.leverage(account, p.symbol()), 8, java.math.RoundingMode.UP)
                .subtract(account.free(DeltaProducts.SETTLE)).max(BigDecimal.ZERO)));
        return DeltaError.coded(400, "insufficient_margin", c);
    }

    private boolean used(FakeAccount account, String cid) {
        for (FakeOrder o : engine.orders(account)) if (cid.equals(o.clientOrderId)) return true;
        return false;
    }

    private Product product(JsonNode body) {
        Product p = body.path("product_id").canConvertToInt() ? products.byId(body.path("product_id").asInt())
                : products.bySymbol(text(body, "product_symbol"));
        if (p == null) throw DeltaError.coded(400, "invalid_contract");
        return p;
    }

    private Product productById(String id) {
        try {
            Product p = products.byId(Integer.parseInt(id.trim()));
            if (p != null) return p;
        } catch (NumberFormatException ignored) {
            // falls through to the refusal
        }
        throw DeltaError.coded(400, "invalid_contract");
    }

    private Product leverageProduct(Request request) {
        String rest = request.path().substring("/v2/products/".length());
        int slash = rest.indexOf('/');
        if (slash < 0 || !rest.substring(slash).equals("/orders/leverage")) throw DeltaError.coded(404, "not_found");
        return productById(rest.substring(0, slash));
    }

    private List<Product> productIds(String csv) {
        List<Product> out = new ArrayList<>();
        if (csv == null || csv.isBlank()) return out;
        String[] ids = csv.split(",");
        if (ids.length > 10) throw DeltaError.badSchema("product_ids", "at most 10 product ids");
        for (String id : ids) out.add(productById(id));
        return out;
    }

    static JsonNode body(Request request) {
        try {
            return DeltaJson.parse(request.body());
        } catch (RuntimeException e) {
            throw DeltaError.badSchema("", "body is not JSON");
        }
    }

    private static long longParam(Map<String, String> q, String name, long fallback) {
        try {
            return q.containsKey(name) ? Long.parseLong(q.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw DeltaError.badSchema(name, name + " must be an integer");
        }
    }

    private static ObjectNode context(String key, String value) {
        ObjectNode c = DeltaJson.object();
        c.put(key, value);
        return c;
    }

    private static FakeHttp.Response ok(JsonNode result) {
        return FakeHttp.Response.json(200, DeltaJson.ok(result));
    }
}
