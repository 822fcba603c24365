package dev.botfleet.fakes.kraken;

import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.MatchingEngine;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The public endpoints: GET /0/public/Time, AssetPairs, OHLC and Ticker, with the fields of their pages under
 * https://docs.kraken.com/api/docs/rest-api/.
 */
final class MarketRoutes {
    private static final long MINUTE = 60_000;
    private final MatchingEngine engine;

    MarketRoutes(MatchingEngine engine) {
        this.engine = engine;
    }

    /** {"unixtime": seconds, "rfc1123": ...}. */
    Object time(Request request, long now) {
        ObjectNode result = KrakenJson.object();
        result.put("unixtime", now / 1000);
        result.put("rfc1123", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.Instant.ofEpochMilli(now).atZone(java.time.ZoneOffset.UTC)));
        return result;
    }

    /**
     * Every pair (or those named in {@code pair}) keyed by its pair name: altname, wsname, base/quote asset codes,
     * pair_decimals and tick_size (prices), lot_decimals (volume), ordermin, costmin, fee schedules in percent and
     * status ("online", or "cancel_only" while the market is halted).
     */
    Object assetPairs(Request request, long now) {
        String wanted = request.query().get("pair");
        ObjectNode result = KrakenJson.object();
        for (FakeMarket m : engine.markets()) {
            if (wanted != null && !List.of(wanted.split(",")).contains(m.venueSymbol)) continue;
            ObjectNode p = result.putObject(m.venueSymbol);
            p.put("altname", m.venueSymbol);
            p.put("wsname", KrakenNames.wsname(m.base, m.quote));
            p.put("aclass_base", "currency");
            p.put("base", KrakenNames.restAsset(m.base));
            p.put("aclass_quote", "currency");
            p.put("quote", KrakenNames.restAsset(m.quote));
            p.put("lot", "unit");
            p.put("cost_decimals", 5);
            p.put("pair_decimals", decimals(m.tickSize));
            p.put("lot_decimals", decimals(m.lotSize));
            p.put("lot_multiplier", 1);
            p.putArray("fees").addArray().add(0).add(m.takerFee.movePointRight(2));
            p.putArray("fees_maker").addArray().add(0).add(m.makerFee.movePointRight(2));
            p.put("fee_volume_currency", "ZUSD");
            p.put("ordermin", m.minQuantity.toPlainString());
            p.put("costmin", m.minNotional.toPlainString());
            p.put("tick_size", m.tickSize.toPlainString());
            p.put("status", m.trading ? "online" : "cancel_only");
        }
        if (wanted != null && result.isEmpty()) throw new KrakenError("EQuery:Unknown asset pair");
        return result;
    }

    /**
     * {"XBTUSDT": [[time, "open", "high", "low", "close", "vwap", "volume", count], ...], "last": time}: up to 720
     * 1m candles with open time after {@code since} (seconds), oldest first. The last entry is the candle still
     * forming; {@code last} is the open time of the newest committed one.
     */
    Object ohlc(Request request, long now) {
        Map<String, String> q = request.query();
        FakeMarket m = market(q.get("pair"));
        String interval = q.getOrDefault("interval", "1");
        if (!interval.equals("1")) throw new KrakenError("EGeneral:Invalid arguments:interval (this fake serves 1)");
        long since;
        try {
            since = q.containsKey("since") ? Long.parseLong(q.get("since")) * 1000 + 1 : 0;
        } catch (NumberFormatException e) {
            throw new KrakenError("EGeneral:Invalid arguments:since");
        }
        List<Object[]> candles = engine.klines(m.venueSymbol, Math.max(since, now - 720 * MINUTE), now + 1, 720);
        ObjectNode result = KrakenJson.object();
        ArrayNode rows = result.putArray(m.venueSymbol);
        long last = 0;
        for (Object[] c : candles) {
            long open = (Long) c[0];
            BigDecimal volume = (BigDecimal) c[5];
            ArrayNode row = rows.addArray();
            row.add(open / 1000);
            for (int i = 1; i <= 4; i++) row.add(((BigDecimal) c[i]).toPlainString());
            row.add(((BigDecimal) c[4]).toPlainString());
            row.add(volume.toPlainString());
            row.add(1);
            if (open + MINUTE <= now) last = open / 1000;
        }
        result.put("last", last);
        return result;
    }

    /** {"XBTUSDT": {"a": [ask, whole lot, lot], "b": [...], "c": [last, lot volume], ...}}. */
    Object ticker(Request request, long now) {
        FakeMarket m = market(request.query().get("pair"));
        ObjectNode result = KrakenJson.object();
        ObjectNode t = result.putObject(m.venueSymbol);
        t.putArray("a").add(engine.ask(m.venueSymbol).toPlainString()).add("1").add("1.000");
        t.putArray("b").add(engine.bid(m.venueSymbol).toPlainString()).add("1").add("1.000");
        t.putArray("c").add(engine.lastPrice(m.venueSymbol).toPlainString()).add("0.00100000");
        return result;
    }

    private FakeMarket market(String pair) {
        FakeMarket m = pair == null ? null : engine.market(pair);
        if (m == null) throw new KrakenError("EQuery:Unknown asset pair");
        return m;
    }

    static int decimals(BigDecimal step) { return Math.max(0, step.stripTrailingZeros().scale()); }
}
