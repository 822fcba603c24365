package dev.botfleet.exchanges.binance;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.UserStreamListener;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.http.RestCall;
import dev.botfleet.exchanges.http.RestClient;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The account's user data stream over the WebSocket API (web-socket-api.md "User Data Stream requests"; the REST
 * listenKey endpoints were retired on 2026-02-20). On every (re)connect it sends
 * {@code userDataStream.subscribe.signature} with apiKey, timestamp, recvWindow and the HMAC of those params sorted by
 * name — {@code session.logon} is documented for Ed25519 keys only. Events arrive as
 * {@code {"subscriptionId":N,"event":{...}}}: executionReport becomes engine order events, outboundAccountPosition
 * balances. A timestamp refusal resyncs the clock and subscribes again; a key refusal is reported and not retried.
 */
final class BinanceUserStream implements ReconnectingWebSocket.Session, StreamHandle {
    private static final Logger log = LoggerFactory.getLogger(BinanceUserStream.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Execution ids seen lately: a report sent twice is handed on once. */
    private static final int REMEMBERED_EXECUTIONS = 4096;

    private final BinanceSigner signer;
    private final RestClient rest;
    private final BinanceTrading trading;
    private final UserStreamListener listener;
    private final long recvWindowMillis;
    private final ReconnectingWebSocket socket;
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<String, Boolean> seenExecutions = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) { return size() > REMEMBERED_EXECUTIONS; }
    };
    private volatile boolean subscribed;
    private volatile boolean refused;
    private volatile String pendingId;
    private boolean reconnecting;
    private boolean resyncedThisConnection;

    BinanceUserStream(BinanceVenue.Network network, BinanceSigner signer, RestClient rest, BinanceTrading trading,
                      UserStreamListener listener, long recvWindowMillis) {
        this.signer = signer;
        this.rest = rest;
        this.trading = trading;
        this.listener = listener;
        this.recvWindowMillis = recvWindowMillis;
        URI uri = URI.create(network.endpoints.userStream());
        this.socket = new ReconnectingWebSocket("binance-user", network.http, () -> uri, this, Duration.ofSeconds(20), null);
    }

    BinanceUserStream start() {
        socket.start();
        return this;
    }

    @Override
    public boolean connected() { return socket.connected() && subscribed; }

    @Override
    public void close() { socket.close(); }

    /** Drops the socket as a network failure would (tests of the reconnect path). */
    void dropForTest() { socket.dropForTest(); }

    @Override
    public void onOpen(ReconnectingWebSocket.Sender sender, boolean reconnect) {
        subscribed = false;
        reconnecting = reconnect;
        resyncedThisConnection = false;
        if (refused) return; // the key was refused: a reconnect does not make it valid
        subscribe(sender);
    }

    @Override
    public void onDropped(String reason) {
        subscribed = false;
        listener.onDisconnected(reason);
    }

    @Override
    public void onMessage(ReconnectingWebSocket.Sender sender, String text) {
        JsonNode message = JSON.readTree(text);
        if (message.has("status") && message.has("id")) {
            answer(sender, message);
        } else if (message.has("event")) {
            event(sender, message.get("event"));
        }
    }

    private void subscribe(ReconnectingWebSocket.Sender sender) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("apiKey", signer.apiKey());
        params.put("timestamp", Long.toString(rest.clock().venueMillis()));
        params.put("recvWindow", Long.toString(recvWindowMillis));
        params.put("signature", signer.wsSignature(params));
        String id = "subscribe-" + requestIds.incrementAndGet();
        pendingId = id;
        ObjectNode request = JSON.createObjectNode();
        request.put("id", id);
        request.put("method", "userDataStream.subscribe.signature");
        ObjectNode p = request.putObject("params");
        p.put("apiKey", params.get("apiKey"));
        p.put("timestamp", Long.parseLong(params.get("timestamp")));
        p.put("recvWindow", Long.parseLong(params.get("recvWindow")));
        p.put("signature", params.get("signature"));
        sender.send(JSON.writeValueAsString(request));
    }

    private void answer(ReconnectingWebSocket.Sender sender, JsonNode message) {
        if (!message.path("id").asString("").equals(pendingId)) return;
        if (message.path("status").asInt() == 200) {
            subscribed = true;
            log.info("binance user stream subscribed (subscription {})", message.path("result").path("subscriptionId").asInt());
            listener.onStreamLive(reconnecting);
            return;
        }
        int code = message.path("error").path("code").asInt();
        String words = message.path("error").path("msg").asString("");
        if (code == -1021 && !resyncedThisConnection) {
            resyncedThisConnection = true;
            rest.clock().resync(() -> rest.send(RestCall.publicGet("/api/v3/time",
                    Map.of(), 1)).path("serverTime").asLong());
            subscribe(sender);
            return;
        }
        if (BinanceRules.kindOf(code, words) == VenueException.Kind.AUTH) refused = true;
        log.warn("binance user stream subscription refused: {} (code {})", words, code);
        listener.onDisconnected("user stream subscription refused by binance: " + words + " (code " + code + ")");
    }

    private void event(ReconnectingWebSocket.Sender sender, JsonNode e) {
        switch (e.path("e").asString("")) {
            case "executionReport" -> execution(e);
            case "outboundAccountPosition" -> {
                for (JsonNode b : e.path("B")) {
                    BigDecimal free = BinanceReferenceData.decimal(b, "f");
                    BigDecimal locked = BinanceReferenceData.decimal(b, "l");
                    listener.onBalance(new Balance(b.path("a").asString(), free.add(locked), free));
                }
            }
            case "eventStreamTerminated" -> {
                subscribed = false;
                subscribe(sender);
            }
            default -> {
                // balanceUpdate (deposits; the position event that follows carries the totals), listStatus, ...
            }
        }
    }

    private void execution(JsonNode e) {
        String executionId = e.path("i").asString() + ":" + e.path("I").asString();
        synchronized (seenExecutions) {
            if (seenExecutions.put(executionId, Boolean.TRUE) != null) return; // the venue (or a proxy) repeated it
        }
        Optional<VenueInstrument> instrument = trading.instrument(e.path("s").asString());
        if (instrument.isEmpty()) {
            log.warn("binance user stream: execution on unknown symbol {} ignored", e.path("s").asString());
            return;
        }
        OrderEvent event = BinanceOrders.event(e, instrument.get().instrument().quoteAsset());
        if (event != null) listener.onOrderEvent(instrument.get().symbol(), event);
    }
}
