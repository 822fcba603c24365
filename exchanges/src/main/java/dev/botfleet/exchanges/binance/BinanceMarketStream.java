package dev.botfleet.exchanges.binance;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Quote;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.exchanges.MarketStreamListener;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.ws.CandleGapFiller;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One combined market stream (web-socket-streams.md: {@code /stream?streams=<s>@trade/<s>@kline_1m/<s>@bookTicker},
 * events wrapped as {@code {"stream":..,"data":..}}). Trades become ticks, klines flagged closed ({@code k.x}) become
 * candles, book tickers quotes. Binance pings; the JDK client answers. After a reconnect the candles closed during
 * the gap come from REST klines; each open time is delivered once, whichever way it arrives.
 */
final class BinanceMarketStream implements ReconnectingWebSocket.Session, StreamHandle {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MINUTE = 60_000L;

    private final Map<String, VenueInstrument> byVenueSymbol = new LinkedHashMap<>();
    private final MarketStreamListener listener;
    private final CandleGapFiller candles;
    private final ReconnectingWebSocket socket;

    BinanceMarketStream(String baseUrl, HttpClient http, BinanceMarketData data, Set<VenueInstrument> instruments,
                        MarketStreamListener listener) {
        this.listener = listener;
        instruments.forEach(i -> byVenueSymbol.put(i.venueSymbol(), i));
        // One page of up to 1000, asked up to the current minute's open: the forming candle is not wanted.
        this.candles = new CandleGapFiller(BinanceRules.VENUE, data::klines,
                () -> Timeframe.M1.openTimeOf(data.serverMillis()), 1000, CandleGapFiller.Paging.ONE_PAGE,
                listener::onCandle);
        String streams = instruments.stream().map(i -> i.venueSymbol().toLowerCase(Locale.ROOT))
                .flatMap(s -> java.util.stream.Stream.of(s + "@trade", s + "@kline_1m", s + "@bookTicker"))
                .collect(Collectors.joining("/"));
        URI uri = URI.create(trimSlash(baseUrl) + "/stream?streams=" + streams);
        this.socket = new ReconnectingWebSocket("binance-market", http, () -> uri, this, Duration.ofSeconds(20), null);
    }

    BinanceMarketStream start() {
        // Falls back to the local clock: the stream may still come up; the venue's clock is only a refinement.
        long started = candles.markStarted();
        // Nothing older than the stream reaches the listener, not even a kline of the minute before closing late.
        byVenueSymbol.values().forEach(i -> candles.markDelivered(i, started - MINUTE));
        socket.start();
        return this;
    }

    @Override
    public boolean connected() { return socket.connected(); }

    @Override
    public void close() { socket.close(); }

    /** Drops the socket as a network failure would (tests of the reconnect path). */
    void dropForTest() { socket.dropForTest(); }

    @Override
    public void onOpen(ReconnectingWebSocket.Sender sender, boolean reconnect) {
        if (!reconnect) return;
        // Throws when REST is down too: the socket is dropped and the next reconnect tries again.
        candles.backfillOrThrow(byVenueSymbol.values());
        listener.onReconnected();
    }

    @Override
    public void onDropped(String reason) { listener.onDisconnected(reason); }

    @Override
    public void onMessage(ReconnectingWebSocket.Sender sender, String text) {
        JsonNode message = JSON.readTree(text);
        String stream = message.path("stream").asString("");
        JsonNode d = message.path("data");
        VenueInstrument instrument = byVenueSymbol.get(d.path("s").asString(""));
        if (instrument == null) return; // subscription answers, serverShutdown, other symbols
        if (stream.endsWith("@trade")) {
            listener.onTick(new Tick(BinanceRules.VENUE, instrument.symbol(), d.path("T").asLong(),
                    BinanceReferenceData.number(d.get("p")), BinanceReferenceData.number(d.get("q"))));
        } else if (stream.endsWith("@kline_1m")) {
            JsonNode k = d.path("k");
            if (!k.path("x").asBoolean()) return; // still forming
            candles.deliver(instrument, new Candle(BinanceRules.VENUE, instrument.symbol(), Timeframe.M1,
                    k.path("t").asLong(), BinanceReferenceData.number(k.get("o")),
                    BinanceReferenceData.number(k.get("h")), BinanceReferenceData.number(k.get("l")),
                    BinanceReferenceData.number(k.get("c")), BinanceReferenceData.number(k.get("v"))));
        } else if (stream.endsWith("@bookTicker")) {
            long at = d.has("E") ? d.get("E").asLong() : System.currentTimeMillis();
            listener.onQuote(new Quote(BinanceRules.VENUE, instrument.symbol(), at,
                    BinanceReferenceData.number(d.get("b")), BinanceReferenceData.number(d.get("B")),
                    BinanceReferenceData.number(d.get("a")), BinanceReferenceData.number(d.get("A"))));
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
