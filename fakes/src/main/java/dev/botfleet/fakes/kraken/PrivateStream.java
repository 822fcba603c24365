package dev.botfleet.fakes.kraken;

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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The authenticated WebSocket v2 (wss://ws-auth.kraken.com/v2): {@code subscribe} to {@code executions} and
 * {@code balances} with a {@code token} from GetWebSocketsToken (to be used within 15 minutes; the connection then
 * stays authenticated). Executions start with a snapshot of the open orders ({@code snap_orders}, default true) and
 * then stream, per order: {@code pending_new} and {@code new}, one {@code trade} per fill (fees in
 * {@code fees:[{asset, qty}]}), then {@code filled}, {@code canceled} or {@code expired}. Every message carries a
 * {@code sequence} per connection. Balances start with a snapshot and update per ledger entry.
 */
final class PrivateStream extends WsSessions implements FakeWs.Handler, MatchingEngine.Listener {
    static final long TOKEN_LIFETIME_MILLIS = 15 * 60_000;

    private record Token(FakeAccount account, long issuedAt) {
    }

    private final MatchingEngine engine;
    private final Faults faults;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<Long, Integer> publishedTrades = new HashMap<>();
    private final Map<Long, String> publishedStatus = new HashMap<>();
    private final List<Runnable> held = new ArrayList<>();

    PrivateStream(MatchingEngine engine, Faults faults, LongSupplier clock) {
        super(clock);
        this.engine = engine;
        this.faults = faults;
    }

    /** GetWebSocketsToken: a new token for the key's account. */
    String issueToken(FakeAccount account) {
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, new Token(account, clock.getAsLong()));
        return token;
    }

    int subscribed() {
        return (int) sessions.entrySet().stream().filter(e -> e.getKey().isOpen()
                && e.getValue().channels.contains("executions")).count();
    }

    @Override
    public void onOpen(WebSocket socket, String path) { opened(socket, path); }

    @Override
    public void onClose(WebSocket socket) { sessions.remove(socket); }

    @Override
    public void onMessage(WebSocket socket, String text) {
        JsonNode msg = parse(socket, text);
        Session session = sessions.get(socket);
        if (msg == null || session == null) return;
        String method = msg.path("method").asString("");
        JsonNode params = msg.path("params");
        String channel = params.path("channel").asString("");
        if (!method.equals("subscribe") || !(channel.equals("executions") || channel.equals("balances"))) {
            send(socket, reply(msg, method, false, null, "EGeneral:Invalid arguments").toString());
            return;
        }
        FakeAccount account = account(params.path("token").asString(""));
        if (account == null) {
            send(socket, reply(msg, method, false, null, "EAPI:Invalid token").toString());
            return;
        }
        synchronized (session) {
            session.account = account;
            ObjectNode result = KrakenJson.object();
            result.put("channel", channel);
            send(socket, reply(msg, method, true, result, null).toString());
            if (channel.equals("executions")) {
                if (params.path("snap_orders").asBoolean(true)) snapshotOrders(socket, session, account);
            } else {
                snapshotBalances(socket, session, account);
            }
            session.channels.add(channel);
        }
    }

    private FakeAccount account(String token) {
        Token t = tokens.get(token);
        if (t == null || t.account().revoked || clock.getAsLong() - t.issuedAt() > TOKEN_LIFETIME_MILLIS) return null;
        return t.account();
    }

    private void snapshotOrders(WebSocket socket, Session session, FakeAccount account) {
        ArrayNode data = KrakenJson.JSON.createArrayNode();
        long now = clock.getAsLong();
        synchronized (engine) {
            for (FakeOrder o : engine.openOrders(account, null)) {
                data.add(OrderViews.execution(o, o.clientOrderId, "new", null, o.executedQuantity, o.cumulativeQuote, now));
            }
        }
        send(socket, message("executions", "snapshot", data, session));
    }

    private void snapshotBalances(WebSocket socket, Session session, FakeAccount account) {
        ArrayNode data = KrakenJson.JSON.createArrayNode();
        account.balances().forEach((asset, fl) -> {
            ObjectNode b = data.addObject();
            b.put("asset", asset);
            b.put("asset_class", "currency");
            b.put("balance", fl[0].add(fl[1]));
        });
        send(socket, message("balances", "snapshot", data, session));
    }

    @Override
    public void onOrder(FakeOrder order, FakeTrade trade) { publish(order); }

    @Override
    public void onBalance(FakeAccount account, String asset) {
        BigDecimal total = account.free(asset).add(account.locked(asset));
        long now = clock.getAsLong();
        forSubscribers(account, "balances", session -> {
            ArrayNode data = KrakenJson.JSON.createArrayNode();
            ObjectNode b = data.addObject();
            b.put("asset", asset);
            b.put("asset_class", "currency");
            b.put("balance", total);
            b.put("type", "trade");
            b.put("wallet_type", "spot");
            b.put("wallet_id", "main");
            b.put("timestamp", KrakenJson.rfc3339(now));
            return message("balances", "update", data, session);
        });
    }

    /** What changed since the order was last published: new, its new fills, then its final state. */
    private synchronized void publish(FakeOrder order) {
        List<ObjectNode> events = new ArrayList<>();
        List<Boolean> isTrade = new ArrayList<>();
        long now = clock.getAsLong();
        synchronized (engine) {
            String clOrdId = order.clientOrderId;
            if (!publishedStatus.containsKey(order.orderId)) {
                events.add(OrderViews.execution(order, clOrdId, "pending_new", null, BigDecimal.ZERO, BigDecimal.ZERO, now));
                events.add(OrderViews.execution(order, clOrdId, "new", null, BigDecimal.ZERO, BigDecimal.ZERO, now));
                isTrade.add(false);
                isTrade.add(false);
                publishedStatus.put(order.orderId, "new");
            }
            int done = publishedTrades.getOrDefault(order.orderId, 0);
            BigDecimal cumQty = BigDecimal.ZERO;
            BigDecimal cumCost = BigDecimal.ZERO;
            for (int i = 0; i < order.trades.size(); i++) {
                FakeTrade t = order.trades.get(i);
                cumQty = cumQty.add(t.quantity());
                cumCost = cumCost.add(t.quoteQuantity());
                if (i < done) continue;
                events.add(OrderViews.execution(order, clOrdId, "trade", t, cumQty, cumCost, now));
                isTrade.add(true);
            }
            publishedTrades.put(order.orderId, order.trades.size());
            String finalType = switch (order.status) {
                case FILLED -> "filled";
                case CANCELED, REJECTED -> "canceled";
                case EXPIRED -> "expired";
                default -> null;
            };
            if (finalType != null && !finalType.equals(publishedStatus.put(order.orderId, finalType))) {
                events.add(OrderViews.execution(order, clOrdId, finalType, null, order.executedQuantity,
                        order.cumulativeQuote, now));
                isTrade.add(false);
            }
        }
        for (int i = 0; i < events.size(); i++) {
            ObjectNode e = events.get(i);
            Runnable send = () -> forSubscribers(order.account, "executions",
                    session -> message("executions", "update", KrakenJson.JSON.createArrayNode().add(e), session));
            if (isTrade.get(i)) faulty(send);
            else send.run();
        }
    }

    /** The duplicate and reorder faults apply to trade records. */
    private void faulty(Runnable send) {
        if (faults.take(Faults.Kind.REORDER_EXECUTION_REPORTS)) {
            held.add(send);
            if (!faults.armed(Faults.Kind.REORDER_EXECUTION_REPORTS)) {
                for (int i = held.size() - 1; i >= 0; i--) held.get(i).run();
                held.clear();
            }
            return;
        }
        send.run();
        if (faults.take(Faults.Kind.DUPLICATE_EXECUTION_REPORTS)) send.run();
    }

    private void forSubscribers(FakeAccount account, String channel, java.util.function.Function<Session, String> render) {
        sessions.forEach((socket, session) -> {
            if (session.account != account || !session.channels.contains(channel)) return;
            synchronized (session) {
                send(socket, render.apply(session));
            }
        });
    }

    private static String message(String channel, String type, ArrayNode data, Session session) {
        ObjectNode msg = KrakenJson.object();
        msg.put("channel", channel);
        msg.put("type", type);
        msg.set("data", data);
        msg.put("sequence", ++session.sequence);
        return msg.toString();
    }
}
