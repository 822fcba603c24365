package dev.botfleet.fakes.delta;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeWs;
import org.java_websocket.WebSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What Delta's two sockets share (docs "Websocket Feed"): subscribe/unsubscribe with
 * {"type":"subscribe","payload":{"channels":[{"name","symbols"}]}} answered by {"type":"subscriptions",...}; no data
 * for a channel without symbols; {"type":"ping"} → {"type":"pong"}; {"type":"enable_heartbeat"} → {"type":"heartbeat"}
 * every 30 s; a socket with no activity in the 60 s after it connected is closed.
 */
abstract class DeltaSockets implements FakeWs.Handler {
    static final long IDLE_MILLIS = 60_000;
    volatile long heartbeatMillis = 30_000;

    static final class Session {
        final long openedAt = System.currentTimeMillis();
        volatile boolean active;
        volatile boolean heartbeat;
        volatile long lastBeat = System.currentTimeMillis();
        volatile FakeAccount account;
        final Map<String, Set<String>> channels = new ConcurrentHashMap<>();

        boolean wants(String channel, String symbol) {
            Set<String> symbols = channels.get(channel);
            return symbols != null && (symbols.contains(symbol) || symbols.contains("all"));
        }
    }

    final Map<WebSocket, Session> sessions = new ConcurrentHashMap<>();
    final LongSupplier clock;

    DeltaSockets(LongSupplier clock) {
        this.clock = clock;
    }

    /** Channels this socket serves; others are refused in the subscriptions answer. */
    abstract Set<String> channels();

    /** Handles a message type other than subscribe/unsubscribe/ping/heartbeat switches; false if unknown. */
    boolean other(WebSocket socket, Session session, String type, JsonNode msg) { return false; }

    /** Whether a subscribe to this channel needs a key-auth first. */
    boolean needsAuth(String channel) { return false; }

    @Override
    public void onOpen(WebSocket socket, String path) { sessions.put(socket, new Session()); }

    @Override
    public void onClose(WebSocket socket) { sessions.remove(socket); }

    @Override
    public void onMessage(WebSocket socket, String text) {
        Session s = sessions.get(socket);
        if (s == null) return;
        s.active = true;
        JsonNode msg;
        try {
            msg = DeltaJson.parse(text);
        } catch (RuntimeException e) {
            return;
        }
        String type = DeltaJson.text(msg, "type");
        switch (type) {
            case "ping" -> send(socket, "{\"type\":\"pong\"}");
            case "enable_heartbeat" -> s.heartbeat = true;
            case "disable_heartbeat" -> s.heartbeat = false;
            case "subscribe", "unsubscribe" -> subscribe(socket, s, msg, type.equals("subscribe"));
            default -> {
                if (!other(socket, s, type, msg)) {
                    send(socket, "{\"type\":\"error\",\"message\":\"unknown type " + type.replace("\"", "") + "\"}");
                }
            }
        }
    }

    private void subscribe(WebSocket socket, Session s, JsonNode msg, boolean add) {
        ObjectNode reply = DeltaJson.object();
        reply.put("type", "subscriptions");
        ArrayNode ok = reply.putArray("channels");
        ArrayNode refused = DeltaJson.array();
        for (JsonNode ch : msg.path("payload").path("channels")) {
            String name = DeltaJson.text(ch, "name");
            if (!channels().contains(name) || (needsAuth(name) && s.account == null)) {
                ObjectNode r = refused.addObject();
                r.put("name", name);
                r.put("reason", channels().contains(name) ? "authentication required" : "invalid channel name");
                continue;
            }
            Set<String> symbols = s.channels.computeIfAbsent(name, k -> ConcurrentHashMap.newKeySet());
            for (JsonNode sym : ch.path("symbols")) {
                if (add) symbols.add(sym.asString());
                else symbols.remove(sym.asString());
            }
            ok.add(ch);
        }
        if (!refused.isEmpty()) reply.set("channels_failed", refused);
        send(socket, DeltaJson.write(reply));
    }

    /** Heartbeats for sockets that asked, and the 60 s idle close; run on a timer. */
    void tick() {
        long now = System.currentTimeMillis();
        sessions.forEach((socket, s) -> {
            if (!s.active && now - s.openedAt > IDLE_MILLIS) {
                socket.close(1000, "no activity");
                return;
            }
            if (s.heartbeat && now - s.lastBeat >= heartbeatMillis) {
                s.lastBeat = now;
                send(socket, "{\"type\":\"heartbeat\"}");
            }
        });
    }

    static void send(WebSocket socket, String text) {
        try {
            if (socket.isOpen()) socket.send(text);
        } catch (RuntimeException closedMeanwhile) {
            // the client reconnects and backfills
        }
    }
}
