package dev.botfleet.exchanges.bybit;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public spot stream (https://bybit-exchange.github.io/docs/v5/websocket/public/trade, .../kline,
 * .../orderbook): publicTrade -> ticks, kline.1 with confirm=true -> closed candles, orderbook.1 snapshots -> quotes.
 * Spot accepts at most 10 args per subscribe request, so topics go in chunks of 10. After a reconnect the closed
 * candles missed while away are fetched by REST before the stream's own messages are read; each open time reaches the
 * listener once, oldest first.
 */
final class BybitMarketStream implements Session, StreamHandle {
    private static final Logger log = LoggerFactory.getLogger(BybitMarketStream.class);

    private final MarketStreamListener listener;
    private final Map<String, VenueInstrument> byVenue = new ConcurrentHashMap<>();
    private final CandleGapFiller candles;
    private volatile int pendingAcks = -1;
    private ReconnectingWebSocket socket;

    BybitMarketStream(BybitMarketData rest, Set<VenueInstrument> instruments, MarketStreamListener listener) {
        this.listener = listener;
        for (VenueInstrument vi : instruments) byVenue.put(vi.venueSymbol(), vi);
        // A page is at most 1000 klines; an empty one is a stretch without trades, not the end.
        this.candles = new CandleGapFiller(BybitRules.VENUE, rest::klines, () -> rest.serverTime().toEpochMilli(), 1000,
                CandleGapFiller.Paging.SKIP_EMPTY_PAGES, listener::onCandle);
    }

    void attach(ReconnectingWebSocket socket) { this.socket = socket; }

    /** Open and every subscribe request acknowledged: from then on, trades on the venue reach the listener. */
    @Override
    public boolean connected() { return pendingAcks == 0 && socket.connected(); }

    @Override
    public void close() { socket.close(); }

    @Override
    public void onOpen(Sender sender, boolean reconnect) {
        List<String> topics = new ArrayList<>();
        for (String symbol : byVenue.keySet()) {
            topics.add("publicTrade." + symbol);
            topics.add("kline.1." + symbol);
            topics.add("orderbook.1." + symbol);
        }
        pendingAcks = (topics.size() + 9) / 10;
        for (int i = 0; i < topics.size(); i += 10) {
            List<String> chunk = topics.subList(i, Math.min(topics.size(), i + 10));
            sender.send("{\"op\":\"subscribe\",\"args\":[\"" + String.join("\",\"", chunk) + "\"]}");
        }
        candles.markStarted();
        if (reconnect) {
            candles.backfill(byVenue.values()); // before this socket's messages are read
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
        JsonNode msg = BybitRules.JSON.readTree(text);
        String topic = msg.path("topic").asString("");
        if (topic.isEmpty()) {
            if (msg.has("success") && !msg.path("success").asBoolean(true)) {
                log.warn("bybit market stream refused {}: {}", msg.path("op").asString(""),
                        msg.path("ret_msg").asString(""));
            } else if ("subscribe".equals(msg.path("op").asString("")) && pendingAcks > 0) {
                pendingAcks--;
            }
            return;
        }
        if (topic.startsWith("publicTrade.")) trades(msg);
        else if (topic.startsWith("kline.1.")) klines(byVenue.get(topic.substring("kline.1.".length())), msg);
        else if (topic.startsWith("orderbook.1.")) quote(msg);
    }

    private void trades(JsonNode msg) {
        for (JsonNode t : msg.path("data")) {
            VenueInstrument vi = byVenue.get(t.path("s").asString(""));
            if (vi == null) continue;
            listener.onTick(new Tick(BybitRules.VENUE, vi.symbol(), t.path("T").asLong(),
                    Double.parseDouble(t.path("p").asString()), Double.parseDouble(t.path("v").asString())));
        }
    }

    private void klines(VenueInstrument vi, JsonNode msg) {
        if (vi == null) return;
        for (JsonNode k : msg.path("data")) {
            if (!k.path("confirm").asBoolean(false) || !"1".equals(k.path("interval").asString(""))) continue;
            candles.deliver(vi, new Candle(BybitRules.VENUE, vi.symbol(), Timeframe.M1, k.path("start").asLong(),
                    num(k, "open"), num(k, "high"), num(k, "low"), num(k, "close"), num(k, "volume")));
        }
    }

    /** Level-1 books are snapshots only ("Linear, inverse, spot level 1 data has snapshot message only"). */
    private void quote(JsonNode msg) {
        JsonNode data = msg.path("data");
        VenueInstrument vi = byVenue.get(data.path("s").asString(""));
        JsonNode bid = data.path("b").path(0);
        JsonNode ask = data.path("a").path(0);
        if (vi == null || bid.isMissingNode() || ask.isMissingNode()) return;
        listener.onQuote(new Quote(BybitRules.VENUE, vi.symbol(), msg.path("ts").asLong(),
                Double.parseDouble(bid.path(0).asString()), Double.parseDouble(bid.path(1).asString()),
                Double.parseDouble(ask.path(0).asString()), Double.parseDouble(ask.path(1).asString())));
    }

    private static double num(JsonNode node, String field) { return Double.parseDouble(node.path(field).asString()); }
}
