package dev.botfleet.fakes.delta;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.delta.DeltaProducts.Product;
import dev.botfleet.fakes.perp.PerpLedger;
import dev.botfleet.fakes.perp.PerpPosition;
import org.java_websocket.WebSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * wss://socket.india.delta.exchange after {"type":"key-auth","payload":{"api-key","timestamp","signature"}}:
 * {@code orders} (action create/update/delete, state, unfilled_size, client_order_id, seq_no, timestamp µs),
 * {@code v2/user_trades} (compact, no commission), {@code user_trades} (the older form) and {@code positions}.
 * A fill goes out on the trade channels first, then its order update, then the position. The duplicate and
 * reorder faults apply to the trade messages.
 */
final class DeltaPrivateStream extends DeltaSockets implements MatchingEngine.Listener {
    private static final Set<String> CHANNELS = Set.of("orders", "v2/user_trades", "user_trades", "positions",
            "margins");

    private final MatchingEngine engine;
    private final PerpLedger ledger;
    private final DeltaProducts products;
    private final DeltaAuth auth;
    private final Faults faults;
    private final Map<String, Long> seq = new HashMap<>();
    private final List<Runnable> held = new ArrayList<>();

    DeltaPrivateStream(MatchingEngine engine, PerpLedger ledger, DeltaProducts products, DeltaAuth auth, Faults faults,
                       LongSupplier clock) {
        super(clock);
        this.engine = engine;
        this.ledger = ledger;
        this.products = products;
        this.auth = auth;
        this.faults = faults;
    }

    @Override
    Set<String> channels() { return CHANNELS; }

    @Override
    boolean needsAuth(String channel) { return true; }

    int subscribed() {
        return (int) sessions.entrySet().stream()
                .filter(e -> e.getKey().isOpen() && e.getValue().account != null && !e.getValue().channels.isEmpty())
                .count();
    }

    @Override
    boolean other(WebSocket socket, Session session, String type, JsonNode msg) {
        if (type.equals("unauth")) {
            session.account = null;
            session.channels.clear();
            return true;
        }
        if (!type.equals("key-auth")) return false;
        JsonNode payload = msg.path("payload");
        String key = DeltaJson.text(payload, "api-key");
        String ts = DeltaJson.text(payload, "timestamp");
        String signature = DeltaJson.text(payload, "signature");
        String status;
        int code;
        FakeAccount account = key.isEmpty() ? null : engine.account(key);
        if (key.isEmpty() || ts.isEmpty() || signature.isEmpty()) {
            status = "incomplete_payload";
            code = 400;
        } else if (account == null || account.revoked) {
            status = "api_key_not_found";
            code = 404;
        } else {
            String refusal = auth.verifySocket(account, ts, signature);
            status = refusal == null ? "authenticated" : refusal;
            code = refusal == null ? 200 : refusal.equals("request_expired") ? 408 : 401;
        }
        if (code == 200) session.account = account;
        ObjectNode reply = DeltaJson.object();
        reply.put("type", "key-auth");
        reply.put("success", code == 200);
        reply.put("status_code", code);
        reply.put("status", status);
        send(socket, DeltaJson.write(reply));
        return true;
    }

    @Override
    public void onOrder(FakeOrder order, FakeTrade trade) {
        Product p = products.bySymbol(order.market.venueSymbol);
        if (p == null) return;
        String orderMsg;
        String v2 = null;
        String v1 = null;
        String position = null;
        synchronized (engine) {
            long seqNo = seq.merge(p.symbol(), 1L, Long::sum);
            ObjectNode o = DeltaViews.order(order, p);
            o.put("type", "orders");
            o.put("action", trade == null ? (order.isOpen() ? "create" : "delete") : (order.isOpen() ? "update" : "delete"));
            o.put("reason", trade != null ? "fill" : null);
            o.put("symbol", p.symbol());
            o.put("order_id", order.orderId);
            o.put("seq_no", seqNo);
            o.put("timestamp", DeltaViews.micros(order.updatedAt));
            orderMsg = DeltaJson.write(o);
            if (trade != null) {
                PerpPosition pos = ledger.position(order.account, p.symbol());
                ObjectNode t = DeltaJson.object();
                t.put("type", "v2/user_trades");
                t.put("sy", p.symbol());
                t.put("f", Long.toString(trade.tradeId()));
                t.put("R", "normal");
                t.put("u", DeltaViews.userId(order.account.apiKey));
                t.put("o", order.orderId);
                t.put("S", trade.side() == FakeOrder.Side.BUY ? "buy" : "sell");
                t.put("s", DeltaProducts.contracts(p, trade.quantity()));
                t.put("p", DeltaJson.num(trade.price()));
                t.put("po", DeltaProducts.contracts(p, pos.size()));
                t.put("r", trade.maker() ? "maker" : "taker");
                t.put("c", order.clientOrderId);
                t.put("t", DeltaViews.micros(trade.time()));
                t.put("se", seqNo);
                v2 = DeltaJson.write(t);
                ObjectNode old = DeltaViews.fill(trade, p);
                old.put("type", "user_trades");
                old.put("symbol", p.symbol());
                old.put("fill_id", Long.toString(trade.tradeId()));
                old.put("client_order_id", order.clientOrderId);
                old.put("timestamp", DeltaViews.micros(trade.time()));
                old.put("seq_no", seqNo);
                v1 = DeltaJson.write(old);
                ObjectNode ps = DeltaViews.position(pos, p, order.account.apiKey);
                ps.put("type", "positions");
                ps.put("action", "update");
                ps.put("symbol", p.symbol());
                ps.put("timestamp", DeltaViews.micros(trade.time()));
                position = DeltaJson.write(ps);
            }
        }
        if (v2 != null) fillMessages(order.account, p.symbol(), v2, v1);
        publish(order.account, "orders", p.symbol(), orderMsg);
        if (position != null) publish(order.account, "positions", p.symbol(), position);
    }

    /** The margins channel (subscribed without symbols, as the docs' sample does): the wallet of the asset. */
    @Override
    public void onBalance(FakeAccount account, String asset) {
        if (!DeltaProducts.SETTLE.equals(asset)) return;
        java.math.BigDecimal free = account.free(asset);
        java.math.BigDecimal locked = account.locked(asset);
        ObjectNode m = DeltaJson.object();
        m.put("type", "margins");
        m.put("action", "update");
        m.put("asset_id", 14);
        m.put("asset_symbol", asset);
        m.put("balance", DeltaJson.num(free.add(locked)));
        m.put("available_balance", DeltaJson.num(free));
        m.put("blocked_margin", DeltaJson.num(locked));
        m.put("order_margin", DeltaJson.num(ledger.orderMargin(account, null)));
        m.put("position_margin", DeltaJson.num(ledger.positionMargin(account)));
        m.put("timestamp", DeltaViews.micros(clock.getAsLong()));
        String text = DeltaJson.write(m);
        sessions.forEach((socket, session) -> {
            if (session.account == account && session.channels.containsKey("margins")) send(socket, text);
        });
    }

    private void fillMessages(FakeAccount account, String symbol, String v2, String v1) {
        Runnable send = () -> {
            publish(account, "v2/user_trades", symbol, v2);
            publish(account, "user_trades", symbol, v1);
        };
        synchronized (held) {
            if (faults.take(Faults.Kind.REORDER_EXECUTION_REPORTS)) {
                held.add(send);
                if (!faults.armed(Faults.Kind.REORDER_EXECUTION_REPORTS)) {
                    for (int i = held.size() - 1; i >= 0; i--) held.get(i).run();
                    held.clear();
                }
                return;
            }
        }
        send.run();
        if (faults.take(Faults.Kind.DUPLICATE_EXECUTION_REPORTS)) send.run();
    }

    private void publish(FakeAccount account, String channel, String symbol, String text) {
        sessions.forEach((socket, s) -> {
            if (s.account == account && s.wants(channel, symbol)) send(socket, text);
        });
    }
}
