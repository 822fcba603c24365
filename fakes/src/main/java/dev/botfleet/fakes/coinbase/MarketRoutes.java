package dev.botfleet.fakes.coinbase;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.MatchingEngine;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reference data, market data and the account: Get Server Time, List/Get Product(s) (also as the public
 * /market/... forms), Get Product Candles, List Accounts and Get API Key Permissions.
 */
final class MarketRoutes {
    /** "granularity" values and their lengths; the fake's engine keeps 1m candles, so only ONE_MINUTE is served. */
    static final Map<String, Long> GRANULARITY = Map.of("ONE_MINUTE", 60L);
    /** Get Product Candles answers at most 350 candles. */
    static final int MAX_CANDLES = 350;

    private final MatchingEngine engine;

    MarketRoutes(MatchingEngine engine) {
        this.engine = engine;
    }

    /** {"iso", "epochSeconds", "epochMillis"} (Get Server Time). */
    Response time(Request request, long now) {
        ObjectNode n = CbJson.object();
        n.put("iso", CbJson.time(now));
        n.put("epochSeconds", Long.toString(now / 1000));
        n.put("epochMillis", Long.toString(now));
        return Response.json(200, CbJson.write(n));
    }

    Response products(Request request, long now) {
        ObjectNode root = CbJson.object();
        ArrayNode list = root.putArray("products");
        for (FakeMarket m : engine.markets()) list.add(product(m));
        root.put("num_products", list.size());
        return Response.json(200, CbJson.write(root));
    }

    /** /products/{id} and /products/{id}/candles under one prefix route. */
    Response productOrCandles(Request request, long now) {
        String rest = request.path().substring(request.path().indexOf("/products/") + "/products/".length());
        if (rest.endsWith("/candles")) return candles(rest.substring(0, rest.length() - "/candles".length()), request, now);
        FakeMarket m = engine.market(rest);
        if (m == null) return Response.json(404, CbJson.error("NOT_FOUND", "ProductID " + rest + " could not be found"));
        return Response.json(200, CbJson.write(product(m)));
    }

    /**
     * start and end in UNIX seconds (required), granularity, limit (at most 350). Newest first, each {"start" (seconds),
     * "low", "high", "open", "close", "volume"}; the candle still open is included, as on Coinbase.
     */
    private Response candles(String productId, Request request, long now) {
        if (engine.market(productId) == null) {
            return Response.json(404, CbJson.error("NOT_FOUND", "ProductID " + productId + " could not be found"));
        }
        Map<String, String> q = request.query();
        Long length = GRANULARITY.get(q.getOrDefault("granularity", ""));
        if (length == null || !q.containsKey("start") || !q.containsKey("end")) {
            return Response.json(400, CbJson.error("INVALID_ARGUMENT", "start, end and a supported granularity are required"));
        }
        long start = Long.parseLong(q.get("start")) * 1000;
        long end = Long.parseLong(q.get("end")) * 1000;
        int limit = Math.min(MAX_CANDLES, Integer.parseInt(q.getOrDefault("limit", Integer.toString(MAX_CANDLES))));
        if ((end - start) / (length * 1000) > MAX_CANDLES) {
            return Response.json(400, CbJson.error("INVALID_ARGUMENT", "number of candles requested should be less than 350"));
        }
        List<Object[]> rows = engine.klines(productId, start, end, 100_000);
        ObjectNode root = CbJson.object();
        ArrayNode out = root.putArray("candles");
        for (int i = rows.size() - 1; i >= 0 && out.size() < limit; i--) {
            Object[] r = rows.get(i);
            ObjectNode c = out.addObject();
            c.put("start", Long.toString((Long) r[0] / 1000));
            c.put("low", CbJson.num((BigDecimal) r[3]));
            c.put("high", CbJson.num((BigDecimal) r[2]));
            c.put("open", CbJson.num((BigDecimal) r[1]));
            c.put("close", CbJson.num((BigDecimal) r[4]));
            c.put("volume", CbJson.num((BigDecimal) r[5]));
        }
        return Response.json(200, CbJson.write(root));
    }

    /** The Get Product record: increments, minimum sizes, status and trading_disabled. */
    private ObjectNode product(FakeMarket m) {
        ObjectNode p = CbJson.object();
        p.put("product_id", m.venueSymbol);
        p.put("price", CbJson.num(engine.lastPrice(m.venueSymbol)));
        p.put("base_increment", CbJson.num(m.lotSize));
        p.put("quote_increment", CbJson.num(m.tickSize));
        p.put("price_increment", CbJson.num(m.tickSize));
        p.put("base_min_size", CbJson.num(m.minQuantity));
        p.put("base_max_size", "1000000");
        p.put("quote_min_size", CbJson.num(m.minNotional));
        p.put("quote_max_size", "100000000");
        p.put("base_currency_id", m.base);
        p.put("quote_currency_id", m.quote);
        p.put("base_display_symbol", m.base);
        p.put("quote_display_symbol", m.quote);
        p.put("status", m.trading ? "online" : "offline");
        p.put("trading_disabled", !m.trading);
        p.put("is_disabled", false);
        p.put("cancel_only", false);
        p.put("limit_only", false);
        p.put("post_only", false);
        p.put("auction_mode", false);
        p.put("product_type", "SPOT");
        return p;
    }

    /** List Accounts: one per currency, available_balance and hold as {value, currency}. */
    Response accounts(FakeAccount account, Request request, long now) {
        ObjectNode root = CbJson.object();
        ArrayNode list = root.putArray("accounts");
        for (Map.Entry<String, BigDecimal[]> e : account.balances().entrySet()) {
            ObjectNode a = list.addObject();
            a.put("uuid", "acct-" + e.getKey());
            a.put("name", e.getKey() + " Wallet");
            a.put("currency", e.getKey());
            ObjectNode available = a.putObject("available_balance");
            available.put("value", CbJson.num(e.getValue()[0]));
            available.put("currency", e.getKey());
            a.put("default", true);
            a.put("active", true);
            a.put("type", "ACCOUNT_TYPE_CRYPTO");
            a.put("ready", true);
            ObjectNode hold = a.putObject("hold");
            hold.put("value", CbJson.num(e.getValue()[1]));
            hold.put("currency", e.getKey());
        }
        root.put("has_next", false);
        root.put("cursor", "");
        root.put("size", list.size());
        return Response.json(200, CbJson.write(root));
    }

    /** Get API Key Permissions: can_view, can_trade, can_transfer. */
    Response keyPermissions(FakeAccount account, Request request, long now) {
        ObjectNode n = CbJson.object();
        n.put("can_view", true);
        n.put("can_trade", account.canTrade);
        n.put("can_transfer", account.canWithdraw);
        n.put("portfolio_uuid", "fake-portfolio");
        n.put("portfolio_type", "DEFAULT");
        return Response.json(200, CbJson.write(n));
    }
}
