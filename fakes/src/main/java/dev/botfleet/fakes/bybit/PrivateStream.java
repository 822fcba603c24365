package dev.botfleet.fakes.bybit;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.FakeWs;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.bybit.OrderLedger.PostOnlyCancelled;
import org.java_websocket.WebSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The private stream at /v5/private (https://bybit-exchange.github.io/docs/v5/ws/connect): a socket logs in with
 * {"op":"auth","args":[apiKey, expires, hex HMAC-SHA256(secret, "GET/realtime" + expires)]}, expires later than now,
 * then subscribes to {@code order}, {@code execution} and {@code wallet} (or their {@code .spot} forms). Only the
 * logged-in account's events reach a socket. The refusal words ("Params Error", "Request not authorized") are what users
 * report receiving (bybit-exchange/api-usage-examples#70, nautilus_trader#2101); the docs do not list them.
 *
 * <p>Order changes are published as the engine reports them, each order's new fills first (execution topic), then its
 * status on the order topic when the status changed, so a client sees fills before the status they lead to.
 */
final class PrivateStream implements FakeWs.Handler, MatchingEngine.Listener {
    private static final Set<String> TOPICS = Set.of("order", "order.spot", "execution", "execution.spot", "wallet");

    private static final class Session {
        final String connId = UUID.randomUUID().toString();
        volatile FakeAccount account;
        final Set<String> topics = ConcurrentHashMap.newKeySet();
    }

    private final MatchingEngine engine;
    private final OrderLedger ledger;
    private final Faults faults;
    private final LongSupplier clock;
    private final Map<WebSocket, Session> sessions = new ConcurrentHashMap<>();
    private final Map<Long, Integer> publishedFills = new HashMap<>();
    private final Map<Long, String> publishedStatus = new HashMap<>();
    private final List<Runnable> heldExecutions = new ArrayList<>();

    PrivateStream(MatchingEngine engine, OrderLedger ledger, Faults faults, LongSupplier clock) {
        this.engine = engine;
        this.ledger = ledger;
        this.faults = faults;
        this.clock = clock;
    }

    int subscribed() {
        return (int) sessions.entrySet().stream()
                .filter(e -> e.getKey().isOpen() && e.getValue().account != null && !e.getValue().topics.isEmpty())
                .count();
    }

    @Override
    public void onOpen(WebSocket socket, String path) {
        if (!path.startsWith("/v5/private")) {
            socket.close(1008, "no such path");
            return;
        }
        sessions.put(socket, new Session());
    }

    @Override
    public void onClose(WebSocket socket) { sessions.remove(socket); }

    @Override
    public void onMessage(WebSocket socket, String text) {
        Session session = sessions.get(socket);
        if (session == null) return;
        JsonNode msg;
        try {
            msg = Json.parse(text);
        } catch (RuntimeException e) {
            return;
        }
        String op = Json.text(msg, "op");
        ObjectNode reply = Json.object();
        if (msg.has("req_id")) reply.put("req_id", Json.text(msg, "req_id"));
        switch (op) {
            case "ping" -> {
                reply.put("op", "pong");
                reply.putArray("args").add(Long.toString(clock.getAsLong()));
            }
            case "auth" -> {
                String refusal = authenticate(session, msg.path("args"));
                reply.put("success", refusal == null);
                reply.put("ret_msg", refusal == null ? "" : refusal);
                reply.put("op", "auth");
            }
            case "subscribe" -> {
                String refusal = subscribe(session, msg.path("args"));
                reply.put("success", refusal == null);
                reply.put("ret_msg", refusal == null ? "" : refusal);
                reply.put("op", "subscribe");
            }
            default -> {
                reply.put("success", false);
                reply.put("ret_msg", "error:invalid op");
                reply.put("op", op);
            }
        }
        reply.put("conn_id", session.connId);
        send(socket, Json.write(reply));
    }

    private String authenticate(Session session, JsonNode args) {
        if (!args.isArray() || args.size() != 3) return "Params Error";
        String key = args.get(0).asString("");
        long expires;
        try {
            expires = Long.parseLong(args.get(1).asString(""));
        } catch (NumberFormatException e) {
            return "Params Error";
        }
        String signature = args.get(2).asString("");
        FakeAccount account = engine.account(key);
        if (account == null || account.revoked) return "Request not authorized";
        if (expires <= clock.getAsLong()) return "Params Error";
        String expected = RequestVerifier.hmacHex(account.secret, "GET/realtime" + expires);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return "Request not authorized";
        }
        session.account = account;
        return null;
    }

    private String subscribe(Session session, JsonNode args) {
        if (session.account == null) return "Request not authorized";
        Set<String> wanted = new LinkedHashSet<>();
        for (JsonNode arg : args) wanted.add(arg.asString(""));
        for (String topic : wanted) if (!TOPICS.contains(topic)) return "error:topic " + topic + " not found";
        // "All-In-One topic and Categorised topic cannot be in the same subscription request"
        if ((wanted.contains("order") && wanted.contains("order.spot"))
                || (wanted.contains("execution") && wanted.contains("execution.spot"))) {
            return "error:all-in-one and categorised topics in one request";
        }
        session.topics.addAll(wanted);
        return null;
    }

    @Override
    public void onOrder(FakeOrder order, FakeTrade trade) { publish(order); }

    @Override
    public void onBalance(FakeAccount account, String asset) {
        BigDecimal free = account.free(asset);
        BigDecimal locked = account.locked(asset);
        ObjectNode msg = Json.object();
        msg.put("id", UUID.randomUUID().toString());
        msg.put("topic", "wallet");
        msg.put("creationTime", clock.getAsLong());
        ObjectNode wallet = msg.putArray("data").addObject();
        wallet.put("accountType", "UNIFIED");
        wallet.putArray("coin").add(AccountRoutes.coin(asset, free.add(locked), locked));
        String text = Json.write(msg);
        forSubscribers(account, "wallet", null, topic -> text);
    }

    void postOnlyCancelled(PostOnlyCancelled order) {
        ObjectNode row = OrderViews.postOnly(order);
        row.put("category", "spot");
        forSubscribers(order.account(), "order", "order.spot", topic -> message(topic, row));
    }

    /** New fills of the order on the execution topic, then its status on the order topic if it changed. */
    private synchronized void publish(FakeOrder order) {
        List<ObjectNode> fills = new ArrayList<>();
        ObjectNode row = null;
        synchronized (engine) {
            int done = publishedFills.getOrDefault(order.orderId, 0);
            for (int i = done; i < order.trades.size(); i++) fills.add(OrderViews.execution(order, order.trades.get(i)));
            publishedFills.put(order.orderId, order.trades.size());
            String status = OrderViews.status(order);
            if (!status.equals(publishedStatus.put(order.orderId, status)) || !fills.isEmpty()) {
                row = OrderViews.order(order, ledger.asSent(order.orderId));
                row.put("category", "spot");
            }
        }
        for (ObjectNode fill : fills) executionReport(order.account, fill);
        if (row != null) {
            ObjectNode r = row;
            forSubscribers(order.account, "order", "order.spot", topic -> message(topic, r));
        }
    }

    /** Applies the duplicate and reorder faults to one execution report. */
    private void executionReport(FakeAccount account, ObjectNode fill) {
        Runnable send = () -> forSubscribers(account, "execution", "execution.spot", topic -> message(topic, fill));
        if (faults.take(Faults.Kind.REORDER_EXECUTION_REPORTS)) {
            heldExecutions.add(send);
            if (!faults.armed(Faults.Kind.REORDER_EXECUTION_REPORTS)) {
                for (int i = heldExecutions.size() - 1; i >= 0; i--) heldExecutions.get(i).run();
                heldExecutions.clear();
            }
            return;
        }
        send.run();
        if (faults.take(Faults.Kind.DUPLICATE_EXECUTION_REPORTS)) send.run();
    }

    private String message(String topic, ObjectNode row) {
        ObjectNode msg = Json.object();
        msg.put("id", UUID.randomUUID().toString());
        msg.put("topic", topic);
        msg.put("creationTime", clock.getAsLong());
        msg.putArray("data").add(row);
        return Json.write(msg);
    }

    private void forSubscribers(FakeAccount account, String allInOne, String spotTopic,
                                java.util.function.Function<String, String> render) {
        sessions.forEach((socket, session) -> {
            if (session.account != account) return;
            if (session.topics.contains(allInOne)) send(socket, render.apply(allInOne));
            else if (spotTopic != null && session.topics.contains(spotTopic)) send(socket, render.apply(spotTopic));
        });
    }

    private static void send(WebSocket socket, String text) {
        try {
            if (socket.isOpen()) socket.send(text);
        } catch (RuntimeException closedMeanwhile) {
            // the socket went away; its client reconnects and backfills
        }
    }
}
