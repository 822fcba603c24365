package dev.botfleet.fakes.delta;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.MatchingEngine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import static dev.botfleet.fakes.delta.DeltaJson.text;

/**
 * The dead-man switch of docs "Deadman Switch": POST /v2/heartbeat/create registers a heartbeat (id, impact
 * "contracts" with contract_types or "products" with product_symbols, config actions); POST /v2/heartbeat
 * {heartbeat_id, ttl ms} acknowledges it until now + ttl (ttl 0 disables it); GET /v2/heartbeat lists them. When an
 * enabled heartbeat's ttl lapses on the venue's clock, its "cancel_orders" action cancels the key's open orders in its
 * scope, once, until the next acknowledgement. {@link #check()} runs on a timer and can be called by a test.
 */
final class DeadManSwitch {
    private static final class Heartbeat {
        final FakeAccount account;
        final JsonNode definition;
        long expiresAt;
        boolean enabled;
        boolean fired;

        Heartbeat(FakeAccount account, JsonNode definition) {
            this.account = account;
            this.definition = definition;
        }
    }

    private final MatchingEngine engine;
    private final LongSupplier clock;
    private final Map<String, Heartbeat> heartbeats = new LinkedHashMap<>();
    private int fired;
    private int acks;

    DeadManSwitch(MatchingEngine engine, LongSupplier clock) {
        this.engine = engine;
        this.clock = clock;
    }

    synchronized FakeHttp.Response create(FakeAccount account, Request request) {
        JsonNode body = DeltaTrading.body(request);
        String id = text(body, "heartbeat_id");
        String impact = text(body, "impact");
        if (id.isEmpty()) throw DeltaError.badSchema("heartbeat_id", "heartbeat_id is required");
        if (!impact.equals("contracts") && !impact.equals("products")) {
            throw DeltaError.badSchema("impact", "impact must be contracts or products");
        }
        if (!body.path("config").isArray() || body.path("config").isEmpty()) {
            throw DeltaError.badSchema("config", "config is required");
        }
        heartbeats.put(account.apiKey + " " + id, new Heartbeat(account, body));
        ObjectNode result = DeltaJson.object();
        result.put("heartbeat_id", id);
        return FakeHttp.Response.json(200, DeltaJson.ok(result));
    }

    synchronized FakeHttp.Response ack(FakeAccount account, Request request) {
        JsonNode body = DeltaTrading.body(request);
        Heartbeat h = heartbeats.get(account.apiKey + " " + text(body, "heartbeat_id"));
        if (h == null) throw DeltaError.coded(404, "heartbeat_not_found");
        long ttl;
        try {
            ttl = Long.parseLong(text(body, "ttl"));
        } catch (NumberFormatException e) {
            throw DeltaError.badSchema("ttl", "ttl (milliseconds) is required");
        }
        acks++;
        h.enabled = ttl > 0;
        h.fired = false;
        h.expiresAt = clock.getAsLong() + ttl;
        ObjectNode result = DeltaJson.object();
        result.put("heartbeat_timestamp", Long.toString(h.expiresAt));
        result.put("process_enabled", Boolean.toString(h.enabled));
        return FakeHttp.Response.json(200, DeltaJson.ok(result));
    }

    synchronized FakeHttp.Response list(FakeAccount account, Request request) {
        ArrayNode out = DeltaJson.array();
        heartbeats.values().stream().filter(h -> h.account == account).forEach(h -> {
            ObjectNode n = ((ObjectNode) h.definition.deepCopy());
            n.put("user_id", DeltaViews.userId(account.apiKey));
            out.add(n);
        });
        return FakeHttp.Response.json(200, DeltaJson.ok(out));
    }

    /** Fires every enabled heartbeat whose ttl has lapsed: its key's open orders in scope are cancelled. */
    void check() {
        List<FakeOrder> doomed = new ArrayList<>();
        synchronized (this) {
            long now = clock.getAsLong();
            for (Heartbeat h : heartbeats.values()) {
                if (!h.enabled || h.fired || now < h.expiresAt || !cancels(h)) continue;
                h.fired = true;
                fired++;
                for (FakeOrder o : engine.openOrders(h.account, null)) if (inScope(h, o)) doomed.add(o);
            }
        }
        for (FakeOrder o : doomed) {
            try {
                engine.cancel(o.account, o.market.venueSymbol, null, o.orderId);
            } catch (MatchingEngine.Refused goneMeanwhile) {
                // filled or cancelled since: nothing to do
            }
        }
    }

    synchronized int fired() { return fired; }

    synchronized int acks() { return acks; }

    private static boolean cancels(Heartbeat h) {
        for (JsonNode c : h.definition.path("config")) if ("cancel_orders".equals(text(c, "action"))) return true;
        return false;
    }

    private static boolean inScope(Heartbeat h, FakeOrder o) {
        if ("products".equals(text(h.definition, "impact"))) {
            for (JsonNode s : h.definition.path("product_symbols")) if (o.market.venueSymbol.equals(s.asString())) return true;
            return false;
        }
        for (JsonNode t : h.definition.path("contract_types")) if ("perpetual_futures".equals(t.asString())) return true;
        return false;
    }
}
