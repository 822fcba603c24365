package dev.botfleet.fakes.coinbase;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.FakeWs;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.MatchingEngine;
import org.java_websocket.WebSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * The user socket (wss://advanced-trade-ws-user.coinbase.com): "user" needs a JWT in the subscribe message (checked
 * like a REST token, without uri); it sends a snapshot of the account's open orders, then one update per order change
 * with the order's cumulative state (cumulative_quantity, leaves_quantity, avg_price, total_fees, status). It carries
 * no per-fill records and no balances: clients fetch fills by REST (List Fills). "heartbeats" as on the market socket.
 *
 * <p>Faults: DUPLICATE_EXECUTION_REPORTS sends each update twice; REORDER_EXECUTION_REPORTS holds the next n updates
 * that carry a fill and sends them in reverse order.
 */
final class UserStream implements FakeWs.Handler, MatchingEngine.Listener {
    private final MatchingEngine engine;
    private final CdpAuth auth;
    private final Faults faults;
    private final Subscriptions subs;
    private final ScheduledExecutorService timer;
    private final Map<WebSocket, FakeAccount> accounts = new ConcurrentHashMap<>();
    private final List<Runnable> held = new ArrayList<>();

    UserStream(MatchingEngine engine, CdpAuth auth, Faults faults, LongSupplier clock, ScheduledExecutorService timer) {
        this.engine = engine;
        this.auth = auth;
        this.faults = faults;
        this.timer = timer;
        this.subs = new Subscriptions(clock, timer);
    }

    int subscribed() {
        int n = 0;
        for (WebSocket c : accounts.keySet()) if (c.isOpen() && subs.subscribed(c, "user")) n++;
        return n;
    }

    @Override
    public void onOpen(WebSocket socket, String path) { subs.opened(socket, timer); }

    @Override
    public void onClose(WebSocket socket) {
        subs.closed(socket);
        accounts.remove(socket);
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        JsonNode msg;
        try {
            msg = CbJson.parse(text);
        } catch (RuntimeException e) {
            Subscriptions.error(socket, "malformed message");
            return;
        }
        String channel = msg.path("channel").asString("");
        String type = msg.path("type").asString("");
        if (type.equals("unsubscribe")) {
            subs.unsubscribe(socket, channel);
            return;
        }
        if (!type.equals("subscribe")) {
            Subscriptions.error(socket, "type must be subscribe or unsubscribe");
            return;
        }
        switch (channel) {
            case "heartbeats" -> subs.subscribe(socket, channel, msg.path("product_ids"));
            case "user", "futures_balance_summary" -> {
                FakeAccount account;
                try {
                    account = auth.verifyWs(msg.path("jwt").asString(""));
                } catch (CdpAuth.Refused refused) {
                    Subscriptions.error(socket, "authentication failure");
                    return;
                }
                accounts.put(socket, account);
                subs.subscribe(socket, channel, msg.path("product_ids"));
                if (channel.equals("user")) snapshot(socket, account);
            }
            default -> Subscriptions.error(socket, "Failed to subscribe: unknown channel " + channel);
        }
    }

    private void snapshot(WebSocket socket, FakeAccount account) {
        ObjectNode event = CbJson.object();
        event.put("type", "snapshot");
        ArrayNode orders = event.putArray("orders");
        for (FakeOrder o : engine.openOrders(account, null)) orders.add(view(o));
        subs.send(socket, "user", List.of(event));
    }

    @Override
    public void onOrder(FakeOrder order, FakeTrade trade) {
        ObjectNode event = CbJson.object();
        event.put("type", "update");
        synchronized (engine) {
            event.putArray("orders").add(view(order));
        }
        List<WebSocket> targets = accounts.entrySet().stream().filter(e -> e.getValue() == order.account)
                .map(Map.Entry::getKey).filter(c -> subs.subscribed(c, "user")).toList();
        Runnable deliver = () -> {
            int copies = faults.take(Faults.Kind.DUPLICATE_EXECUTION_REPORTS) ? 2 : 1;
            for (int i = 0; i < copies; i++) for (WebSocket c : targets) subs.send(c, "user", List.of(event));
        };
        List<Runnable> flush = List.of();
        synchronized (held) {
            if (trade != null && faults.take(Faults.Kind.REORDER_EXECUTION_REPORTS)) {
                held.add(deliver);
                if (!faults.armed(Faults.Kind.REORDER_EXECUTION_REPORTS)) {
                    flush = new ArrayList<>(held);
                    Collections.reverse(flush);
                    held.clear();
                }
                deliver = null;
            }
        }
        if (deliver != null) deliver.run();
        flush.forEach(Runnable::run);
    }

    /** The user channel's order record. */
    private static ObjectNode view(FakeOrder o) {
        ObjectNode n = CbJson.object();
        n.put("order_id", CbJson.orderId(o.orderId));
        n.put("client_order_id", o.clientOrderId == null ? "" : o.clientOrderId);
        n.put("cumulative_quantity", CbJson.num(o.executedQuantity));
        n.put("leaves_quantity", CbJson.num(o.isOpen() ? o.remaining() : java.math.BigDecimal.ZERO));
        n.put("avg_price", o.executedQuantity.signum() == 0 ? "0"
                : CbJson.num(o.cumulativeQuote.divide(o.executedQuantity, 8, RoundingMode.HALF_EVEN)));
        n.put("total_fees", CbJson.num(CbJson.totalFees(o)));
        n.put("status", CbJson.status(o));
        n.put("product_id", o.market.venueSymbol);
        n.put("creation_time", CbJson.time(o.createdAt));
        n.put("order_side", o.side.name());
        n.put("order_type", o.type == FakeOrder.Type.MARKET ? "Market" : "Limit");
        n.put("time_in_force", CbJson.timeInForce(o));
        n.put("cancel_reason", o.status == FakeOrder.Status.CANCELED ? "User requested cancel" : "");
        n.put("reject_reason", "");
        n.put("number_of_fills", Integer.toString(o.trades.size()));
        n.put("filled_value", CbJson.num(o.cumulativeQuote));
        n.put("product_type", "SPOT");
        return n;
    }

    void dropAll(FakeWs ws) { ws.dropAll(); }
}
