package dev.botfleet.fakes.coindcx;

import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.perp.PerpLedger;
import dev.botfleet.fakes.perp.PerpTerms;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The unsigned endpoints: active_instruments and instrument details on the API host; candlesticks and the order book
 * on the public host (one local server answers both).
 */
final class MarketRoutes {
    private final MatchingEngine engine;
    private final PerpLedger ledger;
    private final LongSupplier clock;

    MarketRoutes(MatchingEngine engine, PerpLedger ledger, LongSupplier clock) {
        this.engine = engine;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Every listed pair of the margin currency asked for (USDT only here). */
    Response activeInstruments(Request request) {
        String margin = request.query().getOrDefault("margin_currency_short_name[]", "USDT");
        ArrayNode pairs = Json.array();
        if (margin.equals("USDT")) for (FakeMarket m : engine.markets()) pairs.add(m.venueSymbol);
        return Response.json(200, Json.write(pairs));
    }

    Response instrument(Request request) {
        FakeMarket m = engine.market(request.query().getOrDefault("pair", ""));
        if (m == null) return Response.json(404, new CoinDcxError(404, "Instrument not found").body());
        PerpTerms terms = ledger.terms(m.venueSymbol);
        ObjectNode answer = Json.object();
        answer.set("instrument", Views.instrument(m, terms.maxLeverage(), terms.maintenanceMarginRate()));
        return Response.json(200, Json.write(answer));
    }

    /** from/to in epoch seconds, inclusive; resolution "1" (1m) only in the fake; pcode must be "f". */
    Response candlesticks(Request request) {
        Map<String, String> q = request.query();
        FakeMarket m = engine.market(q.getOrDefault("pair", ""));
        if (m == null || !"f".equals(q.get("pcode")) || !"1".equals(q.get("resolution"))) {
            return Response.json(400, new CoinDcxError(400, "Invalid Request").body());
        }
        long from;
        long to;
        try {
            from = Long.parseLong(q.get("from")) * 1000;
            to = Long.parseLong(q.get("to")) * 1000 + 1;
        } catch (RuntimeException e) {
            return Response.json(400, new CoinDcxError(400, "Invalid Request").body());
        }
        ObjectNode answer = Json.object();
        answer.put("s", "ok");
        ArrayNode data = answer.putArray("data");
        for (Object[] c : engine.klines(m.venueSymbol, from, to, 5000)) {
            ObjectNode row = data.addObject();
            row.put("open", (BigDecimal) c[1]);
            row.put("high", (BigDecimal) c[2]);
            row.put("low", (BigDecimal) c[3]);
            row.put("volume", (BigDecimal) c[5]);
            row.put("close", (BigDecimal) c[4]);
            row.put("time", (Long) c[0]);
        }
        return Response.json(200, Json.write(answer));
    }

    /** The market maker's quote as a one-level book; {@code ts} is the venue's clock. */
    Response orderbook(FakeMarket m) {
        ObjectNode answer = Json.object();
        answer.put("ts", clock.getAsLong());
        answer.put("vs", 1);
        answer.putObject("asks").put(engine.ask(m.venueSymbol).toPlainString(), "1");
        answer.putObject("bids").put(engine.bid(m.venueSymbol).toPlainString(), "1");
        return Response.json(200, Json.write(answer));
    }

    static List<String> orderbookPaths(FakeMarket m) {
        return List.of("/market_data/v3/orderbook/" + m.venueSymbol + "-futures/50",
                "/market_data/v3/orderbook/" + m.venueSymbol + "-futures/20",
                "/market_data/v3/orderbook/" + m.venueSymbol + "-futures/10");
    }
}
