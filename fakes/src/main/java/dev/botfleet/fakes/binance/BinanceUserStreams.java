package dev.botfleet.fakes.binance;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.FakeWs;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.binance.BinanceAuth.Verdict;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The WebSocket API's user data stream (web-socket-api.md "User Data Stream requests", user-data-stream.md): a socket
 * subscribes to an account with {@code userDataStream.subscribe.signature} (apiKey, timestamp, signature over the
 * sorted params) and then receives that account's {@code executionReport}, {@code outboundAccountPosition} events in
 * the envelope {@code {"subscriptionId":N,"event":{...}}}. Only subscribed sockets of that account get them.
 */
final class BinanceUserStreams implements FakeWs.Handler, MatchingEngine.Listener {
    private final LongSupplier clock;
    private final Faults faults;
    private final BinanceAuth auth;
    /** Per socket: the accounts it subscribed to and their subscription ids. */
    private final Map<WebSocket, Map<FakeAccount, Integer>> subscriptions = new ConcurrentHashMap<>();
    private final Map<WebSocket, Integer> nextSubscriptionId = new ConcurrentHashMap<>();
    /** Orders whose NEW report went out (the engine's first event for an order may already see it filled). */
    private final Set<Long> announced = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<String> cancelId = new ThreadLocal<>();
    private final List<Runnable> heldFills = new ArrayList<>();
    private long executionId = 1;

    BinanceUserStreams(MatchingEngine engine, LongSupplier clock, Faults faults) {
        this.clock = clock;
        this.faults = faults;
        this.auth = new BinanceAuth(engine, clock);
    }

    /** Runs a cancel so that its executionReport carries the cancel request's client id in "c". */
    <T> T withCancelId(String id, Supplier<T> cancel) {
        cancelId.set(id);
        try {
            return cancel.get();
        } finally {
            cancelId.remove();
        }
    }

    int subscribedSockets() {
        return (int) subscriptions.entrySet().stream().filter(e -> e.getKey().isOpen() && !e.getValue().isEmpty()).count();
    }

    @Override
    public void onOpen(WebSocket socket, String path) {
        if (path == null || !path.startsWith("/ws-api/v3")) {
            socket.close(CloseFrame.POLICY_VALIDATION, "unknown path");
            return;
        }
        subscriptions.put(socket, new ConcurrentHashMap<>());
        nextSubscriptionId.put(socket, 0);
    }

    @Override
    public void onClose(WebSocket socket) {
        subscriptions.remove(socket);
        nextSubscriptionId.remove(socket);
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        JsonNode request;
        try {
            request = BinanceJson.JSON.readTree(text);
        } catch (RuntimeException e) {
            socket.send(BinanceJson.write(failure(null, 400, -1135, "Invalid JSON Request")));
            return;
        }
        JsonNode id = request.get("id");
        String method = request.path("method").asString("");
        Map<String, String> params = new LinkedHashMap<>();
        request.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asString()));
        ObjectNode response = switch (method) {
            case "userDataStream.subscribe.signature" -> subscribe(socket, id, params);
            case "userDataStream.unsubscribe" -> unsubscribe(socket, id, params);
            case "session.subscriptions" -> listSubscriptions(socket, id);
            case "ping" -> success(id, BinanceJson.object());
            case "time" -> {
                ObjectNode t = BinanceJson.object();
                t.put("serverTime", clock.getAsLong());
                yield success(id, t);
            }
            case "userDataStream.subscribe", "session.logon" ->
                    // Documented for Ed25519 keys only; this fake's keys are HMAC keys.
                    failure(id, 400, -1022, "Signature for this request is not valid.");
            default -> failure(id, 400, -1020, "This operation is not supported.");
        };
        socket.send(BinanceJson.write(response));
    }

    private ObjectNode subscribe(WebSocket socket, JsonNode id, Map<String, String> params) {
        Verdict verdict = auth.verifyParams(params);
        if (verdict.refused()) {
            return failure(id, verdict.refusal().status(), verdict.refusal().code(), verdict.refusal().message());
        }
        Map<FakeAccount, Integer> mine = subscriptions.get(socket);
        if (mine == null) return failure(id, 400, -1020, "This operation is not supported.");
        if (mine.containsKey(verdict.account())) {
            return failure(id, 400, -2035, "User Data Stream subscription already active.");
        }
        int subscriptionId = nextSubscriptionId.merge(socket, 1, Integer::sum) - 1;
        mine.put(verdict.account(), subscriptionId);
        ObjectNode result = BinanceJson.object();
        result.put("subscriptionId", subscriptionId);
        return success(id, result);
    }

    private ObjectNode unsubscribe(WebSocket socket, JsonNode id, Map<String, String> params) {
        Map<FakeAccount, Integer> mine = subscriptions.getOrDefault(socket, Map.of());
        if (params.containsKey("subscriptionId")) {
            int wanted = Integer.parseInt(params.get("subscriptionId"));
            mine.values().removeIf(v -> v == wanted);
        } else {
            mine.clear();
        }
        return success(id, BinanceJson.object());
    }

    private ObjectNode listSubscriptions(WebSocket socket, JsonNode id) {
        ArrayNode list = BinanceJson.array();
        subscriptions.getOrDefault(socket, Map.of()).values().forEach(v -> list.addObject().put("subscriptionId", v));
        return success(id, list);
    }

    private static ObjectNode success(JsonNode id, JsonNode result) {
        ObjectNode r = BinanceJson.object();
        r.set("id", id);
        r.put("status", 200);
        r.set("result", result);
        return r;
    }

    private static ObjectNode failure(JsonNode id, int status, int code, String message) {
        ObjectNode r = BinanceJson.object();
        r.set("id", id);
        r.put("status", status);
        ObjectNode error = r.putObject("error");
        error.put("code", code);
        error.put("msg", message);
        return r;
    }

    // ---- events from the matching engine ----

    @Override
    public synchronized void onOrder(FakeOrder order, FakeTrade trade) {
        if (trade != null) {
            ObjectNode report = fillReport(order, trade);
            Runnable send = () -> sendReport(order.account, report);
            if (faults.take(Faults.Kind.REORDER_EXECUTION_REPORTS)) {
                heldFills.add(send);
                if (!faults.armed(Faults.Kind.REORDER_EXECUTION_REPORTS)) {
                    for (int i = heldFills.size() - 1; i >= 0; i--) heldFills.get(i).run();
                    heldFills.clear();
                }
                return;
            }
            send.run();
            return;
        }
        if (announced.add(order.orderId)) {
            sendReport(order.account, report(order, "NEW", "NEW", BigDecimal.ZERO, BigDecimal.ZERO, order.createdAt));
        } else if (order.status == FakeOrder.Status.CANCELED || order.status == FakeOrder.Status.EXPIRED) {
            String execution = order.status.name();
            ObjectNode report = report(order, execution, execution, order.executedQuantity, order.cumulativeQuote,
                    order.updatedAt);
            if (order.status == FakeOrder.Status.CANCELED) {
                String c = cancelId.get();
                report.put("c", c == null ? BinanceOrderEntry.randomId() : c);
                report.put("C", order.clientOrderId);
            } else {
                report.put("eR", BinanceJson.expiryReason(order));
            }
            sendReport(order.account, report);
        }
    }

    @Override
    public void onBalance(FakeAccount account, String asset) {
        ObjectNode event = BinanceJson.object();
        long now = clock.getAsLong();
        event.put("e", "outboundAccountPosition");
        event.put("E", now);
        event.put("u", now);
        ObjectNode b = event.putArray("B").addObject();
        b.put("a", asset);
        b.put("f", BinanceJson.decimal(account.free(asset)));
        b.put("l", BinanceJson.decimal(account.locked(asset)));
        send(account, event);
    }

    private ObjectNode fillReport(FakeOrder order, FakeTrade trade) {
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal cumulativeQuote = BigDecimal.ZERO;
        for (FakeTrade t : List.copyOf(order.trades)) {
            cumulative = cumulative.add(t.quantity());
            cumulativeQuote = cumulativeQuote.add(t.quoteQuantity());
            if (t.tradeId() == trade.tradeId()) break;
        }
        String status = cumulative.compareTo(order.quantity) >= 0 ? "FILLED" : "PARTIALLY_FILLED";
        ObjectNode r = report(order, "TRADE", status, cumulative, cumulativeQuote, trade.time());
        r.put("l", BinanceJson.decimal(trade.quantity()));
        r.put("L", BinanceJson.decimal(trade.price()));
        r.put("n", BinanceJson.decimal(trade.commission()));
        r.put("N", trade.commissionAsset());
        r.put("t", trade.tradeId());
        r.put("m", trade.maker());
        r.put("Y", BinanceJson.decimal(trade.quoteQuantity()));
        return r;
    }

    /** An executionReport as user-data-stream.md shows it, with "nothing executed" in the last-fill fields. */
    private ObjectNode report(FakeOrder o, String execution, String status, BigDecimal cumulative,
                              BigDecimal cumulativeQuote, long transactTime) {
        ObjectNode r = BinanceJson.object();
        r.put("e", "executionReport");
        r.put("E", clock.getAsLong());
        r.put("s", o.market.venueSymbol);
        r.put("c", o.clientOrderId);
        r.put("S", o.side.name());
        r.put("o", BinanceJson.type(o));
        r.put("f", BinanceJson.timeInForce(o));
        r.put("q", BinanceJson.decimal(o.quantity));
        r.put("p", BinanceJson.decimal(o.price == null ? BigDecimal.ZERO : o.price));
        r.put("P", BinanceJson.decimal(BigDecimal.ZERO));
        r.put("F", BinanceJson.decimal(BigDecimal.ZERO));
        r.put("g", -1);
        r.put("C", "");
        r.put("x", execution);
        r.put("X", status);
        r.put("r", "NONE");
        r.put("i", o.orderId);
        r.put("l", BinanceJson.decimal(BigDecimal.ZERO));
        r.put("z", BinanceJson.decimal(cumulative));
        r.put("L", BinanceJson.decimal(BigDecimal.ZERO));
        r.put("n", "0");
        r.putNull("N");
        r.put("T", transactTime);
        r.put("t", -1);
        r.put("I", executionId++);
        r.put("w", o.type == FakeOrder.Type.LIMIT && (status.equals("NEW") || status.equals("PARTIALLY_FILLED")));
        r.put("m", false);
        r.put("M", false);
        r.put("O", o.createdAt);
        r.put("Z", BinanceJson.decimal(cumulativeQuote));
        r.put("Y", BinanceJson.decimal(BigDecimal.ZERO));
        r.put("Q", BinanceJson.decimal(BigDecimal.ZERO));
        r.put("V", "NONE");
        return r;
    }

    private void sendReport(FakeAccount account, ObjectNode report) {
        send(account, report);
        if (faults.take(Faults.Kind.DUPLICATE_EXECUTION_REPORTS)) send(account, report);
    }

    private synchronized void send(FakeAccount account, ObjectNode event) {
        for (var e : subscriptions.entrySet()) {
            Integer subscriptionId = e.getValue().get(account);
            if (subscriptionId == null || !e.getKey().isOpen()) continue;
            ObjectNode envelope = BinanceJson.object();
            envelope.put("subscriptionId", subscriptionId);
            envelope.set("event", event);
            try {
                e.getKey().send(BinanceJson.write(envelope));
            } catch (RuntimeException closedMeanwhile) {
                // the socket went away between the check and the send; its events are lost, as at the venue
            }
        }
    }
}
