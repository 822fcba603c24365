package dev.botfleet.exchanges.coindcx;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.exchanges.MarketStreamListener;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.ws.CandleGapFiller;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket.Sender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The futures market channels (docs, Futures Sockets): {@code <pair>@trades-futures} → {@code new-trade}
 * {T,p,q,m,s} → ticks; {@code <pair>_1m-futures} → {@code candlestick} {data:[{open,close,high,low,volume,open_time
 * (s),close_time (s),pair}],Ets} → closed candles; {@code <pair>@prices-futures} → {@code price-change} (last price,
 * not used: the trades carry it). No level-1 book channel exists (order books are 50-deep snapshots), so no quotes.
 *
 * <p>The candle channel pushes the candle still forming. A candle counts as closed when an update arrives after its
 * close time (Ets past close_time) or a later minute starts; its last state is delivered, once. After a reconnect the
 * closed candles missed meanwhile come from REST before the stream's own messages are read.
 */
final class CoinDcxMarketStream implements SocketIo.Handler, StreamHandle {
    private static final Logger log = LoggerFactory.getLogger(CoinDcxMarketStream.class);
    private static final long MINUTE = Timeframe.M1.millis();

    private final MarketStreamListener listener;
    private final Map<String, VenueInstrument> byPair = new ConcurrentHashMap<>();
    private final CandleGapFiller candles;
    /** Per pair, the forming candle's last state and its open time. */
    private final Map<String, Candle> forming = new ConcurrentHashMap<>();
    private ReconnectingWebSocket socket;
    private SocketIo.Session session;

    CoinDcxMarketStream(CoinDcxMarketData rest, Set<VenueInstrument> instruments, MarketStreamListener listener) {
        this.listener = listener;
        for (VenueInstrument vi : instruments) byPair.put(vi.venueSymbol(), vi);
        // Pages of up to 1000 candles; an empty page ends the backfill.
        this.candles = new CandleGapFiller(CoinDcxRules.VENUE, rest::klines, () -> rest.serverTime().toEpochMilli(),
                1000, CandleGapFiller.Paging.UNTIL_EMPTY_PAGE, listener::onCandle);
    }

    void attach(ReconnectingWebSocket socket, SocketIo.Session session) {
        this.socket = socket;
        this.session = session;
    }

    @Override
    public boolean connected() { return session.connected() && socket.connected(); }

    @Override
    public void close() { socket.close(); }

    /** Joins every channel; Socket.IO 2 sends no join acknowledgement, so connected means joined. */
    @Override
    public void onConnected(Sender sender, boolean reconnect) {
        for (String pair : byPair.keySet()) {
            for (String channel : List.of(pair + "@trades-futures", pair + "_1m-futures", pair + "@prices-futures")) {
                sender.send(SocketIo.event("join", "{\"channelName\":\"" + channel + "\"}"));
            }
        }
        candles.markStarted();
        if (reconnect) {
            candles.backfill(byPair.values()); // before this socket's messages are read
            listener.onReconnected();
        }
    }

    @Override
    public void onDropped(String reason) { listener.onDisconnected(reason); }

    @Override
    public void onEvent(Sender sender, String event, JsonNode argument) {
        switch (event) {
            case "new-trade" -> trade(SocketIo.payload(argument));
            case "candlestick" -> candles(argument);
            default -> { }
        }
    }

    private void trade(JsonNode t) {
        VenueInstrument vi = byPair.get(t.path("s").asString(""));
        if (vi == null) return;
        listener.onTick(new Tick(CoinDcxRules.VENUE, vi.symbol(), CoinDcxJson.millis(t, "T"),
                CoinDcxJson.dec(t, "p").doubleValue(), CoinDcxJson.dec(t, "q").doubleValue()));
    }

    private void candles(JsonNode argument) {
        long eventTime = CoinDcxJson.millis(argument, "Ets");
        for (JsonNode row : SocketIo.payload(argument)) {
            VenueInstrument vi = byPair.get(row.path("pair").asString(""));
            if (vi == null || !"1m".equals(row.path("duration").asString("1m"))) continue;
            long open = CoinDcxJson.dec(row, "open_time").longValue() * 1000;
            Candle candle = CoinDcxMarketData.candle(vi, open, row);
            Candle previous = forming.get(vi.venueSymbol());
            if (previous != null && previous.openTime() < open) candles.deliver(vi, previous);
            if (eventTime > 0 && eventTime >= open + MINUTE) {
                candles.deliver(vi, candle);
                forming.remove(vi.venueSymbol());
            } else {
                forming.put(vi.venueSymbol(), candle);
            }
        }
    }

}
