package dev.botfleet.fakes.bybit;

import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeWs;
import dev.botfleet.fakes.MatchingEngine;
import org.java_websocket.WebSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import static dev.botfleet.fakes.bybit.Json.num;

/**
 * The public spot stream at /v5/public/spot: topics {@code publicTrade.<symbol>}, {@code kline.1.<symbol>} and
 * {@code orderbook.1.<symbol>} in the shapes of https://bybit-exchange.github.io/docs/v5/websocket/public/trade,
 * .../kline and .../orderbook. Spot takes at most 10 args per subscribe request (ws/connect, "Args limits"). Each printed
 * trade updates the minute's kline (confirm=false); {@link #closeCandles} announces a kline with confirm=true once its
 * minute has passed on the fake's clock. Level-1 books are snapshots only, sent on subscribe and when the quote moves.
 */
final class PublicStream implements FakeWs.Handler, MatchingEngine.Listener {
    private static final long MINUTE = 60_000;

    private final MatchingEngine engine;
    private final LongSupplier clock;
    private final Map<WebSocket, Set<String>> subscriptions = new ConcurrentHashMap<>();
    private final Map<WebSocket, String> connIds = new ConcurrentHashMap<>();
    /** Per market, the open time of the candle trades are building that has not been announced closed. */
    private final Map<String, Long> openCandle = new HashMap<>();
    private long updateId = 1;

    PublicStream(MatchingEngine engine, LongSupplier clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public void onOpen(WebSocket socket, String path) {
        if (!path.equals("/v5/public/spot")) {
            socket.close(1008, "no such path");
            return;
        }
        subscriptions.put(socket, ConcurrentHashMap.newKeySet());
        connIds.put(socket, UUID.randomUUID().toString());
    }

    @Override
    public void onClose(WebSocket socket) {
        subscriptions.remove(socket);
        connIds.remove(socket);
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        Set<String> topics = subscriptions.get(socket);
        if (topics == null) return;
        JsonNode msg;
        try {
            msg = Json.parse(text);
        } catch (RuntimeException e) {
            return;
        }
        String op = Json.text(msg, "op");
        ObjectNode reply = Json.object();
        boolean ok = true;
        String words = op;
        List<String> snapshots = List.of();
        if (op.equals("ping")) {
            words = "pong";
        } else if (op.equals("subscribe")) {
            JsonNode args = msg.path("args");
            String refusal = args.size() > 10 ? "args size >10" : null;
            for (JsonNode arg : args) {
                if (refusal == null && market(arg.asString("")) == null) {
                    refusal = "Invalid symbol :[" + arg.asString("") + "]";
                }
            }
            ok = refusal == null;
            if (ok) {
                for (JsonNode arg : args) topics.add(arg.asString(""));
                snapshots = args.valueStream().map(a -> a.asString(""))
                        .filter(t -> t.startsWith("orderbook.1.")).toList();
            } else {
                words = refusal;
            }
        } else if (op.equals("unsubscribe")) {
            for (JsonNode arg : msg.path("args")) topics.remove(arg.asString(""));
        } else {
            ok = false;
            words = "error:invalid op";
        }
        reply.put("success", ok);
        reply.put("ret_msg", words);
        reply.put("conn_id", connIds.get(socket));
        if (msg.has("req_id")) reply.put("req_id", Json.text(msg, "req_id"));
        reply.put("op", op);
        send(socket, Json.write(reply));
        for (String topic : snapshots) send(socket, book(engine.market(topic.substring("orderbook.1.".length()))));
    }

    /** The market a topic names, if the topic is one this fake serves. */
    private FakeMarket market(String topic) {
        for (String prefix : new String[] {"publicTrade.", "kline.1.", "orderbook.1."}) {
            if (topic.startsWith(prefix)) return engine.market(topic.substring(prefix.length()));
        }
        return null;
    }

    @Override
    public void onPublicTrade(FakeMarket market, long tradeId, BigDecimal price, BigDecimal quantity,
                              boolean buyerMaker, long time) {
        ObjectNode msg = Json.object();
        msg.put("topic", "publicTrade." + market.venueSymbol);
        msg.put("type", "snapshot");
        msg.put("ts", time);
        ObjectNode t = msg.putArray("data").addObject();
        t.put("T", time);
        t.put("s", market.venueSymbol);
        t.put("S", buyerMaker ? "Sell" : "Buy");
        t.put("v", num(quantity));
        t.put("p", num(price));
        t.put("i", Long.toString(tradeId));
        t.put("BT", false);
        t.put("RPI", false);
        t.put("seq", tradeId);
        publish("publicTrade." + market.venueSymbol, Json.write(msg));
        long open = time - Math.floorMod(time, MINUTE);
        Long previous;
        synchronized (this) {
            previous = openCandle.put(market.venueSymbol, open);
        }
        if (previous != null && previous < open) publish("kline.1." + market.venueSymbol, kline(market, previous, true));
        publish("kline.1." + market.venueSymbol, kline(market, open, false));
        publish("orderbook.1." + market.venueSymbol, book(market));
    }

    /** Announces every candle whose minute has ended on the fake's clock (called every 100 ms). */
    void closeCandles() {
        long now = clock.getAsLong();
        for (FakeMarket market : engine.markets()) {
            Long open;
            synchronized (this) {
                open = openCandle.get(market.venueSymbol);
                if (open == null || now < open + MINUTE) continue;
                openCandle.remove(market.venueSymbol);
            }
            publish("kline.1." + market.venueSymbol, kline(market, open, true));
        }
    }

    private String kline(FakeMarket market, long open, boolean confirm) {
        List<Object[]> candle = engine.klines(market.venueSymbol, open, open + MINUTE, 1);
        ObjectNode msg = Json.object();
        msg.put("topic", "kline.1." + market.venueSymbol);
        ArrayNode data = msg.putArray("data");
        if (!candle.isEmpty()) {
            Object[] c = candle.getFirst();
            ObjectNode k = data.addObject();
            k.put("start", open);
            k.put("end", open + MINUTE - 1);
            k.put("interval", "1");
            k.put("open", num((BigDecimal) c[1]));
            k.put("close", num((BigDecimal) c[4]));
            k.put("high", num((BigDecimal) c[2]));
            k.put("low", num((BigDecimal) c[3]));
            k.put("volume", num((BigDecimal) c[5]));
            k.put("turnover", num(((BigDecimal) c[4]).multiply((BigDecimal) c[5])));
            k.put("confirm", confirm);
            k.put("timestamp", clock.getAsLong());
        }
        msg.put("ts", clock.getAsLong());
        msg.put("type", "snapshot");
        return Json.write(msg);
    }

    private String book(FakeMarket market) {
        long now = clock.getAsLong();
        ObjectNode msg = Json.object();
        msg.put("topic", "orderbook.1." + market.venueSymbol);
        msg.put("ts", now);
        msg.put("type", "snapshot");
        ObjectNode data = msg.putObject("data");
        data.put("s", market.venueSymbol);
        data.putArray("b").addArray().add(num(engine.bid(market.venueSymbol))).add("1");
        data.putArray("a").addArray().add(num(engine.ask(market.venueSymbol))).add("1");
        synchronized (this) {
            data.put("u", updateId++);
        }
        data.put("seq", now);
        msg.put("cts", now);
        return Json.write(msg);
    }

    private void publish(String topic, String text) {
        subscriptions.forEach((socket, topics) -> {
            if (topics.contains(topic)) send(socket, text);
        });
    }

    private static void send(WebSocket socket, String text) {
        try {
            if (socket.isOpen()) socket.send(text);
        } catch (RuntimeException closedMeanwhile) {
            // gone; the client reconnects
        }
    }
}
