package dev.botfleet.exchanges.bybit;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.order.OrderEvent;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The private stream (https://bybit-exchange.github.io/docs/v5/ws/connect, .../websocket/private/order, .../execution,
 * .../wallet): log in, then subscribe to order, execution and wallet. Executions become fills (deduplicated by
 * execId: a fill the venue reports twice reaches the listener once); order updates become accepted / canceled /
 * expired / rejected events (each once per order: the docs warn of two Filled messages when a cancel races a fill);
 * wallet updates become balances. Events of other categories and orders without an orderLinkId are not ours.
 *
 * <p>A refused login is usually a drifting clock (the expiry is in venue time): the clock is taken again and the
 * login retried once on the same socket; a second refusal drops the socket, and the reconnect backs off.
 */
final class BybitUserStream implements Session, StreamHandle {
    private static final Logger log = LoggerFactory.getLogger(BybitUserStream.class);
    private static final int REMEMBERED = 10_000;

    private final BybitTradingClient client;
    private final UserStreamListener listener;
    private final Set<String> seenExecutions = bounded();
    private final Set<String> seenOrderEvents = bounded();
    private ReconnectingWebSocket socket;
    private volatile boolean subscribed;
    private volatile boolean reconnecting;
    private int loginAttempts;

    BybitUserStream(BybitTradingClient client, UserStreamListener listener) {
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
        loginAttempts = 1;
        sender.send(client.authMessage());
    }

    @Override
    public void onDropped(String reason) {
        subscribed = false;
        listener.onDisconnected(reason);
    }

    @Override
    public void onMessage(Sender sender, String text) {
        JsonNode msg = BybitRules.JSON.readTree(text);
        String topic = msg.path("topic").asString("");
        if (topic.isEmpty()) {
            reply(sender, msg);
            return;
        }
        JsonNode data = msg.path("data");
        if (topic.startsWith("execution")) data.forEach(this::execution);
        else if (topic.startsWith("order")) data.forEach(this::order);
        else if (topic.equals("wallet")) data.forEach(this::wallet);
    }

    private void reply(Sender sender, JsonNode msg) {
        String op = msg.path("op").asString("");
        boolean success = msg.path("success").asBoolean(false);
        if (op.equals("auth")) {
            if (success) {
                sender.send("{\"op\":\"subscribe\",\"args\":[\"order\",\"execution\",\"wallet\"]}");
            } else if (loginAttempts++ < 2) {
                log.warn("bybit private stream: login refused ({}); taking the venue's clock and trying again",
                        msg.path("ret_msg").asString(""));
                client.resyncClock();
                sender.send(client.authMessage());
            } else {
                String why = "login refused: " + msg.path("ret_msg").asString("");
                listener.onDisconnected(why);
                // Reconnecting with backoff is the only way to try again; dropping the socket starts it.
                socket.dropForTest();
            }
        } else if (op.equals("subscribe")) {
            if (!success) {
                log.warn("bybit private stream: subscribe refused: {}", msg.path("ret_msg").asString(""));
                return;
            }
            subscribed = true;
            listener.onStreamLive(reconnecting);
        }
    }

    private void execution(JsonNode exec) {
        if (!spot(exec) || !BybitOrders.isTrade(exec) || exec.path("orderLinkId").asString("").isEmpty()) return;
        if (!seenExecutions.add(exec.path("execId").asString(""))) return;
        VenueInstrument vi = client.symbols().byVenue(exec.path("symbol").asString(""));
        if (vi != null) listener.onOrderEvent(vi.symbol(), BybitOrders.fill(exec, vi.instrument()));
    }

    private void order(JsonNode order) {
        if (!spot(order) || order.path("orderLinkId").asString("").isEmpty()) return;
        OrderEvent event = BybitOrders.event(order);
        if (event == null) return;
        if (!seenOrderEvents.add(event.clientOrderId() + " " + event.getClass().getSimpleName())) return;
        String symbol = client.symbols().ours(order.path("symbol").asString(""));
        if (symbol != null) listener.onOrderEvent(symbol, event);
    }

    private void wallet(JsonNode account) {
        for (JsonNode coin : account.path("coin")) {
            BigDecimal total = BybitOrders.decimal(coin, "walletBalance");
            BigDecimal locked = BybitOrders.decimal(coin, "locked");
            listener.onBalance(new Balance(coin.path("coin").asString(), total,
                    total.subtract(locked).max(BigDecimal.ZERO)));
        }
    }

    private static boolean spot(JsonNode row) {
        String category = row.path("category").asString("spot");
        return category.isEmpty() || category.equals("spot");
    }

    private static Set<String> bounded() {
        return Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) { return size() > REMEMBERED; }
        }));
    }
}
