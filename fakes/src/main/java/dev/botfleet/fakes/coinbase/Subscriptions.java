package dev.botfleet.fakes.coinbase;

import org.java_websocket.WebSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What both Coinbase sockets share (WebSocket overview): one channel per subscribe message
 * {"type": "subscribe", "channel", "product_ids", "jwt"}, acknowledged by a "subscriptions" message; every message in
 * the envelope {"channel", "client_id", "timestamp", "sequence_num", "events"} with a sequence number per connection;
 * a connection that has not subscribed within 5 seconds of opening is closed; "heartbeats" sends one message a
 * second with a counter.
 */
final class Subscriptions {
    static final long SUBSCRIBE_WITHIN_MILLIS = 5_000;

    private final Map<WebSocket, Map<String, Set<String>>> byConn = new ConcurrentHashMap<>();
    private final Map<WebSocket, AtomicLong> sequence = new ConcurrentHashMap<>();
    private final AtomicLong heartbeat = new AtomicLong();
    private final LongSupplier clock;

    Subscriptions(LongSupplier clock, ScheduledExecutorService timer) {
        this.clock = clock;
        timer.scheduleAtFixedRate(this::heartbeats, 1_000, 1_000, TimeUnit.MILLISECONDS);
    }

    void opened(WebSocket conn, ScheduledExecutorService timer) {
        byConn.put(conn, new ConcurrentHashMap<>());
        sequence.put(conn, new AtomicLong());
        timer.schedule(() -> {
            Map<String, Set<String>> subs = byConn.get(conn);
            if (subs != null && subs.isEmpty() && conn.isOpen()) conn.close(1008, "subscribe within 5 seconds");
        }, SUBSCRIBE_WITHIN_MILLIS, TimeUnit.MILLISECONDS);
    }

    void closed(WebSocket conn) {
        byConn.remove(conn);
        sequence.remove(conn);
    }

    /** Records a subscription and acknowledges it with the connection's whole subscription list. */
    void subscribe(WebSocket conn, String channel, JsonNode productIds) {
        Map<String, Set<String>> subs = byConn.get(conn);
        if (subs == null) return;
        Set<String> products = subs.computeIfAbsent(channel, c -> new CopyOnWriteArraySet<>());
        for (JsonNode p : productIds) products.add(p.asString(""));
        ObjectNode event = CbJson.object();
        ObjectNode all = event.putObject("subscriptions");
        subs.forEach((c, ps) -> {
            ArrayNode a = all.putArray(c);
            ps.forEach(a::add);
            if (ps.isEmpty()) a.add(c);
        });
        send(conn, "subscriptions", List.of(event));
    }

    void unsubscribe(WebSocket conn, String channel) {
        Map<String, Set<String>> subs = byConn.get(conn);
        if (subs != null) subs.remove(channel);
    }

    /** Connections subscribed to the channel for the product (an empty product list means every product). */
    List<WebSocket> subscribers(String channel, String productId) {
        return byConn.entrySet().stream().filter(e -> {
            Set<String> products = e.getValue().get(channel);
            return products != null && (products.isEmpty() || productId == null || products.contains(productId));
        }).map(Map.Entry::getKey).toList();
    }

    boolean subscribed(WebSocket conn, String channel) {
        Map<String, Set<String>> subs = byConn.get(conn);
        return subs != null && subs.containsKey(channel);
    }

    void send(WebSocket conn, String channel, List<? extends JsonNode> events) {
        AtomicLong seq = sequence.get(conn);
        if (seq == null || !conn.isOpen()) return;
        ObjectNode msg = CbJson.object();
        msg.put("channel", channel);
        msg.put("client_id", "");
        msg.put("timestamp", CbJson.time(clock.getAsLong()));
        synchronized (seq) {
            msg.put("sequence_num", seq.getAndIncrement());
            ArrayNode array = msg.putArray("events");
            events.forEach(array::add);
            try {
                conn.send(CbJson.write(msg));
            } catch (RuntimeException gone) {
                // the socket closed meanwhile
            }
        }
    }

    static void error(WebSocket conn, String message) {
        ObjectNode n = CbJson.object();
        n.put("type", "error");
        n.put("message", message);
        try {
            conn.send(CbJson.write(n));
        } catch (RuntimeException gone) {
            // closed
        }
    }

    private void heartbeats() {
        ObjectNode event = CbJson.object();
        event.put("current_time", CbJson.time(clock.getAsLong()));
        event.put("heartbeat_counter", heartbeat.incrementAndGet());
        for (WebSocket conn : subscribers("heartbeats", null)) send(conn, "heartbeats", List.of(event));
    }
}
