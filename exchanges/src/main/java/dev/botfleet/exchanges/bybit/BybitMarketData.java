package dev.botfleet.exchanges.bybit;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.exchanges.MarketDataClient;
import dev.botfleet.exchanges.MarketStreamListener;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.http.ClockOffset;
import dev.botfleet.exchanges.http.RestCall;
import dev.botfleet.exchanges.http.RestClient;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Bybit's public side for the spot category: instruments, server time, 1m klines and the public spot stream. */
public final class BybitMarketData implements MarketDataClient {
    private static final long MINUTE = Timeframe.M1.millis();
    /** "we recommend that you send the ping heartbeat packet every 20 seconds" (ws/connect). */
    static final Duration PING_EVERY = Duration.ofSeconds(20);
    static final String PING = "{\"op\":\"ping\"}";

    private final BybitVenue venue;
    private final VenueEndpoints endpoints;
    private final RestClient rest;
    private final BybitSymbols symbols;

    BybitMarketData(BybitVenue venue, VenueEndpoints endpoints) {
        this.venue = venue;
        this.endpoints = endpoints;
        ClockOffset clock = new ClockOffset();
        this.rest = venue.rest(endpoints.rest(), BybitSigner.publicOnly(), new BybitRules(clock, null, null),
                BybitVenue.breaker(), clock);
        this.symbols = new BybitSymbols(() -> rest.send(RestCall.publicGet("/v5/market/instruments-info",
                Map.of("category", "spot"), 1)).path("result"));
    }

    @Override public String venue() { return BybitRules.VENUE; }

    @Override
    public List<VenueInstrument> instruments() { return symbols.load(); }

    @Override
    public Instant serverTime() { return Instant.ofEpochMilli(BybitVenue.serverTime(rest)); }

    /**
     * GET /v5/market/kline?category=spot&interval=1: start and end are inclusive, the list comes newest first and a
     * limit keeps the newest, so the window asked for is cut to {@code limit} minutes from {@code from} (the oldest
     * candles wanted) and the list reversed. The candle still open (its close is the last price) is left out: a
     * candle counts as closed when its minute has ended by the answer's server time.
     */
    @Override
    public List<Candle> klines(VenueInstrument instrument, Instant from, Instant to, int limit) {
        int n = Math.max(1, Math.min(limit, 1000));
        long start = from.toEpochMilli();
        long end = Math.min(to.toEpochMilli() - 1, Timeframe.M1.openTimeOf(start + MINUTE - 1) + n * MINUTE - 1);
        if (end < start) return List.of();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("category", "spot");
        params.put("symbol", instrument.venueSymbol());
        params.put("interval", "1");
        params.put("start", Long.toString(start));
        params.put("end", Long.toString(end));
        params.put("limit", Integer.toString(n));
        JsonNode answer = rest.send(RestCall.publicGet("/v5/market/kline", params, 1));
        long serverNow = answer.path("time").asLong(Long.MAX_VALUE);
        List<Candle> candles = new ArrayList<>();
        for (JsonNode row : answer.path("result").path("list")) {
            long open = Long.parseLong(row.get(0).asString());
            if (open < start || open >= to.toEpochMilli() || open + MINUTE > serverNow) continue;
            candles.add(new Candle(BybitRules.VENUE, instrument.symbol(), Timeframe.M1, open, d(row.get(1)),
                    d(row.get(2)), d(row.get(3)), d(row.get(4)), d(row.get(5))));
        }
        candles.sort((a, b) -> Long.compare(a.openTime(), b.openTime()));
        return candles.size() > n ? List.copyOf(candles.subList(0, n)) : candles;
    }

    @Override
    public StreamHandle openMarketStream(Set<VenueInstrument> instruments, MarketStreamListener listener) {
        BybitMarketStream session = new BybitMarketStream(this, instruments, listener);
        String base = endpoints.marketStream();
        URI uri = URI.create(base.endsWith("/v5/public/spot") ? base : base + "/v5/public/spot");
        return new ReconnectingWebSocket("bybit-market", venue.http(), () -> uri, session, PING_EVERY, () -> PING)
                .start();
    }

    private static double d(JsonNode node) { return new BigDecimal(node.asString()).doubleValue(); }
}
