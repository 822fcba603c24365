package dev.botfleet.exchanges.delta;

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

/** Delta's public side: products, server time (a ticker's timestamp), 1m candles and the public socket. */
public final class DeltaMarketData implements MarketDataClient {
    private static final long MINUTE = Timeframe.M1.millis();
    /** Sockets are closed after 60 s without activity; we ping well within it (and ask for heartbeats). */
    static final Duration PING_EVERY = Duration.ofSeconds(20);
    static final String PING = "{\"type\":\"ping\"}";

    private final DeltaVenue venue;
    private final VenueEndpoints endpoints;
    private final RestClient rest;
    private final DeltaProducts products;

    DeltaMarketData(DeltaVenue venue, VenueEndpoints endpoints) {
        this.venue = venue;
        this.endpoints = endpoints;
        ClockOffset clock = new ClockOffset();
        this.rest = venue.rest(endpoints.rest(), DeltaSigner.publicOnly(), new DeltaRules(), DeltaVenue.breaker(),
                clock, true);
        this.products = new DeltaProducts(after -> rest.send(RestCall.publicGet("/v2/products", productParams(after),
                3)));
    }

    static Map<String, String> productParams(String after) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("contract_types", "perpetual_futures");
        params.put("states", "live");
        params.put("page_size", "100");
        if (after != null) params.put("after", after);
        return params;
    }

    @Override public String venue() { return DeltaRules.VENUE; }

    @Override
    public List<VenueInstrument> instruments() { return products.load(); }

    @Override
    public Instant serverTime() { return Instant.ofEpochMilli(DeltaVenue.serverTime(rest)); }

    /**
     * GET /v2/history/candles?resolution=1m&symbol=&start=&end= (epoch seconds, at most 2000 candles). Volume comes in
     * contracts and is turned into base units. The candle still open (by the venue's clock) is left out.
     */
    @Override
    public List<Candle> klines(VenueInstrument instrument, Instant from, Instant to, int limit) {
        int n = Math.max(1, Math.min(limit, 2000));
        long start = Timeframe.M1.openTimeOf(from.toEpochMilli() + MINUTE - 1);
        long end = Math.min(to.toEpochMilli() - 1, start + (long) n * MINUTE - 1);
        if (end < start) return List.of();
        long serverNow = DeltaVenue.serverTime(rest);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("resolution", "1m");
        params.put("symbol", instrument.venueSymbol());
        params.put("start", Long.toString(start / 1000));
        params.put("end", Long.toString(end / 1000));
        JsonNode answer = rest.send(RestCall.publicGet("/v2/history/candles", params, 3));
        BigDecimal contract = instrument.instrument().derivative().contractSize();
        List<Candle> candles = new ArrayList<>();
        for (JsonNode row : answer.path("result")) {
            long open = row.path("time").asLong() * 1000;
            if (open < start || open >= to.toEpochMilli() || open + MINUTE > serverNow) continue;
            candles.add(new Candle(DeltaRules.VENUE, instrument.symbol(), Timeframe.M1, open, d(row, "open"),
                    d(row, "high"), d(row, "low"), d(row, "close"),
                    DeltaProducts.dec(row, "volume").multiply(contract).doubleValue()));
        }
        candles.sort((a, b) -> Long.compare(a.openTime(), b.openTime()));
        return candles.size() > n ? List.copyOf(candles.subList(0, n)) : candles;
    }

    @Override
    public StreamHandle openMarketStream(Set<VenueInstrument> instruments, MarketStreamListener listener) {
        DeltaMarketStream session = new DeltaMarketStream(this, instruments, listener);
        URI uri = URI.create(endpoints.marketStream());
        ReconnectingWebSocket socket = new ReconnectingWebSocket("delta-market", venue.http(), () -> uri, session,
                PING_EVERY, () -> PING);
        session.attach(socket);
        socket.start();
        return session;
    }

    private static double d(JsonNode row, String field) { return DeltaProducts.dec(row, field).doubleValue(); }
}
