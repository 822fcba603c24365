package dev.botfleet.exchanges.coindcx;

import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.UserStreamListener;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket.Sender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The private channel {@code coindcx} (docs, Futures Sockets / ACCOUNT): joined with the key and the HMAC of
 * {@code {"channel":"coindcx"}}; events {@code df-order-update} (orders with their {@code trades}),
 * {@code df-position-update} and {@code balance-update}, each carrying an array in {@code data}.
 *
 * <p>Order updates are reported under our venue client id (the link is {@link PlacementBook}'s); an update of an order
 * whose create answer has not come back yet is kept until it does. Each fill (by its derived key) and each terminal
 * event reaches the listener once. When an update's filled quantity is more than its {@code trades} show (the docs'
 * sample has an empty array; the elements' shape is not documented), the order's fills are read from Get Trades.
 */
final class CoinDcxUserStream implements SocketIo.Handler, StreamHandle {
    private static final Logger log = LoggerFactory.getLogger(CoinDcxUserStream.class);
    private static final int REMEMBERED = 10_000;

    private final CoinDcxTrading client;
    private final UserStreamListener listener;
    private final Set<String> seen = bounded();
    private ReconnectingWebSocket socket;
    private SocketIo.Session session;

    CoinDcxUserStream(CoinDcxTrading client, UserStreamListener listener) {
        this.client = client;
        this.listener = listener;
    }

    void attach(ReconnectingWebSocket socket, SocketIo.Session session) {
        this.socket = socket;
        this.session = session;
    }

    @Override
    public boolean connected() { return session.connected() && socket.connected(); }

    @Override
    public void close() { socket.close(); }

    @Override
    public void onConnected(Sender sender, boolean reconnect) {
        sender.send(SocketIo.event("join", client.joinMessage()));
        listener.onStreamLive(reconnect);
    }

    @Override
    public void onDropped(String reason) { listener.onDisconnected(reason); }

    @Override
    public void onEvent(Sender sender, String event, JsonNode argument) {
        JsonNode data = SocketIo.payload(argument);
        Iterable<JsonNode> rows = data.isArray() ? data : List.of(data);
        switch (event) {
            case "df-order-update" -> rows.forEach(this::order);
            case "df-position-update" -> rows.forEach(r ->
                    listener.onPosition(client.position(symbol(r.path("pair").asString("")), r)));
            case "balance-update" -> rows.forEach(r -> listener.onBalance(CoinDcxTrading.balance(r)));
            default -> { }
        }
    }

    private void order(JsonNode row) {
        String orderId = row.path("id").asString("");
        String venueClientId = client.book().clientIdOrPark(orderId, row);
        if (venueClientId == null) return; // not ours, or ours with its create answer still on the way
        PlacementBook.Placement p = client.book().placement(venueClientId);
        List<OrderEvent> events = CoinDcxOrders.events(venueClientId, row, p != null && p.instantOnly(),
                CoinDcxTrading.MARGIN);
        BigDecimal shown = events.stream().filter(e -> e instanceof OrderFilled).map(e -> ((OrderFilled) e).quantity())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (CoinDcxOrders.filled(row).compareTo(shown) > 0) {
            try {
                List<OrderFilled> fills = client.fillsOf(venueClientId, row);
                events = new java.util.ArrayList<>(events);
                // Fills go before the status they lead to.
                int at = events.isEmpty() || !(events.getFirst() instanceof OrderEvent.OrderAccepted) ? 0 : 1;
                events.addAll(at, fills);
            } catch (RuntimeException e) {
                log.warn("coindcx user stream: fills of {} not read: {}", venueClientId, e.getMessage());
            }
        }
        String symbol = symbol(row.path("pair").asString(""));
        for (OrderEvent e : events) {
            String key = e instanceof OrderFilled f ? "fill " + f.tradeId() : venueClientId + " " + e.getClass().getSimpleName();
            if (seen.add(key)) listener.onOrderEvent(symbol, e);
        }
    }

    /** {@code B-BTC_USDT} → {@code BTC/USDT}. */
    static String symbol(String pair) {
        int dash = pair.indexOf('-');
        return pair.substring(dash + 1).replace('_', '/');
    }

    private static Set<String> bounded() {
        return Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) { return size() > REMEMBERED; }
        }));
    }
}
