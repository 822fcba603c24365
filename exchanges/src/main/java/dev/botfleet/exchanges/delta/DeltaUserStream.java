package dev.botfleet.exchanges.delta;

import dev.botfleet.engine.market.MarginMode;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.UserStreamListener;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.VenuePosition;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The private socket: {@code key-auth}, then {@code orders}, {@code v2/user_trades} and {@code positions} for all
 * products. v2/user_trades carries no commission, so each fill is looked up in GET /v2/fills (by product, time and
 * order id) and handed on with the venue's fill id and fee; each fill id reaches the listener once. Order updates
 * become accepted / canceled / expired events (fills drive FILLED); position updates become {@link VenuePosition}s.
 * While the stream is open the key's dead-man switch is kept alive ({@link DeadManKeeper}).
 */
final class DeltaUserStream implements Session, StreamHandle {
    private static final Logger log = LoggerFactory.getLogger(DeltaUserStream.class);
    private static final int REMEMBERED = 10_000;

    private final DeltaTradingClient client;
    private final UserStreamListener listener;
    private final DeadManKeeper deadMan;
    private final Set<String> seenFills = bounded();
    private final Set<String> seenOrderEvents = bounded();
    private ReconnectingWebSocket socket;
    private volatile boolean subscribed;
    private volatile boolean reconnecting;
    private int loginAttempts;

    DeltaUserStream(DeltaTradingClient client, UserStreamListener listener) {
        this.client = client;
        this.listener = listener;
        this.deadMan = new DeadManKeeper(client);
    }

    void attach(ReconnectingWebSocket socket) { this.socket = socket; }

    DeadManKeeper deadMan() { return deadMan; }

    @Override
    public boolean connected() { return subscribed && socket.connected(); }

    @Override
    public void close() {
        socket.close();
        deadMan.stop(true);
    }

    @Override
    public void onOpen(Sender sender, boolean reconnect) {
        subscribed = false;
        reconnecting = reconnect;
        loginAttempts = 1;
        sender.send(client.keyAuthMessage());
    }

    @Override
    public void onDropped(String reason) {
        subscribed = false;
        listener.onDisconnected(reason);
    }

    @Override
    public void onMessage(Sender sender, String text) {
        JsonNode msg = DeltaRules.JSON.readTree(text);
        switch (msg.path("type").asString("")) {
            case "key-auth" -> keyAuth(sender, msg);
            case "subscriptions" -> {
                subscribed = true;
                deadMan.start();
                listener.onStreamLive(reconnecting);
            }
            case "v2/user_trades" -> fill(msg);
            case "orders" -> order(msg);
            case "positions" -> position(msg);
            case "margins" -> listener.onBalance(new dev.botfleet.engine.exchange.Balance(
                    msg.path("asset_symbol").asString(""), DeltaProducts.dec(msg, "balance"),
                    DeltaProducts.dec(msg, "available_balance")));
            default -> {
                // heartbeat, pong, user_trades (the slower form we do not subscribe to)
            }
        }
    }

    private void keyAuth(Sender sender, JsonNode msg) {
        if (msg.path("success").asBoolean(false)) {
            deadMan.beatNow();
            sender.send("{\"type\":\"subscribe\",\"payload\":{\"channels\":[{\"name\":\"orders\",\"symbols\":[\"all\"]},"
                    + "{\"name\":\"v2/user_trades\",\"symbols\":[\"all\"]},{\"name\":\"positions\",\"symbols\":[\"all\"]},"
                    + "{\"name\":\"margins\"}]}}");
            sender.send("{\"type\":\"enable_heartbeat\"}");
            return;
        }
        String status = msg.path("status").asString("");
        if (loginAttempts++ < 2) {
            log.warn("delta private stream: key-auth refused ({}); taking the venue's clock and trying again", status);
            client.resyncClock();
            sender.send(client.keyAuthMessage());
        } else {
            listener.onDisconnected("key-auth refused: " + status);
            socket.dropForTest();
        }
    }

    private void fill(JsonNode t) {
        VenueInstrument vi = client.products().byVenue(t.path("sy").asString(""));
        String cid = t.path("c").asString("");
        if (vi == null || cid.isEmpty()) return;
        OrderFilled fill = lookUp(vi, t, cid);
        if (!seenFills.add(fill.tradeId())) return;
        listener.onOrderEvent(vi.symbol(), fill);
    }

    /**
     * The REST record of a socket fill: the same fill id, else same order, time (µs), size and price and not yet handed
     * on. When the lookup
     * fails the socket's own fields are used with the fee at the instrument's rate for the role.
     */
    private OrderFilled lookUp(VenueInstrument vi, JsonNode t, String cid) {
        String orderId = t.path("o").asString("");
        long at = t.path("t").asLong();
        try {
            JsonNode order = DeltaRules.JSON.createObjectNode().put("id", orderId).put("client_order_id", cid)
                    .put("created_at", Long.toString(at - 1_000_000));
            List<OrderFilled> fills = client.fillsOf(vi, order);
            for (OrderFilled f : fills) {
                if (f.tradeId().equals(t.path("f").asString(""))) return f;
            }
            // Fills of one order in the same microsecond are told apart by size and price, and by not being seen yet.
            BigDecimal qty = BigDecimal.valueOf(t.path("s").asLong()).multiply(DeltaOrders.contractSize(vi));
            for (OrderFilled f : fills) {
                if (f.timestamp().equals(DeltaOrders.micros(t.path("t"))) && f.quantity().compareTo(qty) == 0
                        && f.price().compareTo(DeltaProducts.dec(t, "p")) == 0 && !seenFills.contains(f.tradeId())) {
                    return f;
                }
            }
        } catch (RuntimeException e) {
            log.warn("delta private stream: fee lookup for a fill failed: {}", e.getMessage());
        }
        BigDecimal qty = BigDecimal.valueOf(t.path("s").asLong()).multiply(DeltaOrders.contractSize(vi));
        BigDecimal price = DeltaProducts.dec(t, "p");
        boolean maker = "maker".equals(t.path("r").asString(""));
        BigDecimal rate = maker ? vi.instrument().makerFee() : vi.instrument().takerFee();
        return new OrderFilled(cid, t.path("f").asString(), "buy".equals(t.path("S").asString(""))
                ? dev.botfleet.engine.order.OrderSide.BUY : dev.botfleet.engine.order.OrderSide.SELL, price, qty,
                price.multiply(qty).multiply(rate).max(BigDecimal.ZERO),
                vi.instrument().derivative().settleAsset(), maker ? dev.botfleet.engine.order.Liquidity.MAKER
                : dev.botfleet.engine.order.Liquidity.TAKER, DeltaOrders.micros(t.path("t")));
    }

    private void order(JsonNode o) {
        String cid = o.path("client_order_id").asString("");
        VenueInstrument vi = client.products().byVenue(o.path("symbol").asString(o.path("product_symbol").asString("")));
        if (cid.isEmpty() || vi == null) return;
        Instant at = DeltaOrders.micros(o.path("timestamp"));
        String id = o.path("order_id").asString(o.path("id").asString(""));
        OrderEvent event = switch (DeltaOrders.status(o)) {
            case ACCEPTED, PARTIALLY_FILLED -> new OrderEvent.OrderAccepted(cid, id, at);
            case CANCELED -> new OrderEvent.OrderCanceled(cid, at);
            case EXPIRED -> new OrderEvent.OrderExpired(cid, at);
            default -> null;
        };
        if (event == null || !seenOrderEvents.add(cid + " " + event.getClass().getSimpleName())) return;
        listener.onOrderEvent(vi.symbol(), event);
    }

    private void position(JsonNode p) {
        VenueInstrument vi = client.products().byVenue(p.path("symbol").asString(p.path("product_symbol").asString("")));
        if (vi != null) listener.onPosition(position(p, vi, null));
    }

    /** A Position (REST or socket) in base units; leverage when known. */
    static VenuePosition position(JsonNode p, VenueInstrument vi, BigDecimal leverage) {
        BigDecimal size = BigDecimal.valueOf(p.path("size").asLong()).multiply(DeltaOrders.contractSize(vi));
        String liq = p.path("liquidation_price").asString("");
        return new VenuePosition(vi.symbol(), size, DeltaProducts.dec(p, "entry_price"),
                p.has("mark_price") ? DeltaProducts.dec(p, "mark_price") : null,
                liq == null || liq.isEmpty() || "null".equals(liq) ? null : new BigDecimal(liq), leverage,
                MarginMode.ISOLATED, DeltaProducts.dec(p, "margin"), Instant.now());
    }

    private static Set<String> bounded() {
        return Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) { return size() > REMEMBERED; }
        }));
    }
}
