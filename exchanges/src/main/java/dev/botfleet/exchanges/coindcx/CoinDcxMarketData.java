package dev.botfleet.exchanges.coindcx;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Derivative;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.exchanges.MarketDataClient;
import dev.botfleet.exchanges.MarketStreamListener;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.http.ClockOffset;
import dev.botfleet.exchanges.http.RestCall;
import dev.botfleet.exchanges.http.RestClient;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CoinDCX futures' public side: the USDT-margined instruments (active_instruments, then instrument details per pair),
 * 1m candles from the public host, the venue's clock (the order book's {@code ts}) and the Socket.IO market stream.
 */
final class CoinDcxMarketData implements MarketDataClient {
    static final String ACTIVE = "/exchange/v1/derivatives/futures/data/active_instruments";
    static final String DETAIL = "/exchange/v1/derivatives/futures/data/instrument";
    static final String CANDLES = "/market_data/candlesticks";
    private static final long MINUTE = Timeframe.M1.millis();
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final CoinDcxVenue venue;
    private final ClockOffset clock = new ClockOffset();
    private final RestClient reference;
    private final RestClient publicRest;
    /** Pairs seen before: a pair that leaves the active list is reported as not trading, with its last terms. */
    private final Map<String, VenueInstrument> known = new ConcurrentHashMap<>();

    CoinDcxMarketData(CoinDcxVenue venue) {
        this.venue = venue;
        this.reference = venue.rest(CoinDcxSigner.publicOnly(), CoinDcxVenue.limiter(), CoinDcxVenue.breaker(), clock);
        this.publicRest = venue.publicRest(clock);
    }

    @Override public String venue() { return CoinDcxRules.VENUE; }

    /** One call for the list, one per pair for its terms (the list carries names only). */
    @Override
    public synchronized List<VenueInstrument> instruments() {
        JsonNode pairs = reference.send(RestCall.publicGet(ACTIVE, Map.of("margin_currency_short_name[]", "USDT"), 1));
        List<VenueInstrument> out = new ArrayList<>();
        Set<String> listed = new java.util.HashSet<>();
        for (JsonNode p : pairs) {
            String pair = p.asString("");
            Map<String, String> params = new LinkedHashMap<>();
            params.put("pair", pair);
            params.put("margin_currency_short_name", "USDT");
            JsonNode detail = reference.send(RestCall.publicGet(DETAIL, params, 1)).path("instrument");
            VenueInstrument vi = parse(detail);
            if (vi == null) continue;
            listed.add(vi.venueSymbol());
            known.put(vi.venueSymbol(), vi);
            out.add(vi);
        }
        for (VenueInstrument vi : known.values()) {
            if (!listed.contains(vi.venueSymbol())) out.add(new VenueInstrument(vi.instrument(), vi.venueSymbol(), false));
        }
        return out;
    }

    /**
     * Instrument details to ours: price_increment is the tick, quantity_increment the lot, min_quantity (at least one
     * lot) and min_notional the minimums; maker_fee / taker_fee are percentages (0.025 = 0.025 %). As a perpetual:
     * unit_contract_value base per contract (1), settled in the margin currency, the highest leverage of
     * dynamic_position_leverage_details, and the first tier of dynamic_safety_margin_details (a percentage) as
     * maintenance margin rate. Orders are taken while status is "active" and the pair is not exit-only.
     */
    static VenueInstrument parse(JsonNode d) {
        String pair = d.path("pair").asString("");
        String base = d.path("underlying_currency_short_name").asString("");
        String quote = d.path("quote_currency_short_name").asString("");
        BigDecimal tick = CoinDcxJson.dec(d, "price_increment");
        BigDecimal lot = CoinDcxJson.dec(d, "quantity_increment");
        if (pair.isEmpty() || base.isEmpty() || quote.isEmpty() || tick.signum() <= 0 || lot.signum() <= 0) return null;
        BigDecimal minQty = CoinDcxJson.dec(d, "min_quantity").max(lot);
        String settle = d.path("margin_currency_short_name").asString(d.path("settle_currency_short_name").asString(quote));
        BigDecimal contract = CoinDcxJson.dec(d, "unit_contract_value");
        Derivative terms = new Derivative(contract.signum() > 0 ? contract : BigDecimal.ONE, settle,
                maxLeverage(d), maintenance(d));
        Instrument instrument = new Instrument(CoinDcxRules.VENUE, base + "/" + quote, base, quote,
                tick.stripTrailingZeros(), lot.stripTrailingZeros(), minQty.stripTrailingZeros(),
                CoinDcxJson.dec(d, "min_notional"), percent(d, "maker_fee"), percent(d, "taker_fee")).asPerpetual(terms);
        boolean trading = "active".equals(d.path("status").asString("")) && !d.path("exit_only").asBoolean(false);
        return new VenueInstrument(instrument, pair, trading);
    }

    private static BigDecimal percent(JsonNode d, String field) {
        return CoinDcxJson.dec(d, field).divide(HUNDRED).stripTrailingZeros();
    }

    private static BigDecimal maxLeverage(JsonNode d) {
        BigDecimal max = BigDecimal.ONE;
        for (var e : d.path("dynamic_position_leverage_details").properties()) {
            max = max.max(new BigDecimal(e.getKey()));
        }
        if (max.compareTo(BigDecimal.ONE) == 0) max = max.max(CoinDcxJson.dec(d, "max_leverage_long"));
        return max;
    }

    private static BigDecimal maintenance(JsonNode d) {
        BigDecimal lowestTier = null;
        BigDecimal rate = null;
        for (var e : d.path("dynamic_safety_margin_details").properties()) {
            BigDecimal tier = new BigDecimal(e.getKey());
            if (lowestTier == null || tier.compareTo(lowestTier) < 0) {
                lowestTier = tier;
                rate = e.getValue().decimalValue();
            }
        }
        return rate == null ? new BigDecimal("0.005") : rate.divide(HUNDRED, 8, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    @Override
    public Instant serverTime() { return Instant.ofEpochMilli(CoinDcxVenue.serverTime(publicRest)); }

    /**
     * GET public.coindcx.com/market_data/candlesticks?pair&from&to&resolution=1&pcode=f, from/to in epoch seconds;
     * rows {open,high,low,volume,close,time (ms)}. Their order is not documented: they are sorted here. Only candles
     * whose minute has ended by the venue's clock are returned.
     */
    @Override
    public List<Candle> klines(VenueInstrument instrument, Instant from, Instant to, int limit) {
        long start = Timeframe.M1.openTimeOf(from.toEpochMilli() + MINUTE - 1);
        long end = Math.min(to.toEpochMilli(), start + (long) Math.max(1, limit) * MINUTE);
        if (end <= start) return List.of();
        long venueNow;
        try {
            venueNow = CoinDcxVenue.serverTime(publicRest);
        } catch (RuntimeException e) {
            venueNow = System.currentTimeMillis();
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("pair", instrument.venueSymbol());
        params.put("from", Long.toString(start / 1000));
        params.put("to", Long.toString((end - 1) / 1000));
        params.put("resolution", "1");
        params.put("pcode", "f");
        JsonNode answer = publicRest.send(RestCall.publicGet(CANDLES, params, 1));
        List<Candle> out = new ArrayList<>();
        for (JsonNode row : answer.path("data")) {
            long open = CoinDcxJson.millis(row, "time");
            if (open < start || open >= end || open + MINUTE > venueNow) continue;
            out.add(candle(instrument, open, row));
        }
        out.sort((a, b) -> Long.compare(a.openTime(), b.openTime()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    static Candle candle(VenueInstrument vi, long open, JsonNode row) {
        return new Candle(CoinDcxRules.VENUE, vi.symbol(), Timeframe.M1, open, d(row, "open"), d(row, "high"),
                d(row, "low"), d(row, "close"), d(row, "volume"));
    }

    private static double d(JsonNode row, String field) { return CoinDcxJson.dec(row, field).doubleValue(); }

    @Override
    public StreamHandle openMarketStream(Set<VenueInstrument> instruments, MarketStreamListener listener) {
        CoinDcxMarketStream stream = new CoinDcxMarketStream(this, instruments, listener);
        SocketIo.Session session = new SocketIo.Session(stream);
        URI uri = URI.create(venue.endpoints().marketStream() + SocketIo.PATH);
        ReconnectingWebSocket socket = new ReconnectingWebSocket("coindcx-market", venue.http(), () -> uri, session,
                SocketIo.PING_EVERY, () -> SocketIo.PING);
        session.attach(socket);
        stream.attach(socket, session);
        socket.start();
        return stream;
    }
}
