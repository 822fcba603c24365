package dev.botfleet.fakes.binance;

import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeWs;
import dev.botfleet.fakes.MatchingEngine;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Binance's public market streams (web-socket-streams.md): raw streams at {@code /ws/<name>}, combined streams at
 * {@code /stream?streams=a/b} wrapped as {@code {"stream":..,"data":..}}, live SUBSCRIBE/UNSUBSCRIBE; names in lower
 * case. Publishes {@code <symbol>@trade}, {@code <symbol>@kline_1m} (an open update on every trade, and the final
 * update with {@code "x":true} once the minute is over by the venue's clock) and {@code <symbol>@bookTicker}.
 */
final class BinanceMarketStreams implements FakeWs.Handler, MatchingEngine.Listener, AutoCloseable {
    private record Subscriber(boolean combined, Set<String> streams) {
    }

    private final MatchingEngine engine;
    private final LongSupplier clock;
    private final Map<WebSocket, Subscriber> sockets = new ConcurrentHashMap<>();
    /** Per venue symbol: the open time of the candle that has trades and is not yet announced closed. */
    private final Map<String, Long> openCandle = new HashMap<>();
    private final ScheduledExecutorService closer;
    private long updateId = 1;

    BinanceMarketStreams(MatchingEngine engine, LongSupplier clock) {
        this.engine = engine;
        this.clock = clock;
        this.closer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("fake-binance-klines").factory());
        closer.scheduleAtFixedRate(this::closeFinishedCandles, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() { closer.shutdownNow(); }

    @Override
    public void onOpen(WebSocket socket, String path) {
        if (path.startsWith("/stream")) {
            int q = path.indexOf("streams=");
            Set<String> names = new LinkedHashSet<>();
            if (q >= 0) {
                String list = URLDecoder.decode(path.substring(q + "streams=".length()).split("&")[0], StandardCharsets.UTF_8);
                for (String n : list.split("/")) if (!n.isBlank()) names.add(n);
            }
            sockets.put(socket, new Subscriber(true, ConcurrentHashMap.newKeySet()));
            sockets.get(socket).streams().addAll(names);
        } else if (path.startsWith("/ws")) {
            Subscriber s = new Subscriber(false, ConcurrentHashMap.newKeySet());
            String rest = path.length() > 4 ? path.substring(4) : "";
            if (!rest.isBlank()) s.streams().add(rest);
            sockets.put(socket, s);
        } else {
            socket.close(CloseFrame.POLICY_VALIDATION, "unknown path");
        }
    }

    @Override
    public void onClose(WebSocket socket) { sockets.remove(socket); }

    @Override
    public void onMessage(WebSocket socket, String text) {
        Subscriber s = sockets.get(socket);
        if (s == null) return;
        JsonNode request;
        try {
            request = BinanceJson.JSON.readTree(text);
        } catch (RuntimeException e) {
            socket.send("{\"code\":3,\"msg\":\"Invalid JSON: not a JSON object\"}");
            return;
        }
        String method = request.path("method").asString("");
        ObjectNode response = BinanceJson.object();
        response.set("id", request.get("id"));
        switch (method) {
            case "SUBSCRIBE" -> {
                request.path("params").forEach(p -> s.streams().add(p.asString()));
                response.putNull("result");
            }
            case "UNSUBSCRIBE" -> {
                request.path("params").forEach(p -> s.streams().remove(p.asString()));
                response.putNull("result");
            }
            case "LIST_SUBSCRIPTIONS" -> {
                var list = response.putArray("result");
                s.streams().forEach(list::add);
            }
            default -> {
                response.removeAll();
                response.put("code", 1);
                response.put("msg", "Invalid request: unknown method");
                response.set("id", request.get("id"));
            }
        }
        socket.send(BinanceJson.write(response));
    }

    @Override
    public void onPublicTrade(FakeMarket market, long tradeId, BigDecimal price, BigDecimal quantity,
                              boolean buyerMaker, long time) {
        closeFinished(market.venueSymbol, time);
        String lower = market.venueSymbol.toLowerCase(Locale.ROOT);
        ObjectNode trade = BinanceJson.object();
        trade.put("e", "trade");
        trade.put("E", clock.getAsLong());
        trade.put("s", market.venueSymbol);
        trade.put("t", tradeId);
        trade.put("p", BinanceJson.decimal(price));
        trade.put("q", BinanceJson.decimal(quantity));
        trade.put("T", time);
        trade.put("m", buyerMaker);
        trade.put("M", true);
        publish(lower + "@trade", trade);
        long open = time - Math.floorMod(time, 60_000L);
        synchronized (openCandle) {
            openCandle.put(market.venueSymbol, open);
        }
        ObjectNode kline = kline(market.venueSymbol, open, false);
        if (kline != null) publish(lower + "@kline_1m", kline);
        ObjectNode book = BinanceJson.object();
        synchronized (this) {
            book.put("u", updateId++);
        }
        book.put("s", market.venueSymbol);
        book.put("b", BinanceJson.decimal(engine.bid(market.venueSymbol)));
        book.put("B", BinanceJson.decimal(BigDecimal.ONE));
        book.put("a", BinanceJson.decimal(engine.ask(market.venueSymbol)));
        book.put("A", BinanceJson.decimal(BigDecimal.ONE));
        publish(lower + "@bookTicker", book);
    }

    private void closeFinishedCandles() {
        try {
            List<String> symbols;
            synchronized (openCandle) {
                symbols = List.copyOf(openCandle.keySet());
            }
            long now = clock.getAsLong();
            for (String symbol : symbols) closeFinished(symbol, now);
        } catch (RuntimeException e) {
            // keep the timer alive; a broken socket must not stop candles for the others
        }
    }

    /** Announces the last traded candle of the symbol as closed once {@code now} is past its minute. */
    private void closeFinished(String venueSymbol, long now) {
        Long open;
        synchronized (openCandle) {
            open = openCandle.get(venueSymbol);
            if (open == null || now < open + 60_000) return;
            openCandle.remove(venueSymbol);
        }
        ObjectNode kline = kline(venueSymbol, open, true);
        if (kline != null) publish(venueSymbol.toLowerCase(Locale.ROOT) + "@kline_1m", kline);
    }

    private ObjectNode kline(String venueSymbol, long open, boolean closed) {
        List<Object[]> candles = engine.klines(venueSymbol, open, open + 60_000, 1);
        if (candles.isEmpty()) return null;
        Object[] c = candles.getFirst();
        ObjectNode event = BinanceJson.object();
        event.put("e", "kline");
        event.put("E", clock.getAsLong());
        event.put("s", venueSymbol);
        ObjectNode k = event.putObject("k");
        k.put("t", open);
        k.put("T", open + 59_999);
        k.put("s", venueSymbol);
        k.put("i", "1m");
        k.put("f", -1);
        k.put("L", -1);
        k.put("o", BinanceJson.decimal((BigDecimal) c[1]));
        k.put("c", BinanceJson.decimal((BigDecimal) c[4]));
        k.put("h", BinanceJson.decimal((BigDecimal) c[2]));
        k.put("l", BinanceJson.decimal((BigDecimal) c[3]));
        k.put("v", BinanceJson.decimal((BigDecimal) c[5]));
        k.put("n", 1);
        k.put("x", closed);
        k.put("q", BinanceJson.decimal(((BigDecimal) c[4]).multiply((BigDecimal) c[5])));
        k.put("V", "0");
        k.put("Q", "0");
        k.put("B", "0");
        return event;
    }

    private void publish(String stream, ObjectNode payload) {
        String raw = null;
        String wrapped = null;
        for (var e : sockets.entrySet()) {
            Subscriber s = e.getValue();
            if (!s.streams().contains(stream) || !e.getKey().isOpen()) continue;
            String text;
            if (s.combined()) {
                if (wrapped == null) {
                    ObjectNode envelope = BinanceJson.object();
                    envelope.put("stream", stream);
                    envelope.set("data", payload);
                    wrapped = BinanceJson.write(envelope);
                }
                text = wrapped;
            } else {
                if (raw == null) raw = BinanceJson.write(payload);
                text = raw;
            }
            try {
                e.getKey().send(text);
            } catch (RuntimeException closedMeanwhile) {
                // lost with the socket, as at the venue
            }
        }
    }
}
