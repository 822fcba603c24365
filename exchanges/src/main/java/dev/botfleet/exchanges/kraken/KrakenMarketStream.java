package dev.botfleet.exchanges.kraken;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Quote;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.exchanges.MarketStreamListener;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.ws.CandleGapFiller;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket.Sender;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public WebSocket v2 (https://docs.kraken.com/api/docs/websocket-v2/trade, .../ohlc, .../ticker): trade ->
 * ticks, ohlc interval 1 -> candles, ticker -> best bid/ask quotes. Kraken's ohlc messages carry the candle still
 * forming, with no "closed" flag: a candle is closed when a message for a later {@code interval_begin} arrives, and is
 * then handed over with its last values. After a reconnect the closed candles missed meanwhile come from REST OHLC
 * before the new socket's messages are read; each open time reaches the listener once, oldest first.
 */
final class KrakenMarketStream implements Session, StreamHandle {
    private static final Logger log = LoggerFactory.getLogger(KrakenMarketStream.class);

    private final MarketStreamListener listener;
    private final Map<String, VenueInstrument> bySymbol = new ConcurrentHashMap<>();
    private final Map<String, Candle> forming = new ConcurrentHashMap<>();
    private final CandleGapFiller candles;
    private volatile int pendingAcks = -1;
    private ReconnectingWebSocket socket;

    KrakenMarketStream(KrakenMarketData rest, Set<VenueInstrument> instruments, MarketStreamListener listener) {
        this.listener = listener;
        // WebSocket v2 names pairs as we do (BTC/USDT); the REST altname is XBTUSDT.
        for (VenueInstrument vi : instruments) bySymbol.put(vi.symbol(), vi);
        // REST OHLC serves the latest 720 candles at most: one page is all there is to ask for.
        this.candles = new CandleGapFiller(KrakenRules.VENUE, rest::klines, () -> rest.serverTime().toEpochMilli(), 720,
                CandleGapFiller.Paging.ONE_PAGE, listener::onCandle);
    }

    void attach(ReconnectingWebSocket socket) { this.socket = socket; }

    @Override
    public boolean connected() { return pendingAcks == 0 && socket.connected(); }

    @Override
    public void close() { socket.close(); }

    @Override
    public void onOpen(Sender sender, boolean reconnect) {
        String symbols = "[\"" + String.join("\",\"", bySymbol.keySet()) + "\"]";
        pendingAcks = 3 * bySymbol.size();
        sender.send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\",\"symbol\":" + symbols + ",\"snapshot\":false}}");
        sender.send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"ohlc\",\"symbol\":" + symbols + ",\"interval\":1}}");
        sender.send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"ticker\",\"symbol\":" + symbols + "}}");
        candles.markStarted();
        if (reconnect) {
            candles.backfill(bySymbol.values()); // before this socket's messages are read
            listener.onReconnected();
        }
    }

    @Override
    public void onDropped(String reason) {
        pendingAcks = -1;
        listener.onDisconnected(reason);
    }

    @Override
    public void onMessage(Sender sender, String text) {
        JsonNode msg = KrakenRules.JSON.readTree(text);
        String method = msg.path("method").asString("");
        if (method.equals("subscribe")) {
            if (msg.path("success").asBoolean(false)) {
                if (pendingAcks > 0) pendingAcks--;
            } else {
                log.warn("kraken market stream: subscribe refused: {}", msg.path("error").asString(""));
            }
            return;
        }
        switch (msg.path("channel").asString("")) {
            case "trade" -> msg.path("data").forEach(this::trade);
            case "ohlc" -> msg.path("data").forEach(this::ohlc);
            case "ticker" -> msg.path("data").forEach(this::ticker);
            default -> { } // heartbeat, status, pong
        }
    }

    private void trade(JsonNode t) {
        VenueInstrument vi = bySymbol.get(t.path("symbol").asString(""));
        if (vi == null) return;
        listener.onTick(new Tick(KrakenRules.VENUE, vi.symbol(), time(t.path("timestamp")),
                KrakenRules.decimal(t.path("price")).doubleValue(), KrakenRules.decimal(t.path("qty")).doubleValue()));
    }

    private void ohlc(JsonNode k) {
        VenueInstrument vi = bySymbol.get(k.path("symbol").asString(""));
        if (vi == null || k.path("interval").asInt(1) != 1) return;
        Candle candle = new Candle(KrakenRules.VENUE, vi.symbol(), Timeframe.M1, time(k.path("interval_begin")),
                num(k, "open"), num(k, "high"), num(k, "low"), num(k, "close"), num(k, "volume"));
        Candle previous = forming.get(vi.symbol());
        if (previous != null && candle.openTime() > previous.openTime()) candles.deliver(vi, previous);
        if (previous == null || candle.openTime() >= previous.openTime()) forming.put(vi.symbol(), candle);
    }

    private void ticker(JsonNode t) {
        VenueInstrument vi = bySymbol.get(t.path("symbol").asString(""));
        if (vi == null) return;
        long at = t.has("timestamp") ? time(t.path("timestamp")) : System.currentTimeMillis();
        listener.onQuote(new Quote(KrakenRules.VENUE, vi.symbol(), at, num(t, "bid"), num(t, "bid_qty"), num(t, "ask"),
                num(t, "ask_qty")));
    }

    private static long time(JsonNode node) {
        String text = node.asString("");
        return text.isEmpty() ? System.currentTimeMillis() : Instant.parse(text).toEpochMilli();
    }

    private static double num(JsonNode node, String field) { return KrakenRules.decimal(node.path(field)).doubleValue(); }
}
