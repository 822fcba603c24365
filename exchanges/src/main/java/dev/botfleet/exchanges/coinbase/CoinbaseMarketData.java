package dev.botfleet.exchanges.coinbase;

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

/**
 * Coinbase's public side with no key: GET /market/products, /time, /market/products/{id}/candles (ONE_MINUTE) and the
 * market socket.
 */
public final class CoinbaseMarketData implements MarketDataClient {
    private static final long MINUTE = Timeframe.M1.millis();
    /** Get Product Candles answers at most 350 candles per request. */
    static final int MAX_CANDLES = 350;
    /** Heartbeats arrive every second; a socket silent for three of these periods is reconnected. */
    static final Duration WATCHDOG = Duration.ofSeconds(10);

    private final CoinbaseVenue venue;
    private final VenueEndpoints endpoints;
    private final RestClient rest;

    CoinbaseMarketData(CoinbaseVenue venue, VenueEndpoints endpoints) {
        this.venue = venue;
        this.endpoints = endpoints;
        this.rest = venue.publicRest(endpoints.rest(), new ClockOffset());
    }

    @Override public String venue() { return CoinbaseRules.VENUE; }

    @Override
    public List<VenueInstrument> instruments() {
        return CoinbaseProducts.parse(rest.send(RestCall.publicGet(CoinbaseVenue.API + "/market/products",
                Map.of("product_type", "SPOT"), 1)));
    }

    @Override
    public Instant serverTime() { return Instant.ofEpochMilli(CoinbaseVenue.serverTime(rest)); }

    /**
     * start and end are UNIX seconds; the answer is newest first and includes the candle still open, which is left
     * out here (a candle counts as closed once its minute has ended by the venue's clock).
     */
    @Override
    public List<Candle> klines(VenueInstrument instrument, Instant from, Instant to, int limit) {
        int n = Math.max(1, Math.min(limit, MAX_CANDLES));
        long start = Timeframe.M1.openTimeOf(from.toEpochMilli() + MINUTE - 1);
        long now = CoinbaseVenue.serverTime(rest);
        long end = Math.min(Math.min(to.toEpochMilli(), start + (long) n * MINUTE), Timeframe.M1.openTimeOf(now));
        if (end <= start) return List.of();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("start", Long.toString(start / 1000));
        params.put("end", Long.toString(end / 1000));
        params.put("granularity", "ONE_MINUTE");
        params.put("limit", Integer.toString(n));
        JsonNode answer = rest.send(RestCall.publicGet(CoinbaseVenue.API + "/market/products/"
                + instrument.venueSymbol() + "/candles", params, 1));
        List<Candle> candles = new ArrayList<>();
        for (JsonNode c : answer.path("candles")) {
            long open = c.path("start").asLong() * 1000;
            if (open < start || open >= end || open + MINUTE > now) continue;
            candles.add(new Candle(CoinbaseRules.VENUE, instrument.symbol(), Timeframe.M1, open, d(c, "open"),
                    d(c, "high"), d(c, "low"), d(c, "close"), d(c, "volume")));
        }
        candles.sort((a, b) -> Long.compare(a.openTime(), b.openTime()));
        return candles.size() > n ? List.copyOf(candles.subList(0, n)) : candles;
    }

    @Override
    public StreamHandle openMarketStream(Set<VenueInstrument> instruments, MarketStreamListener listener) {
        CoinbaseMarketStream session = new CoinbaseMarketStream(this, instruments, listener);
        URI uri = URI.create(endpoints.marketStream());
        ReconnectingWebSocket socket = new ReconnectingWebSocket("coinbase-market", venue.http(), () -> uri, session,
                WATCHDOG, null);
        session.attach(socket);
        socket.start();
        return session;
    }

    private static double d(JsonNode node, String field) { return new BigDecimal(node.path(field).asString("0")).doubleValue(); }
}
