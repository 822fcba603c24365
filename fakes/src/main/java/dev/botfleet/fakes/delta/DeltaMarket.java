package dev.botfleet.fakes.delta;

import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.delta.DeltaProducts.Product;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.LongSupplier;

/** Public REST: GET /v2/products, /v2/tickers[/{symbol}], /v2/history/candles (start/end in epoch seconds). */
final class DeltaMarket {
    private final MatchingEngine engine;
    private final DeltaProducts products;
    private final LongSupplier clock;

    DeltaMarket(MatchingEngine engine, DeltaProducts products, LongSupplier clock) {
        this.engine = engine;
        this.products = products;
        this.clock = clock;
    }

    FakeHttp.Response products(Request request) {
        ArrayNode out = DeltaJson.array();
        for (Product p : products.all()) out.add(products.json(p));
        ObjectNode meta = DeltaJson.object();
        meta.putNull("after");
        meta.putNull("before");
        return FakeHttp.Response.json(200, DeltaJson.ok(out, meta));
    }

    FakeHttp.Response tickers(Request request) {
        ArrayNode out = DeltaJson.array();
        for (Product p : products.all()) out.add(ticker(p));
        return FakeHttp.Response.json(200, DeltaJson.ok(out));
    }

    FakeHttp.Response ticker(Request request) {
        Product p = products.bySymbol(request.path().substring("/v2/tickers/".length()));
        if (p == null) throw DeltaError.coded(404, "not_found");
        return FakeHttp.Response.json(200, DeltaJson.ok(ticker(p)));
    }

    private ObjectNode ticker(Product p) {
        ObjectNode t = DeltaJson.object();
        BigDecimal last = engine.lastPrice(p.symbol());
        t.put("symbol", p.symbol());
        t.put("product_id", p.id());
        t.put("contract_type", "perpetual_futures");
        t.put("close", DeltaJson.num(last));
        t.put("mark_price", DeltaJson.num(last));
        t.put("spot_price", DeltaJson.num(last));
        t.put("timestamp", clock.getAsLong() * 1000);
        ObjectNode quotes = t.putObject("quotes");
        quotes.put("best_bid", DeltaJson.num(engine.bid(p.symbol())));
        quotes.put("best_ask", DeltaJson.num(engine.ask(p.symbol())));
        return t;
    }

    /** Candles with start <= time <= end (seconds), oldest first; volume in contracts; at most 2000. */
    FakeHttp.Response candles(Request request) {
        Map<String, String> q = request.query();
        if (!"1m".equals(q.get("resolution"))) throw DeltaError.badSchema("resolution", "the fake serves 1m only");
        Product p = products.bySymbol(q.getOrDefault("symbol", ""));
        if (p == null) throw DeltaError.coded(400, "invalid_contract");
        long start;
        long end;
        try {
            start = Long.parseLong(q.get("start"));
            end = Long.parseLong(q.get("end"));
        } catch (RuntimeException e) {
            throw DeltaError.badSchema("start", "start and end (epoch seconds) are required");
        }
        ArrayNode out = DeltaJson.array();
        for (Object[] k : engine.klines(p.symbol(), start * 1000, end * 1000 + 1, 2000)) {
            ObjectNode c = out.addObject();
            c.put("time", (Long) k[0] / 1000);
            c.put("open", (BigDecimal) k[1]);
            c.put("high", (BigDecimal) k[2]);
            c.put("low", (BigDecimal) k[3]);
            c.put("close", (BigDecimal) k[4]);
            c.put("volume", ((BigDecimal) k[5]).divide(p.contractValue()));
        }
        return FakeHttp.Response.json(200, DeltaJson.ok(out));
    }
}
