package dev.botfleet.fakes.kraken;

import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeWs;
import dev.botfleet.fakes.MatchingEngine;
import org.java_websocket.WebSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The public WebSocket v2 (wss://ws.kraken.com/v2): {@code subscribe} to {@code trade}, {@code ohlc} (interval 1)
 * and {@code ticker} for symbols named {@code BTC/USDT}; one acknowledgement per symbol. Trades are pushed as they
 * print; each trade also pushes the candle it lands in (Kraken's ohlc updates carry the candle still forming, with
 * {@code interval_begin}) and the ticker's best bid and ask. A subscription starts with a snapshot (ohlc: the
 * current candle; ticker: the current quote; trade: none, as {@code snapshot:false} asks).
 */
final class PublicStream extends WsSessions implements FakeWs.Handler, MatchingEngine.Listener {
    private static final List<String> CHANNELS = List.of("trade", "ohlc", "ticker");
    private final MatchingEngine engine;

    PublicStream(MatchingEngine engine, LongSupplier clock) {
        super(clock);
        this.engine = engine;
    }

    @Override
    public void onOpen(WebSocket socket, String path) { opened(socket, path); }

    @Override
    public void onClose(WebSocket socket) { sessions.remove(socket); }

    @Override
    public void onMessage(WebSocket socket, String text) {
        JsonNode msg = parse(socket, text);
        Session session = sessions.get(socket);
        if (msg == null || session == null) return;
        String method = msg.path("method").asString("");
        JsonNode params = msg.path("params");
        String channel = params.path("channel").asString("");
        if (!method.equals("subscribe")) {
            send(socket, reply(msg, method, false, null, "EGeneral:Invalid arguments: method").toString());
            return;
        }
        if (!CHANNELS.contains(channel)) {
            send(socket, reply(msg, method, false, null, "EGeneral:Invalid arguments: channel").toString());
            return;
        }
        if (channel.equals("ohlc") && params.path("interval").asInt(0) != 1) {
            send(socket, reply(msg, method, false, null, "EGeneral:Invalid arguments: interval (this fake serves 1)")
                    .toString());
            return;
        }
        for (JsonNode s : params.path("symbol")) {
            FakeMarket m = bySymbol(s.asString(""));
            if (m == null) {
                send(socket, reply(msg, method, false, null, "Currency pair not supported " + s.asString("")).toString());
                continue;
            }
            session.channels.add(channel + " " + s.asString(""));
            ObjectNode result = KrakenJson.object();
            result.put("channel", channel);
            result.put("symbol", s.asString(""));
            if (channel.equals("ohlc")) result.put("interval", 1);
            send(socket, reply(msg, method, true, result, null).toString());
            if (channel.equals("ohlc")) candle(m, "snapshot", socket);
            if (channel.equals("ticker")) ticker(m, "snapshot", socket);
        }
    }

    @Override
    public void onPublicTrade(FakeMarket market, long tradeId, BigDecimal price, BigDecimal quantity, boolean buyerMaker,
                              long time) {
        ObjectNode msg = message("trade", "update");
        ObjectNode t = msg.putArray("data").addObject();
        t.put("symbol", symbol(market));
        t.put("side", buyerMaker ? "sell" : "buy");
        t.put("price", price);
        t.put("qty", quantity);
        t.put("ord_type", "market");
        t.put("trade_id", tradeId);
        t.put("timestamp", KrakenJson.rfc3339(time));
        broadcast("trade " + symbol(market), msg.toString());
        candle(market, "update", null);
        ticker(market, "update", null);
    }

    private void candle(FakeMarket m, String type, WebSocket only) {
        long now = clock.getAsLong();
        long open = now - Math.floorMod(now, 60_000L);
        List<Object[]> rows = engine.klines(m.venueSymbol, open, open + 60_000, 1);
        if (rows.isEmpty()) return;
        Object[] c = rows.getFirst();
        ObjectNode msg = message("ohlc", type);
        ObjectNode k = msg.putArray("data").addObject();
        k.put("symbol", symbol(m));
        k.put("open", (BigDecimal) c[1]);
        k.put("high", (BigDecimal) c[2]);
        k.put("low", (BigDecimal) c[3]);
        k.put("close", (BigDecimal) c[4]);
        k.put("trades", 1);
        k.put("volume", (BigDecimal) c[5]);
        k.put("vwap", (BigDecimal) c[4]);
        k.put("interval_begin", KrakenJson.rfc3339((Long) c[0]));
        k.put("interval", 1);
        k.put("timestamp", KrakenJson.rfc3339(now));
        deliver("ohlc " + symbol(m), msg.toString(), only);
    }

    private void ticker(FakeMarket m, String type, WebSocket only) {
        ObjectNode msg = message("ticker", type);
        ObjectNode t = msg.putArray("data").addObject();
        t.put("symbol", symbol(m));
        t.put("bid", engine.bid(m.venueSymbol));
        t.put("bid_qty", BigDecimal.ONE);
        t.put("ask", engine.ask(m.venueSymbol));
        t.put("ask_qty", BigDecimal.ONE);
        t.put("last", engine.lastPrice(m.venueSymbol));
        t.put("timestamp", KrakenJson.rfc3339(clock.getAsLong()));
        deliver("ticker " + symbol(m), msg.toString(), only);
    }

    private void deliver(String subscription, String text, WebSocket only) {
        if (only != null) send(only, text);
        else broadcast(subscription, text);
    }

    private void broadcast(String subscription, String text) {
        sessions.forEach((socket, session) -> {
            if (session.channels.contains(subscription)) send(socket, text);
        });
    }

    private static ObjectNode message(String channel, String type) {
        ObjectNode msg = KrakenJson.object();
        msg.put("channel", channel);
        msg.put("type", type);
        return msg;
    }

    private FakeMarket bySymbol(String symbol) {
        for (FakeMarket m : engine.markets()) if (symbol(m).equals(symbol)) return m;
        return null;
    }

    private static String symbol(FakeMarket m) { return KrakenNames.v2symbol(m.base, m.quote); }
}
