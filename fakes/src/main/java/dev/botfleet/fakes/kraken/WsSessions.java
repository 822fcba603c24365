package dev.botfleet.fakes.kraken;

import org.java_websocket.WebSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What both WebSocket v2 endpoints share (https://docs.kraken.com/api/docs/websocket-v2/): the path /v2, the
 * {@code {"method":"ping","req_id":n}} request answered with {@code {"method":"pong","req_id":n,"time_in","time_out"}},
 * the once-a-second {@code {"channel":"heartbeat"}} to every socket with a subscription, and the method replies
 * {@code {"method", "result", "success", "error", "time_in", "time_out", "req_id"}}.
 */
abstract class WsSessions {
    /** Per socket: its subscribed channels and, on the private endpoint, its account. */
    static final class Session {
        final Set<String> channels = ConcurrentHashMap.newKeySet();
        volatile dev.botfleet.fakes.FakeAccount account;
        long sequence;
    }

    final Map<WebSocket, Session> sessions = new ConcurrentHashMap<>();
    final LongSupplier clock;

    WsSessions(LongSupplier clock) {
        this.clock = clock;
    }

    void opened(WebSocket socket, String path) {
        if (!path.equals("/v2")) {
            socket.close(1008, "no such path");
            return;
        }
        sessions.put(socket, new Session());
    }

    void heartbeat() {
        sessions.forEach((socket, session) -> {
            if (!session.channels.isEmpty()) send(socket, "{\"channel\":\"heartbeat\"}");
        });
    }

    /** Handles ping; null when the message is something else, for the endpoint to handle. */
    JsonNode parse(WebSocket socket, String text) {
        JsonNode msg;
        try {
            msg = KrakenJson.JSON.readTree(text);
        } catch (RuntimeException e) {
            send(socket, reply(null, "", false, null, "EGeneral:Invalid arguments: not JSON").toString());
            return null;
        }
        if ("ping".equals(msg.path("method").asString(""))) {
            send(socket, reply(msg, "pong", true, null, null).toString());
            return null;
        }
        return msg;
    }

    ObjectNode reply(JsonNode request, String method, boolean success, ObjectNode result, String error) {
        ObjectNode out = KrakenJson.object();
        out.put("method", method);
        if (result != null) out.set("result", result);
        out.put("success", success);
        if (error != null) out.put("error", error);
        long now = clock.getAsLong();
        out.put("time_in", KrakenJson.rfc3339(now));
        out.put("time_out", KrakenJson.rfc3339(now));
        if (request != null && request.has("req_id")) out.set("req_id", request.get("req_id"));
        return out;
    }

    static void send(WebSocket socket, String text) {
        try {
            if (socket.isOpen()) socket.send(text);
        } catch (RuntimeException closedMeanwhile) {
            // the client reconnects and backfills
        }
    }
}
