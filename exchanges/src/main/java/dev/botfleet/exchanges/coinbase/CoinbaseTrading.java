package dev.botfleet.exchanges.coinbase;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.exchanges.AccountInfo;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.UserStreamListener;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueException.Kind;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.http.ClockOffset;
import dev.botfleet.exchanges.http.RateLimiter;
import dev.botfleet.exchanges.http.RestCall;
import dev.botfleet.exchanges.http.RestClient;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One CDP key's private side: Create Order with our client id as client_order_id, Cancel Orders (batch_cancel) by the
 * venue's order id, Get Order, List Orders, List Fills, List Accounts and Get API Key Permissions, and the user socket.
 *
 * <p>Coinbase names orders by its own id everywhere but in Create Order, and List Orders has no client-id filter, so a
 * client id resolves through {@link #orderIds} (filled by every answer and user-channel message that pairs the two)
 * and, when it is not there (after a restart), by scanning this product's orders, newest first.
 *
 * <p>A repeated client_order_id makes Coinbase return the existing order instead of creating one ("the order
 * corresponding with that ID will be returned instead"): the answer looks like a success, so it is recognised here —
 * the id was already paired with an order, or the order returned was created before this request — and reported as
 * DUPLICATE_ORDER.
 */
final class CoinbaseTrading implements TradingClient {
    private static final String API = CoinbaseVenue.API;
    private static final int PAGE = 250;
    private static final int MAX_PAGES = 10;
    /** An order created this long before our create request is an older order returned for a repeated client id. */
    private static final long DUPLICATE_AGE_MILLIS = 5_000;
    /** A 401 after which the clock moved by more than this was the clock, not the key: signed again once. */
    private static final long CLOCK_FIX_MILLIS = 5_000;

    private final CoinbaseVenue venue;
    private final VenueEndpoints endpoints;
    private final ClockOffset clock = new ClockOffset();
    private final RateLimiter limiter = new RateLimiter();
    private final CoinbaseSigner signer;
    private final RestClient rest;
    private final RestClient publicRest;
    private final Map<String, String> orderIds = new ConcurrentHashMap<>();
    private final Map<String, VenueInstrument> products = new ConcurrentHashMap<>();

    CoinbaseTrading(CoinbaseVenue venue, VenueEndpoints endpoints, VenueCredential credential) {
        this.venue = venue;
        this.endpoints = endpoints;
        this.signer = CoinbaseSigner.forKey(credential.apiKey(), credential.apiSecret());
        limiter.limit(CoinbaseRules.PRIVATE_WINDOW, RateLimiter.Counts.WEIGHT, 1000, 29);
        this.rest = venue.privateRest(endpoints.rest(), signer, limiter, clock);
        this.publicRest = venue.publicRest(endpoints.rest(), clock);
    }

    @Override public String venue() { return CoinbaseRules.VENUE; }

    @Override
    public AccountInfo account() {
        JsonNode key = send(RestCall.signedGet(API + "/key_permissions", Map.of(), 1));
        return new AccountInfo(key.path("can_trade").asBoolean(false), key.path("can_transfer").asBoolean(false),
                balances());
    }

    /** List Accounts: total is available plus hold. */
    List<Balance> balances() {
        List<Balance> out = new ArrayList<>();
        for (JsonNode a : pages(API + "/accounts", new LinkedHashMap<>(Map.of("limit", Integer.toString(PAGE))), "accounts")) {
            BigDecimal available = CoinbaseOrders.decimal(a.path("available_balance"), "value");
            BigDecimal hold = CoinbaseOrders.decimal(a.path("hold"), "value");
            out.add(new Balance(a.path("currency").asString(""), available.add(hold), available));
        }
        return out;
    }

    @Override
    public OrderReport place(VenueInstrument instrument, OrderSnapshot order, String venueClientId) {
        if (venueClientId == null || venueClientId.isBlank()) {
            throw new VenueException(Kind.REJECTED, venue(), null, "an order needs a client order id");
        }
        Instrument rules = instrument.instrument();
        ObjectNode body = CoinbaseRules.JSON.createObjectNode();
        body.put("client_order_id", venueClientId);
        body.put("product_id", instrument.venueSymbol());
        body.put("side", order.side() == OrderSide.BUY ? "BUY" : "SELL");
        ObjectNode config = body.putObject("order_configuration");
        String size = lots(order.quantity(), rules.lotSize());
        switch (order.type()) {
            case LIMIT -> {
                ObjectNode terms = config.putObject(order.timeInForce() == TimeInForce.IOC ? "sor_limit_ioc" : "limit_limit_gtc");
                terms.put("base_size", size);
                terms.put("limit_price", ticks(order.price(), rules.tickSize(), order.side()));
                if (order.timeInForce() != TimeInForce.IOC) terms.put("post_only", false);
            }
            case MARKET -> config.putObject("market_market_ioc").put("base_size", size);
            case STOP_MARKET -> throw new VenueException(Kind.UNSUPPORTED, venue(), null,
                    "stop-market orders are not offered by this adapter for Coinbase");
        }
        // Known before sending: the id is already an order at Coinbase, whatever its answer looks like.
        boolean usedBefore = orderIds.containsKey(venueClientId);
        long sentAt = clock.venueMillis();
        JsonNode answer = send(RestCall.newOrder("POST", API + "/orders", Map.of(),
                CoinbaseRules.JSON.writeValueAsString(body), 1));
        if (!answer.path("success").asBoolean(false)) throw CoinbaseRules.createFailure(answer);
        String orderId = answer.path("success_response").path("order_id").asString("");
        if (usedBefore) throw duplicate(venueClientId, orderId);
        orderIds.putIfAbsent(venueClientId, orderId);
        JsonNode placed;
        try {
            placed = getOrder(orderId);
        } catch (VenueException e) {
            if (!e.kind().isTransient()) throw e;
            return new OrderReport(venueClientId, orderId, dev.botfleet.engine.order.OrderStatus.ACCEPTED,
                    BigDecimal.ZERO, List.of(), null);
        }
        if (placed == null) {
            return new OrderReport(venueClientId, orderId, dev.botfleet.engine.order.OrderStatus.ACCEPTED,
                    BigDecimal.ZERO, List.of(), null);
        }
        if (CoinbaseOrders.time(placed.path("created_time").asString("")).toEpochMilli() < sentAt - DUPLICATE_AGE_MILLIS) {
            throw duplicate(venueClientId, orderId);
        }
        return reportWithFills(placed, instrument);
    }

    private VenueException duplicate(String clientId, String orderId) {
        return new VenueException(Kind.DUPLICATE_ORDER, venue(), "DUPLICATE_CLIENT_ORDER_ID", "client order id "
                + clientId + " is already order " + orderId + "; Coinbase returned it instead of creating another");
    }

    @Override
    public void cancel(VenueInstrument instrument, String venueClientId) {
        String orderId = resolve(instrument, venueClientId);
        if (orderId == null) {
            throw new VenueException(Kind.UNKNOWN_ORDER, venue(), "NOT_FOUND", "no order " + venueClientId + " to cancel");
        }
        ObjectNode body = CoinbaseRules.JSON.createObjectNode();
        body.putArray("order_ids").add(orderId);
        JsonNode answer = send(RestCall.signedIdempotent("POST", API + "/orders/batch_cancel", Map.of(),
                CoinbaseRules.JSON.writeValueAsString(body), 1));
        JsonNode result = answer.path("results").path(0);
        if (!result.path("success").asBoolean(false)) {
            String reason = result.path("failure_reason").asString("UNKNOWN_CANCEL_FAILURE_REASON");
            throw new VenueException(Kind.UNKNOWN_ORDER, venue(), reason, "order " + venueClientId
                    + " could not be cancelled: it is no longer open");
        }
    }

    @Override
    public Optional<OrderReport> query(VenueInstrument instrument, String venueClientId) {
        String orderId = resolve(instrument, venueClientId);
        if (orderId == null) return Optional.empty();
        JsonNode order = getOrder(orderId);
        return order == null ? Optional.empty() : Optional.of(reportWithFills(order, instrument));
    }

    @Override
    public List<OrderReport> openOrders(VenueInstrument instrument) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("product_ids", instrument.venueSymbol());
        params.put("order_status", "OPEN");
        params.put("limit", Integer.toString(PAGE));
        List<OrderReport> open = new ArrayList<>();
        for (JsonNode o : pages(API + "/orders/historical/batch", params, "orders")) {
            remember(o);
            open.add(CoinbaseOrders.report(o, List.of()));
        }
        return open;
    }

    @Override
    public List<OrderFilled> fills(VenueInstrument instrument, String venueClientId) {
        String orderId = resolve(instrument, venueClientId);
        return orderId == null ? List.of() : fillsOf(orderId, venueClientId, instrument);
    }

    /** List Fills of one order, in trade order. */
    List<OrderFilled> fillsOf(String orderId, String clientId, VenueInstrument instrument) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("order_ids", orderId);
        params.put("limit", Integer.toString(PAGE));
        List<JsonNode> rows = new ArrayList<>(pages(API + "/orders/historical/fills", params, "fills"));
        rows.sort(CoinbaseOrders.TRADE_ORDER);
        return rows.stream().map(f -> CoinbaseOrders.fill(f, clientId, instrument.instrument())).toList();
    }

    @Override
    public StreamHandle openUserStream(UserStreamListener listener) {
        CoinbaseUserStream session = new CoinbaseUserStream(this, listener);
        URI uri = URI.create(endpoints.userStream());
        ReconnectingWebSocket socket = new ReconnectingWebSocket("coinbase-user", venue.http(), () -> uri, session,
                CoinbaseMarketData.WATCHDOG, null);
        session.attach(socket);
        socket.start();
        return session;
    }

    /** A fresh subscribe token for the user socket, at the venue's time. */
    String wsToken() { return signer.wsToken(clock.venueMillis()); }

    void resyncClock() { clock.resync(() -> CoinbaseVenue.serverTime(publicRest)); }

    /** Our instrument of a product id, loading the product list when the id is new. */
    VenueInstrument product(String productId) {
        VenueInstrument vi = products.get(productId);
        if (vi == null) {
            for (VenueInstrument p : CoinbaseProducts.parse(publicRest.send(RestCall.publicGet(API + "/market/products",
                    Map.of(), 1)))) {
                products.put(p.venueSymbol(), p);
            }
            vi = products.get(productId);
        }
        return vi;
    }

    /** Pairs a client id with an order id (from any order record). */
    void remember(JsonNode order) {
        String clientId = order.path("client_order_id").asString("");
        String orderId = order.path("order_id").asString("");
        if (!clientId.isEmpty() && !orderId.isEmpty()) orderIds.putIfAbsent(clientId, orderId);
    }

    private OrderReport reportWithFills(JsonNode order, VenueInstrument instrument) {
        remember(order);
        String clientId = order.path("client_order_id").asString("");
        List<OrderFilled> fills = CoinbaseOrders.filled(order).signum() > 0
                ? fillsOf(order.path("order_id").asString(""), clientId, instrument) : List.of();
        return CoinbaseOrders.report(order, fills);
    }

    /** Get Order; null when Coinbase does not know the id. */
    private JsonNode getOrder(String orderId) {
        try {
            return send(RestCall.signedGet(API + "/orders/historical/" + orderId, Map.of(), 1)).path("order");
        } catch (VenueException e) {
            if (e.kind() == Kind.UNKNOWN_ORDER) return null;
            throw e;
        }
    }

    /** The venue order id of a client id: remembered, or found among this product's orders (newest first). */
    private String resolve(VenueInstrument instrument, String clientId) {
        String known = orderIds.get(clientId);
        if (known != null) return known;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("product_ids", instrument.venueSymbol());
        params.put("limit", Integer.toString(PAGE));
        for (JsonNode o : pages(API + "/orders/historical/batch", params, "orders")) {
            remember(o);
            if (clientId.equals(o.path("client_order_id").asString(""))) return o.path("order_id").asString("");
        }
        return null;
    }

    /** Every row of a cursor-paged list (bounded: a long history is not walked to its end). */
    private List<JsonNode> pages(String path, Map<String, String> params, String field) {
        List<JsonNode> rows = new ArrayList<>();
        Map<String, String> page = new LinkedHashMap<>(params);
        for (int i = 0; i < MAX_PAGES; i++) {
            JsonNode answer = send(RestCall.signedGet(path, page, 1));
            answer.path(field).forEach(rows::add);
            String cursor = answer.path("cursor").asString("");
            if (cursor.isEmpty() || (answer.has("has_next") && !answer.path("has_next").asBoolean(false))) break;
            page.put("cursor", cursor);
        }
        return rows;
    }

    /**
     * Sends a private call. Coinbase answers an expired or not-yet-valid token with the same bare 401 as a bad key: on
     * a 401 the venue's clock is taken again, and only if ours was off by more than a few seconds is the call signed
     * again and sent once more (the venue refused it before acting, so even a new order may go again).
     */
    private JsonNode send(RestCall call) {
        try {
            return rest.send(call);
        } catch (VenueException e) {
            if (e.kind() != Kind.AUTH || !"401".equals(e.venueCode())) throw e;
            long before = clock.offsetMillis();
            try {
                resyncClock();
            } catch (VenueException timeFailed) {
                throw e;
            }
            if (Math.abs(clock.offsetMillis() - before) < CLOCK_FIX_MILLIS) throw e;
            return rest.send(call);
        }
    }

    /** The quantity on the lot grid, rounded down (never more than asked). */
    static String lots(BigDecimal quantity, BigDecimal lot) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new VenueException(Kind.REJECTED, CoinbaseRules.VENUE, null, "quantity must be positive");
        }
        BigDecimal q = quantity.divide(lot, 0, RoundingMode.DOWN).multiply(lot);
        if (q.signum() <= 0) {
            throw new VenueException(Kind.REJECTED, CoinbaseRules.VENUE, null, "quantity " + quantity.toPlainString()
                    + " is below one lot of " + lot.toPlainString());
        }
        return q.setScale(Math.max(0, lot.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The price on the tick grid, rounded to the passive side (a buy never pays more, a sell never gets less). */
    static String ticks(BigDecimal price, BigDecimal tick, OrderSide side) {
        if (price == null || price.signum() <= 0) {
            throw new VenueException(Kind.REJECTED, CoinbaseRules.VENUE, null, "a limit order needs a positive price");
        }
        RoundingMode mode = side == OrderSide.BUY ? RoundingMode.DOWN : RoundingMode.UP;
        BigDecimal p = price.divide(tick, 0, mode).multiply(tick);
        return p.setScale(Math.max(0, tick.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    @Override
    public String toString() { return "CoinbaseTrading[key=***]"; }
}
