package dev.botfleet.exchanges.kraken;

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
 * The authenticated WebSocket v2 (https://docs.kraken.com/api/docs/websocket-v2/executions, .../balances): on every
 * (re)connect a fresh token from GetWebSocketsToken (a token is for connecting within 15 minutes), then subscribe to
 * {@code executions} (open orders in the snapshot, no trade snapshot: missed fills are backfilled by query) and
 * {@code balances}. Trade records become fills, deduplicated by {@code exec_id}; status records become accepted /
 * canceled / expired / rejected events, each once per order. Balance records carry totals; the available amount is
 * the total less what the last BalanceEx said open orders hold.
 */
final class KrakenUserStream implements Session, StreamHandle {
    private static final Logger log = LoggerFactory.getLogger(KrakenUserStream.class);
    private static final int REMEMBERED = 10_000;

    private final KrakenTradingClient client;
    private final UserStreamListener listener;
    private final Set<String> seenTrades = bounded();
    private final Set<String> seenOrderEvents = bounded();
    private ReconnectingWebSocket socket;
    private volatile int pendingAcks = -1;
    private volatile boolean reconnecting;

    KrakenUserStream(KrakenTradingClient client, UserStreamListener listener) {
        this.client = client;
        this.listener = listener;
    }

    void attach(ReconnectingWebSocket socket) { this.socket = socket; }

    @Override
    public boolean connected() { return pendingAcks == 0 && socket.connected(); }

    @Override
    public void close() { socket.close(); }

    @Override
    public void onOpen(Sender sender, boolean reconnect) {
        reconnecting = reconnect;
        String token = client.webSocketToken();
        pendingAcks = 2;
        sender.send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"executions\",\"token\":\"" + token
                + "\",\"snap_orders\":true,\"snap_trades\":false}}");
        sender.send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"balances\",\"token\":\"" + token
                + "\",\"snapshot\":true}}");
    }

    @Override
    public void onDropped(String reason) {
        pendingAcks = -1;
        listener.onDisconnected(reason);
    }

    @Override
    public void onMessage(Sender sender, String text) {
        JsonNode msg = KrakenRules.JSON.readTree(text);
        if (msg.path("method").asString("").equals("subscribe")) {
            if (!msg.path("success").asBoolean(false)) {
                String why = "subscribe refused: " + msg.path("error").asString("");
                log.warn("kraken private stream: {}", why);
                listener.onDisconnected(why);
                // A new connection takes a new token: dropping the socket starts that, with backoff.
                socket.dropForTest();
                return;
            }
            if (pendingAcks > 0 && --pendingAcks == 0) listener.onStreamLive(reconnecting);
            return;
        }
        switch (msg.path("channel").asString("")) {
            case "executions" -> msg.path("data").forEach(this::execution);
            case "balances" -> msg.path("data").forEach(this::balance);
            default -> { } // heartbeat, status, pong
        }
    }

    private void execution(JsonNode exec) {
        if (exec.path("cl_ord_id").asString("").isEmpty()) return;
        OrderEvent event = KrakenOrders.event(exec);
        if (event == null) return;
        boolean fresh = event instanceof OrderEvent.OrderFilled f ? seenTrades.add(f.tradeId())
                : seenOrderEvents.add(event.clientOrderId() + " " + event.getClass().getSimpleName());
        if (!fresh) return;
        VenueInstrument vi = client.pairs().byOurs(exec.path("symbol").asString(""));
        if (vi != null) listener.onOrderEvent(vi.symbol(), event);
    }

    private void balance(JsonNode row) {
        if (!row.has("balance")) return;
        String asset = KrakenPairs.asset(row.path("asset").asString(""));
        BigDecimal total = KrakenRules.decimal(row.path("balance"));
        listener.onBalance(new Balance(asset, total, total.subtract(client.held(asset)).max(BigDecimal.ZERO)));
    }

    private static Set<String> bounded() {
        return Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) { return size() > REMEMBERED; }
        }));
    }
}
