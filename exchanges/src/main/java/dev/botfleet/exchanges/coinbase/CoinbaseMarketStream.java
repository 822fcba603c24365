package dev.botfleet.exchanges.coinbase;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The market socket (WebSocket channels page): market_trades -> ticks, ticker -> quotes, heartbeats -> the venue's
 * clock (and keeping the connection busy: idle channels are closed after a minute or so). One channel per subscribe
 * message, all sent at once on open (the venue closes a socket that has not subscribed within 5 s).
 *
 * <p>1m candles: Coinbase's candles channel only has five-minute candles, so 1m candles are built here from the trades
 * of a minute the socket saw from its start to its end (the stream's trades are every trade); a minute the socket
 * did not see whole (the first one, and any a drop cut into) is fetched from REST (ONE_MINUTE) once it has closed.
 * A minute closes when a trade or a heartbeat carries a later venue time. Each open time reaches the listener once.
 */
final class CoinbaseMarketStream implements Session, StreamHandle {
    private static final Logger log = LoggerFactory.getLogger(CoinbaseMarketStream.class);
    private static final long MINUTE = Timeframe.M1.millis();
    private static final List<String> CHANNELS = List.of("market_trades", "ticker", "heartbeats");

    /** The minute being built from trades for one product. */
    private static final class Building {
        long open;
        boolean whole;
        double o, h, l, c, v;
        boolean empty = true;
    }

    private final MarketStreamListener listener;
    private final Map<String, VenueInstrument> byVenue = new ConcurrentHashMap<>();
    private final Map<String, Building> building = new ConcurrentHashMap<>();
    private final CandleGapFiller candles;
    private volatile int pendingAcks = -1;
    private ReconnectingWebSocket socket;

    CoinbaseMarketStream(CoinbaseMarketData rest, Set<VenueInstrument> instruments, MarketStreamListener listener) {
        this.listener = listener;
        for (VenueInstrument vi : instruments) byVenue.put(vi.venueSymbol(), vi);
        // Pages of MAX_CANDLES; the venue has no candle for a minute without trades, so an empty page is not the end.
        this.candles = new CandleGapFiller(CoinbaseRules.VENUE, rest::klines, () -> rest.serverTime().toEpochMilli(),
                CoinbaseMarketData.MAX_CANDLES, CandleGapFiller.Paging.SKIP_EMPTY_PAGES, listener::onCandle);
    }

    void attach(ReconnectingWebSocket socket) { this.socket = socket; }

    @Override
    public boolean connected() { return pendingAcks == 0 && socket.connected(); }

    @Override
    public void close() { socket.close(); }

    @Override
    public void onOpen(Sender sender, boolean reconnect) {
        String products = "\"" + String.join("\",\"", byVenue.keySet()) + "\"";
        pendingAcks = CHANNELS.size();
        for (String channel : CHANNELS) {
            sender.send("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\",\"product_ids\":[" + products + "]}");
        }
        candles.markStarted();
        // Whatever was being built missed the gap: those minutes come from REST.
        building.clear();
        if (reconnect) {
            candles.backfill(byVenue.values());
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
        JsonNode msg = CoinbaseRules.JSON.readTree(text);
        if ("error".equals(msg.path("type").asString(""))) {
            log.warn("coinbase market stream refused: {}", msg.path("message").asString(""));
            return;
        }
        switch (msg.path("channel").asString("")) {
            case "subscriptions" -> {
                if (pendingAcks > 0) pendingAcks--;
            }
            case "market_trades" -> msg.path("events").forEach(e -> e.path("trades").forEach(this::trade));
            case "ticker" -> msg.path("events").forEach(e -> e.path("tickers").forEach(this::ticker));
            case "heartbeats" -> msg.path("events").forEach(e -> {
                String at = e.path("current_time").asString("");
                if (!at.isEmpty()) byVenue.keySet().forEach(p -> roll(p, parseTime(at)));
            });
            default -> {
            }
        }
    }

    private void trade(JsonNode t) {
        VenueInstrument vi = byVenue.get(t.path("product_id").asString(""));
        if (vi == null) return;
        long time = parseTime(t.path("time").asString(""));
        double price = Double.parseDouble(t.path("price").asString());
        double size = Double.parseDouble(t.path("size").asString());
        listener.onTick(new Tick(CoinbaseRules.VENUE, vi.symbol(), time, price, size));
        roll(vi.venueSymbol(), time);
        Building b = building.get(vi.venueSymbol());
        if (b.empty) {
            b.o = b.h = b.l = price;
            b.empty = false;
        }
        b.h = Math.max(b.h, price);
        b.l = Math.min(b.l, price);
        b.c = price;
        b.v += size;
    }

    /** The venue's clock reached {@code time}: a minute before it is closed. */
    private void roll(String product, long time) {
        Building b = building.get(product);
        long minute = Timeframe.M1.openTimeOf(time);
        if (b == null) {
            building.put(product, fresh(time, false)); // joined mid-minute
            return;
        }
        if (minute <= b.open) return;
        VenueInstrument vi = byVenue.get(product);
        if (b.whole && minute == b.open + MINUTE) {
            if (!b.empty) {
                candles.deliver(vi, new Candle(CoinbaseRules.VENUE, vi.symbol(), Timeframe.M1, b.open, b.o, b.h, b.l,
                        b.c, b.v));
            }
        } else {
            candles.backfill(vi); // partly seen, or minutes skipped: the venue's record is the truth
        }
        // The socket was up from a moment in the old minute to now: it sees the new minute whole.
        building.put(product, fresh(minute, true));
    }

    /** The minute of {@code time}; whole when the socket was up before it began. */
    private static Building fresh(long time, boolean whole) {
        Building b = new Building();
        b.open = Timeframe.M1.openTimeOf(time);
        b.whole = whole;
        return b;
    }

    private void ticker(JsonNode t) {
        VenueInstrument vi = byVenue.get(t.path("product_id").asString(""));
        if (vi == null || t.path("best_bid").asString("").isEmpty()) return;
        listener.onQuote(new Quote(CoinbaseRules.VENUE, vi.symbol(), System.currentTimeMillis(),
                num(t, "best_bid"), num(t, "best_bid_quantity"), num(t, "best_ask"), num(t, "best_ask_quantity")));
    }

    static long parseTime(String rfc3339) { return Instant.parse(rfc3339).toEpochMilli(); }

    private static double num(JsonNode node, String field) {
        String text = node.path(field).asString("");
        return text.isEmpty() ? 0 : Double.parseDouble(text);
    }
}
