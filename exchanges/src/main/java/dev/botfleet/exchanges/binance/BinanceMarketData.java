package dev.botfleet.exchanges.binance;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.exchanges.MarketDataClient;
import dev.botfleet.exchanges.MarketStreamListener;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.http.RestCall;
import dev.botfleet.exchanges.http.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binance's public side: exchangeInfo, server time, klines and the combined market stream. */
final class BinanceMarketData implements MarketDataClient {
    /** Weights from rest-api.md. */
    private static final int EXCHANGE_INFO_WEIGHT = 20;
    private static final int KLINES_WEIGHT = 2;
    private static final int TIME_WEIGHT = 1;

    private final BinanceVenue.Network network;
    private final RestClient rest;

    BinanceMarketData(BinanceVenue.Network network, RestClient rest) {
        this.network = network;
        this.rest = rest;
    }

    @Override
    public String venue() { return BinanceRules.VENUE; }

    @Override
    public List<VenueInstrument> instruments() {
        JsonNode info = rest.send(RestCall.publicGet("/api/v3/exchangeInfo", Map.of(), EXCHANGE_INFO_WEIGHT));
        network.publishLimits(info);
        List<VenueInstrument> instruments = BinanceReferenceData.instruments(info);
        network.remember(instruments);
        return instruments;
    }

    @Override
    public Instant serverTime() { return Instant.ofEpochMilli(serverMillis()); }

    long serverMillis() {
        return rest.send(RestCall.publicGet("/api/v3/time", Map.of(), TIME_WEIGHT)).path("serverTime").asLong();
    }

    /**
     * Closed 1m candles in [from, to). Binance also returns the candle still forming; it is left out by comparing its
     * close with the venue's clock (asked in the same breath, so a skewed local clock cannot let it through).
     */
    @Override
    public List<Candle> klines(VenueInstrument instrument, Instant from, Instant to, int limit) {
        if (limit <= 0 || !from.isBefore(to)) return List.of();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", instrument.venueSymbol());
        params.put("interval", "1m");
        params.put("startTime", Long.toString(from.toEpochMilli()));
        params.put("endTime", Long.toString(to.toEpochMilli() - 1)); // Binance's endTime is inclusive
        params.put("limit", Integer.toString(Math.min(limit, 1000)));
        long venueNow = serverMillis();
        JsonNode rows = rest.send(RestCall.publicGet("/api/v3/klines", params, KLINES_WEIGHT));
        List<Candle> candles = new ArrayList<>();
        for (JsonNode row : rows) {
            Candle c = BinanceReferenceData.candle(instrument.symbol(), row);
            if (c.closeTime() <= venueNow && c.openTime() >= from.toEpochMilli() && c.openTime() < to.toEpochMilli()) {
                candles.add(c);
            }
        }
        return candles;
    }

    @Override
    public StreamHandle openMarketStream(Set<VenueInstrument> instruments, MarketStreamListener listener) {
        return new BinanceMarketStream(network.endpoints.marketStream(), network.http, this, instruments, listener)
                .start();
    }
}
