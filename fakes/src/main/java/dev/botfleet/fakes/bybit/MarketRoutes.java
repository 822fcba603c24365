package dev.botfleet.fakes.bybit;

import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.MatchingEngine;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.botfleet.fakes.bybit.Json.num;

/**
 * The public market endpoints: GET /v5/market/time, /v5/market/instruments-info, /v5/market/kline and
 * /v5/market/tickers (https://bybit-exchange.github.io/docs/v5/market/), spot category.
 */
final class MarketRoutes {
    private final MatchingEngine engine;

    MarketRoutes(MatchingEngine engine) {
        this.engine = engine;
    }

    FakeHttp.Response time(Request request, long now) {
        ObjectNode result = Json.object();
        result.put("timeSecond", Long.toString(now / 1000));
        result.put("timeNano", Long.toString(now) + "000000");
        return FakeHttp.Response.json(200, Json.ok(result, now));
    }

    /**
     * Spot lists its Trading pairs only ("Spot has Trading only" for the status filter): a halted market disappears
     * from the list, which is how Bybit shows it.
     */
    FakeHttp.Response instruments(Request request, long now) {
        Map<String, String> q = request.query();
        TradeRoutes.requireSpot(q.get("category"));
        String symbol = q.get("symbol");
        ObjectNode result = Json.object();
        result.put("category", "spot");
        ArrayNode list = result.putArray("list");
        int id = 1;
        for (FakeMarket m : engine.markets()) {
            id++;
            if (!m.trading || (symbol != null && !symbol.equals(m.venueSymbol))) continue;
            ObjectNode n = list.addObject();
            n.put("symbolId", id);
            n.put("symbol", m.venueSymbol);
            n.put("baseCoin", m.base);
            n.put("quoteCoin", m.quote);
            n.put("innovation", "0");
            n.put("status", "Trading");
            n.put("marginTrading", "none");
            n.put("stTag", "0");
            ObjectNode lot = n.putObject("lotSizeFilter");
            lot.put("basePrecision", num(m.lotSize));
            lot.put("quotePrecision", "0.00000001");
            lot.put("minOrderQty", num(m.minQuantity));
            lot.put("maxOrderQty", "1000000");
            lot.put("minOrderAmt", num(m.minNotional));
            lot.put("maxOrderAmt", "100000000");
            lot.put("maxLimitOrderQty", "1000000");
            lot.put("maxMarketOrderQty", "1000000");
            lot.put("postOnlyMaxLimitOrderSize", "5000000");
            n.putObject("priceFilter").put("tickSize", num(m.tickSize));
            ObjectNode risk = n.putObject("riskParameters");
            risk.put("priceLimitRatioX", "0.05");
            risk.put("priceLimitRatioY", "0.1");
            n.put("symbolType", "");
        }
        return FakeHttp.Response.json(200, Json.ok(result, now));
    }

    /**
     * Klines newest first ("Sort in reverse by startTime"); start and end both inclusive; limit [1, 1000], default
     * 200, keeping the newest. The candle in progress is included with its last price as close. The fake keeps 1m
     * candles only, so other intervals are refused.
     */
    FakeHttp.Response klines(Request request, long now) {
        Map<String, String> q = request.query();
        TradeRoutes.requireSpot(q.get("category"));
        String symbol = q.get("symbol");
        if (symbol == null || engine.market(symbol) == null) throw new BybitError(10001, "Not supported symbols");
        if (!"1".equals(q.get("interval"))) throw BybitError.params("interval: the fake keeps 1m candles only");
        long start;
        long end;
        int limit;
        try {
            end = q.containsKey("end") ? Long.parseLong(q.get("end")) : now;
            start = q.containsKey("start") ? Long.parseLong(q.get("start")) : 0;
            limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : 200;
        } catch (NumberFormatException e) {
            throw BybitError.params("start, end and limit are integers");
        }
        if (limit < 1 || limit > 1000) throw BybitError.params("limit must be in [1, 1000]");
        List<Object[]> all = engine.klines(symbol, start - Math.floorMod(start, 60_000L), end + 1, Integer.MAX_VALUE);
        ObjectNode result = Json.object();
        result.put("category", "spot");
        result.put("symbol", symbol);
        ArrayNode list = result.putArray("list");
        for (int i = all.size() - 1; i >= Math.max(0, all.size() - limit); i--) {
            Object[] c = all.get(i);
            if ((Long) c[0] < start) continue;
            ArrayNode row = list.addArray();
            row.add(Long.toString((Long) c[0]));
            for (int k = 1; k <= 5; k++) row.add(num((BigDecimal) c[k]));
            row.add(num(((BigDecimal) c[4]).multiply((BigDecimal) c[5])));
        }
        return FakeHttp.Response.json(200, Json.ok(result, now));
    }

    FakeHttp.Response tickers(Request request, long now) {
        Map<String, String> q = request.query();
        TradeRoutes.requireSpot(q.get("category"));
        String symbol = q.get("symbol");
        ObjectNode result = Json.object();
        result.put("category", "spot");
        ArrayNode list = result.putArray("list");
        for (FakeMarket m : engine.markets()) {
            if (symbol != null && !symbol.equals(m.venueSymbol)) continue;
            ObjectNode n = list.addObject();
            n.put("symbol", m.venueSymbol);
            n.put("bid1Price", num(engine.bid(m.venueSymbol)));
            n.put("bid1Size", "1");
            n.put("ask1Price", num(engine.ask(m.venueSymbol)));
            n.put("ask1Size", "1");
            n.put("lastPrice", num(engine.lastPrice(m.venueSymbol)));
        }
        return FakeHttp.Response.json(200, Json.ok(result, now));
    }
}
