package dev.botfleet.exchanges.coinbase;

import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.UserStreamListener;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket.Sender;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user socket (WebSocket channels page, "user"): subscribe "user" and "heartbeats", each with a fresh JWT (no uri
 * claim), within 5 s of connecting. The channel sends a snapshot of open orders, then the orders' cumulative state on
 * every change; it carries neither individual fills nor balances. So:
 * <ul>
 * <li>a growing cumulative_quantity makes this stream fetch the order's fills by REST (List Fills) and hand on those
 * not seen yet (by trade id) in trade order — duplicated or reordered updates change nothing, an older update has a
 * smaller cumulative quantity and is ignored;</li>
 * <li>each state (accepted, canceled, expired, rejected) goes to the listener once per order, after the fills;</li>
 * <li>after fills and final states the balances are fetched (List Accounts) and handed on.</li>
 * </ul>
 * A refused subscribe (usually a token stamped with a drifting clock) takes the venue's clock and tries once more.
 */
final class CoinbaseUserStream implements Session, StreamHandle {
    private static final Logger log = LoggerFactory.getLogger(CoinbaseUserStream.class);
    private static final int REMEMBERED = 10_000;

    private final CoinbaseTrading client;
    private final UserStreamListener listener;
    private final Set<String> seenTrades = bounded();
    private final Set<String> seenStates = bounded();
    private final Map<String, BigDecimal> cumulative = new ConcurrentHashMap<>();
    private ReconnectingWebSocket socket;
    private volatile boolean subscribed;
    private volatile boolean reconnecting;
    private int attempts;

    CoinbaseUserStream(CoinbaseTrading client, UserStreamListener listener) {
        this.client = client;
        this.listener = listener;
    }

    void attach(ReconnectingWebSocket socket) { this.socket = socket; }

    @Override
    public boolean connected() { return subscribed && socket.connected(); }

    @Override
    public void close() { socket.close(); }

    @Override
    public void onOpen(Sender sender, boolean reconnect) {
        subscribed = false;
        reconnecting = reconnect;
        attempts = 1;
        subscribe(sender);
    }

    private void subscribe(Sender sender) {
        sender.send("{\"type\":\"subscribe\",\"channel\":\"user\",\"jwt\":\"" + client.wsToken() + "\"}");
        sender.send("{\"type\":\"subscribe\",\"channel\":\"heartbeats\",\"jwt\":\"" + client.wsToken() + "\"}");
    }

    @Override
    public void onDropped(String reason) {
        subscribed = false;
        listener.onDisconnected(reason);
    }

    @Override
    public void onMessage(Sender sender, String text) {
        JsonNode msg = CoinbaseRules.JSON.readTree(text);
        if ("error".equals(msg.path("type").asString(""))) {
            refused(sender, msg.path("message").asString(""));
            return;
        }
        switch (msg.path("channel").asString("")) {
            case "subscriptions" -> {
                if (msg.path("events").path(0).path("subscriptions").has("user") && !subscribed) {
                    subscribed = true;
                    listener.onStreamLive(reconnecting);
                }
            }
            case "user" -> {
                boolean moved = false;
                for (JsonNode event : msg.path("events")) {
                    for (JsonNode order : event.path("orders")) moved |= order(order);
                }
                if (moved) refreshBalances();
            }
            default -> {
            }
        }
    }

    private void refused(Sender sender, String why) {
        if (subscribed) {
            log.warn("coinbase user stream: {}", why);
        } else if (attempts++ < 2) {
            log.warn("coinbase user stream: subscribe refused ({}); taking the venue's clock and trying again", why);
            client.resyncClock();
            subscribe(sender);
        } else {
            listener.onDisconnected("subscribe refused: " + why);
            socket.dropForTest(); // reconnecting with backoff is the way to try again
        }
    }

    /** One order record; true when it moved balances (a fill or a final state). */
    private boolean order(JsonNode order) {
        String clientId = order.path("client_order_id").asString("");
        String orderId = order.path("order_id").asString("");
        if (clientId.isEmpty() || orderId.isEmpty()) return false;
        client.remember(order);
        VenueInstrument vi = client.product(order.path("product_id").asString(""));
        if (vi == null) return false;
        boolean moved = false;
        BigDecimal cum = CoinbaseOrders.filled(order);
        BigDecimal before = cumulative.getOrDefault(orderId, BigDecimal.ZERO);
        if (cum.compareTo(before) > 0) {
            cumulative.merge(orderId, cum, BigDecimal::max);
            for (OrderFilled fill : client.fillsOf(orderId, clientId, vi)) {
                if (seenTrades.add(fill.tradeId())) {
                    listener.onOrderEvent(vi.symbol(), fill);
                    moved = true;
                }
            }
        }
        OrderEvent state = CoinbaseOrders.event(order, Instant.now());
        if (state == null) return moved;
        boolean finalState = !(state instanceof OrderEvent.OrderAccepted);
        if (seenStates.add(orderId + " " + state.getClass().getSimpleName())) {
            listener.onOrderEvent(vi.symbol(), state);
            moved |= finalState;
        }
        return moved;
    }

    private void refreshBalances() {
        try {
            client.balances().forEach(listener::onBalance);
        } catch (RuntimeException e) {
            log.warn("coinbase user stream: balances not refreshed: {}", e.getMessage());
        }
    }

    private static Set<String> bounded() {
        return Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) { return size() > REMEMBERED; }
        }));
    }
}
