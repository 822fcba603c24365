package dev.botfleet.exchanges.delta;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarginMode;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.exchanges.AccountInfo;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.UserStreamListener;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueException.Kind;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.VenuePosition;
import dev.botfleet.exchanges.http.ClockOffset;
import dev.botfleet.exchanges.http.RestCall;
import dev.botfleet.exchanges.http.RestClient;
import dev.botfleet.exchanges.http.Sleeper;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One key's private side on Delta India perpetuals. Quantities are ours (base units) and go out as whole contracts
 * (quantity / contract value); an order closing a deal goes out {@code reduce_only}. Orders are placed with our venue
 * client id as {@code client_order_id} (23 to 27 characters, within Delta's 32), cancelled by it with DELETE /v2/orders
 * and a JSON body, and found again with GET /v2/orders/client_order_id/{id}; fills come from GET /v2/fills (by product
 * and time, matched on order id). Every call first takes its weight from the key's quota ({@link DeltaQuota}).
 */
final class DeltaTradingClient implements TradingClient {
    private static final int MAX_CLIENT_ID = 32;
    private static final int MAX_PAGES = 20;

    private final DeltaVenue venue;
    private final VenueEndpoints endpoints;
    private final VenueCredential credential;
    private final ClockOffset clock = new ClockOffset();
    private final DeltaRules rules = new DeltaRules();
    private final RestClient rest;
    private final RestClient publicRest;
    private final DeltaProducts products;
    private final DeltaQuota quota;

    DeltaTradingClient(DeltaVenue venue, VenueEndpoints endpoints, VenueCredential credential) {
        this.venue = venue;
        this.endpoints = endpoints;
        this.credential = credential;
        var breaker = DeltaVenue.breaker();
        rest = venue.rest(endpoints.rest(), DeltaSigner.forKey(credential.apiKey(), credential.apiSecret()), rules,
                breaker, clock, false);
        publicRest = venue.rest(endpoints.rest(), DeltaSigner.publicOnly(), new DeltaRules(), breaker, clock, true);
        products = new DeltaProducts(after -> publicRest.send(RestCall.publicGet("/v2/products",
                DeltaMarketData.productParams(after), 3)));
        quota = new DeltaQuota(System::currentTimeMillis, Sleeper.REAL, () -> {
            JsonNode q = rest.send(RestCall.signedGet("/v2/rate_limits/quota", Map.of(), 1)).path("result");
            return new DeltaQuota.Quota(q.path("current_quota").asInt(), q.path("remaining_time_in_milliseconds").asLong());
        });
    }

    @Override public String venue() { return DeltaRules.VENUE; }

    /** Balances from GET /v2/wallet/balances. Delta's API has no permission listing; a key that may not trade is refused on its first order. */
    @Override
    public AccountInfo account() {
        JsonNode answer = send(RestCall.signedGet("/v2/wallet/balances", Map.of(), 3));
        List<Balance> balances = new ArrayList<>();
        for (JsonNode w : answer.path("result")) {
            BigDecimal total = DeltaProducts.dec(w, "balance");
            balances.add(new Balance(w.path("asset_symbol").asString(), total,
                    DeltaProducts.dec(w, "available_balance").min(total).max(BigDecimal.ZERO)));
        }
        return new AccountInfo(true, false, balances);
    }

    @Override
    public OrderReport place(VenueInstrument instrument, OrderSnapshot order, String venueClientId) {
        ObjectNode body = DeltaRules.JSON.createObjectNode();
        body.put("product_id", products.id(instrument));
        body.put("size", contracts(instrument, order.quantity()));
        body.put("side", order.side() == OrderSide.BUY ? "buy" : "sell");
        Instrument rules = instrument.instrument();
        switch (order.type()) {
            case LIMIT -> {
                body.put("order_type", "limit_order");
                body.put("limit_price", onTick(order.price(), rules.tickSize()));
                body.put("time_in_force", order.timeInForce() == TimeInForce.IOC ? "ioc" : "gtc");
            }
            case MARKET -> body.put("order_type", "market_order");
            case STOP_MARKET -> throw new VenueException(Kind.UNSUPPORTED, DeltaRules.VENUE, null,
                    "stop-market orders are not offered by this adapter for Delta");
        }
        if (order.closeReason() != null) body.put("reduce_only", "true");
        body.put("client_order_id", clientId(venueClientId));
        JsonNode placed = send(RestCall.newOrder("POST", "/v2/orders", Map.of(), json(body), 5)).path("result");
        List<OrderFilled> fills = DeltaOrders.filled(placed, instrument).signum() > 0
                ? fillsOf(instrument, placed) : List.of();
        return DeltaOrders.report(placed, instrument, fills);
    }

    @Override
    public void cancel(VenueInstrument instrument, String venueClientId) {
        ObjectNode body = DeltaRules.JSON.createObjectNode();
        body.put("client_order_id", clientId(venueClientId));
        body.put("product_id", products.id(instrument));
        send(RestCall.signedIdempotent("DELETE", "/v2/orders", Map.of(), json(body), 5));
    }

    @Override
    public Optional<OrderReport> query(VenueInstrument instrument, String venueClientId) {
        JsonNode order = order(venueClientId);
        if (order == null) return Optional.empty();
        List<OrderFilled> fills = DeltaOrders.filled(order, instrument).signum() > 0
                ? fillsOf(instrument, order) : List.of();
        return Optional.of(DeltaOrders.report(order, instrument, fills));
    }

    @Override
    public List<OrderReport> openOrders(VenueInstrument instrument) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("product_ids", Integer.toString(products.id(instrument)));
        params.put("states", "open,pending");
        List<OrderReport> open = new ArrayList<>();
        for (JsonNode o : pages("/v2/orders", params, 3)) open.add(DeltaOrders.report(o, instrument, List.of()));
        return open;
    }

    @Override
    public List<OrderFilled> fills(VenueInstrument instrument, String venueClientId) {
        JsonNode order = order(venueClientId);
        return order == null ? List.of() : fillsOf(instrument, order);
    }

    @Override
    public VenuePosition position(VenueInstrument instrument) {
        int id = products.id(instrument);
        JsonNode list = send(RestCall.signedGet("/v2/positions/margined", Map.of("product_ids", Integer.toString(id)),
                3)).path("result");
        BigDecimal leverage = DeltaProducts.dec(send(RestCall.signedGet("/v2/products/" + id + "/orders/leverage",
                Map.of(), 1)).path("result"), "leverage");
        for (JsonNode p : list) {
            if (p.path("product_id").asInt() == id) return DeltaUserStream.position(p, instrument, leverage);
        }
        return new VenuePosition(instrument.symbol(), BigDecimal.ZERO, BigDecimal.ZERO, null, null, leverage,
                MarginMode.ISOLATED, BigDecimal.ZERO, Instant.now());
    }

    /**
     * POST /v2/products/{id}/orders/leverage {"leverage"}. Delta keeps cross margin as an account-wide setting (PUT
     * /v2/users/margin_mode), so this adapter trades isolated positions and refuses CROSS in plain words.
     */
    @Override
    public void setLeverage(VenueInstrument instrument, BigDecimal leverage, MarginMode marginMode) {
        if (marginMode == MarginMode.CROSS) {
            throw new VenueException(Kind.UNSUPPORTED, DeltaRules.VENUE, null, "cross margin is an account-wide "
                    + "setting on Delta India; this adapter trades isolated positions only");
        }
        ObjectNode body = DeltaRules.JSON.createObjectNode();
        body.put("leverage", leverage.stripTrailingZeros().toPlainString());
        send(RestCall.signedIdempotent("POST", "/v2/products/" + products.id(instrument) + "/orders/leverage",
                Map.of(), json(body), 1));
    }

    /** Wallet transactions of type funding for the product (meta_data: funding_rate, mark_price when present). */
    @Override
    public List<FundingPayment> fundingPayments(VenueInstrument instrument, Instant since) {
        int id = products.id(instrument);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("transaction_types", "funding");
        params.put("start_time", Long.toString(since.toEpochMilli() * 1000));
        List<FundingPayment> out = new ArrayList<>();
        for (JsonNode t : pages("/v2/wallet/transactions", params, 10)) {
            if (t.path("product_id").asInt() != id) continue;
            JsonNode meta = t.path("meta_data");
            out.add(new FundingPayment(instrument.symbol(), DeltaOrders.micros(t.path("created_at")),
                    DeltaProducts.dec(meta, "funding_rate"), DeltaProducts.dec(meta, "mark_price"),
                    DeltaProducts.dec(t, "amount")));
        }
        out.sort(Comparator.comparing(FundingPayment::time));
        return out;
    }

    @Override
    public StreamHandle openUserStream(UserStreamListener listener) {
        DeltaUserStream session = new DeltaUserStream(this, listener);
        URI uri = URI.create(endpoints.userStream());
        ReconnectingWebSocket socket = new ReconnectingWebSocket("delta-user", venue.http(), () -> uri, session,
                DeltaMarketData.PING_EVERY, () -> DeltaMarketData.PING);
        session.attach(socket);
        socket.start();
        return session;
    }

    // ---- used by the user stream

    String keyAuthMessage() {
        return DeltaSigner.forKey(credential.apiKey(), credential.apiSecret()).keyAuth(clock.venueMillis());
    }

    void resyncClock() { clock.resync(() -> DeltaVenue.serverTime(publicRest)); }

    DeltaProducts products() { return products; }

    /** The heartbeat id of this key: the same after a restart, so a restarted server takes its heartbeat over. */
    String heartbeatId() {
        return "botfleet-" + DeltaSigner.sign("botfleet-heartbeat", credential.apiKey()).substring(0, 12);
    }

    JsonNode send(RestCall call) {
        quota.acquire(call.weight(), call.order());
        try {
            return rest.send(call);
        } finally {
            quota.done(call.weight());
        }
    }

    /** The fills of one order, oldest first, from GET /v2/fills of its product since it was created. */
    List<OrderFilled> fillsOf(VenueInstrument instrument, JsonNode order) {
        String orderId = order.path("id").asString("");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("product_ids", Integer.toString(products.id(instrument)));
        long created = DeltaOrders.micros(order.path("created_at")).toEpochMilli() * 1000;
        if (created > 0) params.put("start_time", Long.toString(created - 1_000_000));
        params.put("page_size", "50");
        List<JsonNode> rows = new ArrayList<>(pages("/v2/fills", params, 10));
        rows.removeIf(f -> !orderId.equals(f.path("order_id").asString("")));
        rows.sort(Comparator.comparingLong(f -> f.path("id").asLong()));
        String cid = order.path("client_order_id").asString("");
        return rows.stream().map(f -> DeltaOrders.fill(f, cid, instrument)).toList();
    }

    private JsonNode order(String venueClientId) {
        String path = "/v2/orders/client_order_id/" + URLEncoder.encode(clientId(venueClientId), StandardCharsets.UTF_8);
        try {
            return send(RestCall.signedGet(path, Map.of(), 1)).path("result");
        } catch (VenueException e) {
            if (e.kind() == Kind.UNKNOWN_ORDER) return null;
            throw e;
        }
    }

    private List<JsonNode> pages(String path, Map<String, String> params, int weight) {
        List<JsonNode> rows = new ArrayList<>();
        Map<String, String> page = new LinkedHashMap<>(params);
        for (int i = 0; i < MAX_PAGES; i++) {
            JsonNode answer = send(RestCall.signedGet(path, page, weight));
            answer.path("result").forEach(rows::add);
            String after = answer.path("meta").path("after").asString("");
            if (after == null || after.isEmpty() || "null".equals(after)) break;
            page.put("after", after);
        }
        return rows;
    }

    /** Whole contracts for a base quantity; a quantity off the contract grid is refused before sending. */
    static long contracts(VenueInstrument instrument, BigDecimal quantity) {
        BigDecimal cv = DeltaOrders.contractSize(instrument);
        if (quantity == null || quantity.signum() <= 0 || quantity.remainder(cv).signum() != 0) {
            throw new VenueException(Kind.REJECTED, DeltaRules.VENUE, null, "quantity " + quantity
                    + " is not a whole number of contracts of " + cv.toPlainString() + " " + instrument.instrument().baseAsset());
        }
        return quantity.divide(cv, 0, RoundingMode.UNNECESSARY).longValueExact();
    }

    private static String onTick(BigDecimal price, BigDecimal tick) {
        if (price == null || price.signum() <= 0 || price.remainder(tick).signum() != 0) {
            throw new VenueException(Kind.REJECTED, DeltaRules.VENUE, null, "price " + price
                    + " is not a positive multiple of the tick " + tick.toPlainString());
        }
        return price.stripTrailingZeros().toPlainString();
    }

    private static String clientId(String venueClientId) {
        if (venueClientId == null || venueClientId.isEmpty() || venueClientId.length() > MAX_CLIENT_ID) {
            throw new VenueException(Kind.REJECTED, DeltaRules.VENUE, null, "client order id '" + venueClientId
                    + "' does not fit Delta's client_order_id (at most 32 characters)");
        }
        return venueClientId;
    }

    private static String json(ObjectNode body) { return DeltaRules.JSON.writeValueAsString(body); }

    @Override
    public String toString() { return "DeltaTradingClient[" + credential + "]"; }
}
