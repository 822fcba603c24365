package dev.botfleet.fakes.coindcx;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeWs;
import dev.botfleet.fakes.MatchingEngine;
import org.java_websocket.WebSocket;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * stream.coindcx.com as a Socket.IO v2 server (Engine.IO v3), websocket transport only: a client connects to
 * {@code /socket.io/?EIO=3&transport=websocket} and gets the open packet {@code 0{"sid","upgrades":[],
 * "pingInterval":25000,"pingTimeout":60000}} and the namespace connect {@code 40}; it pings {@code 2} and gets
 * {@code 3}; it emits {@code 42["join",{"channelName":…}]} and {@code leave}. The private channel {@code coindcx} is
 * joined only with a known, unrevoked key and {@code authSignature} = hex HMAC-SHA256(secret, {"channel":"coindcx"});
 * a bad join is ignored, as Socket.IO 2 has no acknowledgement the docs describe. Other Engine.IO versions or
 * transports are closed.
 */
final class SocketIoServer implements FakeWs.Handler {
    static final String PRIVATE = "coindcx";

    static final class Session {
        final Set<String> channels = ConcurrentHashMap.newKeySet();
        volatile FakeAccount account;
    }

    private final MatchingEngine engine;
    private final Map<WebSocket, Session> sessions = new ConcurrentHashMap<>();

    SocketIoServer(MatchingEngine engine) {
        this.engine = engine;
    }

    @Override
    public void onOpen(WebSocket socket, String path) {
        if (!path.startsWith("/socket.io/") || !path.contains("EIO=3") || !path.contains("transport=websocket")) {
            socket.close(1008, "Socket.IO v2 (EIO=3) over websocket only");
            return;
        }
        sessions.put(socket, new Session());
        send(socket, "0{\"sid\":\"" + UUID.randomUUID() + "\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":60000}");
        send(socket, "40");
    }

    @Override
    public void onClose(WebSocket socket) { sessions.remove(socket); }

    @Override
    public void onMessage(WebSocket socket, String text) {
        Session session = sessions.get(socket);
        if (session == null || text.isEmpty()) return;
        if (text.equals("2")) {
            send(socket, "3");
            return;
        }
        if (!text.startsWith("42")) return;
        JsonNode array;
        try {
            array = Json.parse(text.substring(text.indexOf('[')));
        } catch (RuntimeException e) {
            return;
        }
        String event = array.path(0).asString("");
        JsonNode data = array.path(1);
        String channel = Json.text(data, "channelName");
        switch (event) {
            case "join" -> {
                if (PRIVATE.equals(channel)) {
                    FakeAccount account = authenticate(data);
                    if (account == null) return;
                    session.account = account;
                }
                session.channels.add(channel);
            }
            case "leave" -> {
                session.channels.remove(channel);
                if (PRIVATE.equals(channel)) session.account = null;
            }
            default -> { } // the docs' sample also emits "ping" events: nothing to answer
        }
    }

    private FakeAccount authenticate(JsonNode data) {
        FakeAccount account = engine.account(Json.text(data, "apiKey"));
        if (account == null || account.revoked) return null;
        String expected = hmacHex(account.secret, "{\"channel\":\"coindcx\"}");
        boolean ok = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                Json.text(data, "authSignature").getBytes(StandardCharsets.US_ASCII));
        return ok ? account : null;
    }

    /** Sockets whose private channel is joined. */
    int privateSubscribers() {
        return (int) sessions.entrySet().stream()
                .filter(e -> e.getKey().isOpen() && e.getValue().account != null).count();
    }

    /** Emits {@code 42["event",payload]} to every socket that joined {@code channel} (for the private one, as account). */
    void emit(String channel, FakeAccount account, String event, String payload) {
        String frame = "42[\"" + event + "\"," + payload + "]";
        sessions.forEach((socket, session) -> {
            if (!session.channels.contains(channel)) return;
            if (account != null && session.account != account) return;
            send(socket, frame);
        });
    }

    static String hmacHex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(WebSocket socket, String text) {
        try {
            if (socket.isOpen()) socket.send(text);
        } catch (RuntimeException closedMeanwhile) {
            // the client reconnects and re-joins
        }
    }
}
