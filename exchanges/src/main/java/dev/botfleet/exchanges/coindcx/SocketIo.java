package dev.botfleet.exchanges.coindcx;

import dev.botfleet.exchanges.ws.ReconnectingWebSocket;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket.Sender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.time.Duration;

/**
 * Socket.IO v2 over Engine.IO v3, websocket transport only — what CoinDCX's stream speaks ("only version 2.4.0 of
 * this module would work with our Websockets"). Written by hand over {@link ReconnectingWebSocket} rather than with
 * a socket.io client library: the part CoinDCX uses is a handful of text frames, and our socket already reconnects,
 * keeps alive and re-joins.
 *
 * <p>Frames: the server opens with Engine.IO {@code 0{"sid",..,"pingInterval","pingTimeout"}} and Socket.IO connect
 * {@code 40} (the default namespace); the client pings with {@code 2}, the server answers {@code 3}; an event either
 * way is {@code 42["name",data]}. A server {@code 41} (disconnect) or Engine.IO {@code 1} (close) ends the session.
 */
final class SocketIo {
    /** Engine.IO ping; the docs' sample pings every 25 s, which is also Socket.IO 2's default pingInterval. */
    static final String PING = "2";
    static final Duration PING_EVERY = Duration.ofSeconds(25);
    /** The websocket transport's path under the stream's base URL. */
    static final String PATH = "/socket.io/?EIO=3&transport=websocket";

    private SocketIo() {
    }

    /** One decoded frame. {@code event} and {@code data} only for EVENT. */
    record Frame(Type type, String event, JsonNode data) {
        enum Type { OPEN, CONNECT, DISCONNECT, ERROR, PING, PONG, EVENT, CLOSE, OTHER }
    }

    /** {@code 42["name",data]} with {@code data} given as compact JSON. */
    static String event(String name, String jsonData) {
        return "42[" + CoinDcxJson.JSON.writeValueAsString(name) + "," + jsonData + "]";
    }

    static Frame decode(String text) {
        if (text.isEmpty()) return new Frame(Frame.Type.OTHER, null, null);
        switch (text.charAt(0)) {
            case '0': return new Frame(Frame.Type.OPEN, null, text.length() > 1 ? CoinDcxJson.parse(text.substring(1)) : null);
            case '1': return new Frame(Frame.Type.CLOSE, null, null);
            case '2': return new Frame(Frame.Type.PING, null, null);
            case '3': return new Frame(Frame.Type.PONG, null, null);
            case '4': break;
            default: return new Frame(Frame.Type.OTHER, null, null);
        }
        if (text.length() < 2) return new Frame(Frame.Type.OTHER, null, null);
        String packet = text.substring(2);
        switch (text.charAt(1)) {
            case '0': return new Frame(Frame.Type.CONNECT, null, null);
            case '1': return new Frame(Frame.Type.DISCONNECT, null, null);
            case '4': return new Frame(Frame.Type.ERROR, null, packet.isEmpty() ? null : CoinDcxJson.parse(packet));
            case '2': break;
            default: return new Frame(Frame.Type.OTHER, null, null);
        }
        // Optional "/namespace," and ack id before the array.
        int start = packet.indexOf('[');
        if (start < 0) return new Frame(Frame.Type.OTHER, null, null);
        JsonNode array = CoinDcxJson.parse(packet.substring(start));
        if (!(array instanceof ArrayNode a) || a.isEmpty()) return new Frame(Frame.Type.OTHER, null, null);
        return new Frame(Frame.Type.EVENT, a.get(0).asString(""), a.size() > 1 ? a.get(1) : null);
    }

    /**
     * The payload of a CoinDCX event: the docs read {@code response.data}. It is taken as JSON whether the venue sends
     * it as an object/array or as a JSON-encoded string.
     */
    static JsonNode payload(JsonNode eventArgument) {
        if (eventArgument == null) return CoinDcxJson.JSON.missingNode();
        JsonNode data = eventArgument.has("data") ? eventArgument.get("data") : eventArgument;
        if (data.isString()) {
            String text = data.asString("").strip();
            if (text.startsWith("{") || text.startsWith("[")) return CoinDcxJson.parse(text);
        }
        return data;
    }

    /** What a Socket.IO stream does with its session: join on connect, handle events. */
    interface Handler {
        /** Connected (Socket.IO {@code 40} received): join channels now. */
        void onConnected(Sender sender, boolean reconnect) throws Exception;

        void onEvent(Sender sender, String event, JsonNode argument) throws Exception;

        default void onDropped(String reason) {
        }
    }

    /** Engine.IO v3 handling around a {@link Handler}; the handler sees only connects and events. */
    static final class Session implements ReconnectingWebSocket.Session {
        private final Handler handler;
        private volatile boolean reconnect;
        private volatile boolean connected;
        private volatile boolean joining;
        private volatile ReconnectingWebSocket socket;

        Session(Handler handler) {
            this.handler = handler;
        }

        void attach(ReconnectingWebSocket socket) { this.socket = socket; }

        /** Connected and every join handled by the server. */
        boolean connected() { return connected; }

        @Override
        public void onOpen(Sender sender, boolean reconnect) {
            // Nothing to send yet: the server speaks first (open packet, then 40).
            this.reconnect = reconnect;
            this.connected = false;
            this.joining = false;
        }

        @Override
        public void onMessage(Sender sender, String text) throws Exception {
            Frame frame = decode(text);
            switch (frame.type()) {
                case CONNECT -> {
                    handler.onConnected(sender, reconnect);
                    // Socket.IO 2 acknowledges no join. A server handles one connection's packets in order, so the
                    // pong to a ping sent after the joins says they have been handled: only then are we connected.
                    sender.send(PING);
                    joining = true;
                }
                case PONG -> {
                    if (joining) {
                        joining = false;
                        connected = true;
                    }
                }
                case PING -> sender.send("3");
                case EVENT -> handler.onEvent(sender, frame.event(), frame.data());
                // The session is over though the socket may linger: drop it, so the reconnect (and re-join) starts.
                case DISCONNECT, CLOSE, ERROR -> {
                    connected = false;
                    ReconnectingWebSocket s = socket;
                    if (s != null) s.dropForTest();
                }
                default -> { }
            }
        }

        @Override
        public void onDropped(String reason) {
            connected = false;
            handler.onDropped(reason);
        }
    }
}
