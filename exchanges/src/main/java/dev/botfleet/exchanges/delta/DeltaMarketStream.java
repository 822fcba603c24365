package dev.botfleet.exchanges.delta;

import dev.botfleet.engine.market.Candle;
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

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public socket with the channel names of the 17.04.26 changelog: {@code trades} → ticks (size in contracts, turned
 * into base units) and {@code candlestick_1m} → candles. A candlestick message is the candle in progress and names no
 * open time: its minute is that of its timestamp, and a candle counts as closed when a message of a later minute
 * arrives (then it is handed on). After a reconnect the closed candles missed are fetched by REST first.
 */
final class DeltaMarketStream implements Session, StreamHandle {
    private static final Logger log = LoggerFactory.getLogger(DeltaMarketStream.class);

    private final MarketStreamListener listener;
    private final Map<String, VenueInstrument> byVenue = new ConcurrentHashMap<>();
    private final CandleGapFiller candles;
    private final Map<String, Candle> inProgress = new ConcurrentHashMap<>();
    private volatile boolean subscribed;
    private ReconnectingWebSocket socket;

    DeltaMarketStream(DeltaMarketData rest, Set<VenueInstrument> instruments, MarketStreamListener listener) {
        this.listener = listener;
        for (VenueInstrument vi : instruments) byVenue.put(vi.venueSymbol(), vi);
        // Pages of up to 2000 candles; an empty page ends the backfill.
        this.candles = new CandleGapFiller(DeltaRules.VENUE, rest::klines, () -> rest.serverTime().toEpochMilli(), 2000,
                CandleGapFiller.Paging.UNTIL_EMPTY_PAGE, listener::onCandle);
    }

    void attach(ReconnectingWebSocket socket) { this.socket = socket; }

    @Override
    public boolean connected() { return subscribed && socket.connected(); }

    @Override
    public void close() { socket.close(); }

    @Override
    public void onOpen(Sender sender, boolean reconnect) {
        subscribed = false;
        String symbols = "\"" + String.join("\",\"", byVenue.keySet()) + "\"";
        sender.send("{\"type\":\"subscribe\",\"payload\":{\"channels\":[{\"name\":\"trades\",\"symbols\":[" + symbols
                + "]},{\"name\":\"candlestick_1m\",\"symbols\":[" + symbols + "]}]}}");
        sender.send("{\"type\":\"enable_heartbeat\"}");
        candles.markStarted();
        if (reconnect) {
            inProgress.clear();
            candles.backfill(byVenue.values()); // before this socket's messages are read
            listener.onReconnected();
        }
    }

    @Override
    public void onDropped(String reason) {
        subscribed = false;
        listener.onDisconnected(reason);
    }

    @Override
    public void onMessage(Sender sender, String text) {
        JsonNode msg = DeltaRules.JSON.readTree(text);
        String type = msg.path("type").asString("");
        switch (type) {
            case "subscriptions" -> subscribed = true;
            case "trades" -> trade(msg);
            case "candlestick_1m" -> candle(msg);
            case "error" -> log.warn("delta market stream: {}", msg.path("message").asString(""));
            default -> {
                // heartbeat, pong: the socket's watchdog has already noted the activity
            }
        }
    }

    private void trade(JsonNode t) {
        VenueInstrument vi = byVenue.get(t.path("sy").asString(""));
        if (vi == null) return;
        double size = DeltaProducts.dec(t, "s").multiply(vi.instrument().derivative().contractSize()).doubleValue();
        listener.onTick(new Tick(DeltaRules.VENUE, vi.symbol(), t.path("t").asLong() / 1000,
                DeltaProducts.dec(t, "p").doubleValue(), size));
    }

    private void candle(JsonNode c) {
        VenueInstrument vi = byVenue.get(c.path("sy").asString(""));
        if (vi == null || !"1m".equals(c.path("res").asString("1m"))) return;
        long open = Timeframe.M1.openTimeOf(c.path("ts").asLong() / 1000);
        Candle now = new Candle(DeltaRules.VENUE, vi.symbol(), Timeframe.M1, open, d(c, "o"), d(c, "h"), d(c, "l"),
                d(c, "c"), DeltaProducts.dec(c, "v").multiply(vi.instrument().derivative().contractSize()).doubleValue());
        Candle previous = inProgress.put(vi.venueSymbol(), now);
        if (previous != null && previous.openTime() < open) candles.deliver(vi, previous);
    }

    private static double d(JsonNode node, String field) { return DeltaProducts.dec(node, field).doubleValue(); }
}
