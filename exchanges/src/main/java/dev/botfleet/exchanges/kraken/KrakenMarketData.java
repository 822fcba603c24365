package dev.botfleet.exchanges.kraken;

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

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Kraken's public side: AssetPairs, Time, 1m OHLC and the public WebSocket v2. */
public final class KrakenMarketData implements MarketDataClient {
    private static final long MINUTE = Timeframe.M1.millis();
    /** Kraken sends a heartbeat every second once subscribed; a ping every 10 s keeps quiet links honest too. */
    static final Duration PING_EVERY = Duration.ofSeconds(10);
    static final String PING = "{\"method\":\"ping\"}";

    private final KrakenVenue venue;
    private final VenueEndpoints endpoints;
    private final RestClient rest;
    private final KrakenPairs pairs;

    KrakenMarketData(KrakenVenue venue, VenueEndpoints endpoints) {
        this.venue = venue;
        this.endpoints = endpoints;
        ClockOffset clock = new ClockOffset();
        this.rest = venue.rest(endpoints.rest(), KrakenSigner.publicOnly(KrakenVenue.USER_AGENT),
                new KrakenRules(() -> Duration.ofSeconds(1), () -> Duration.ofSeconds(1)), KrakenVenue.breaker(), clock);
        this.pairs = new KrakenPairs(() -> rest.send(RestCall.publicGet("/0/public/AssetPairs", Map.of(), 1)).path("result"));
    }

    @Override public String venue() { return KrakenRules.VENUE; }

    @Override
    public List<VenueInstrument> instruments() { return pairs.load(); }

    @Override
    public Instant serverTime() { return Instant.ofEpochMilli(KrakenVenue.serverTime(rest)); }

    /**
     * GET /0/public/OHLC?pair=&interval=1&since=: candles opening after {@code since} (seconds), oldest first, at most
     * 720; the last row is the candle still forming and {@code last} names the newest committed one, so rows after
     * {@code last} are left out.
     */
    @Override
    public List<Candle> klines(VenueInstrument instrument, Instant from, Instant to, int limit) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("pair", instrument.venueSymbol());
        params.put("interval", "1");
        params.put("since", Long.toString(from.getEpochSecond() - 1));
        JsonNode result = rest.send(RestCall.publicGet("/0/public/OHLC", params, 1)).path("result");
        long last = result.path("last").asLong(0) * 1000;
        List<Candle> out = new ArrayList<>();
        for (var entry : result.properties()) {
            if (entry.getKey().equals("last")) continue;
            for (JsonNode row : entry.getValue()) {
                long open = row.get(0).asLong() * 1000;
                if (open < from.toEpochMilli() || open >= to.toEpochMilli() || open > last) continue;
                out.add(new Candle(KrakenRules.VENUE, instrument.symbol(), Timeframe.M1, open, d(row.get(1)),
                        d(row.get(2)), d(row.get(3)), d(row.get(4)), d(row.get(6))));
                if (out.size() >= limit) return out;
            }
        }
        return out;
    }

    @Override
    public StreamHandle openMarketStream(Set<VenueInstrument> instruments, MarketStreamListener listener) {
        KrakenMarketStream session = new KrakenMarketStream(this, instruments, listener);
        URI uri = URI.create(endpoints.marketStream());
        ReconnectingWebSocket socket = new ReconnectingWebSocket("kraken-market", venue.http(), () -> uri, session,
                PING_EVERY, () -> PING);
        session.attach(socket);
        socket.start();
        return session;
    }

    static long minute(long millis) { return millis - Math.floorMod(millis, MINUTE); }

    private static double d(JsonNode node) { return KrakenRules.decimal(node).doubleValue(); }
}
