package dev.botfleet.exchanges.bybit;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
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
import dev.botfleet.exchanges.http.CircuitBreaker;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One key's private side on Bybit spot: POST /v5/order/create and /v5/order/cancel by orderLinkId, GET
 * /v5/order/realtime (open and recent orders) falling back to /v5/order/history, /v5/execution/list for fills,
 * /v5/user/query-api and /v5/account/wallet-balance for the account, and the private stream. Calls wait in
 * {@link UidLimits} for this key's rolling per-second windows before they go.
 */
final class BybitTradingClient implements TradingClient {
    /** orderLinkId: at most 36 characters of letters, digits, dashes and underscores (create order page). */
    private static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");
    private static final int MAX_PAGES = 20;

    private final BybitVenue venue;
    private final VenueEndpoints endpoints;
    private final VenueCredential credential;
    private final ClockOffset clock = new ClockOffset();
    private final UidLimits uid = new UidLimits(System::currentTimeMillis, Sleeper.REAL, clock);
    private final RestClient orders;
    private final RestClient reads;
    private final RestClient keyInfo;
    private final RestClient publicRest;
    private final BybitSymbols symbols;

    BybitTradingClient(BybitVenue venue, VenueEndpoints endpoints, VenueCredential credential) {
        this.venue = venue;
        this.endpoints = endpoints;
        this.credential = credential;
        BybitSigner signer = BybitSigner.forKey(credential.apiKey(), credential.apiSecret(),
                venue.settings().recvWindow().toMillis());
        CircuitBreaker breaker = BybitVenue.breaker();
        orders = venue.rest(endpoints.rest(), signer, new BybitRules(clock, uid, UidLimits.ORDER), breaker, clock);
        reads = venue.rest(endpoints.rest(), signer, new BybitRules(clock, uid, UidLimits.READ), breaker, clock);
        keyInfo = venue.rest(endpoints.rest(), signer, new BybitRules(clock, uid, UidLimits.KEY), breaker, clock);
        publicRest = venue.rest(endpoints.rest(), BybitSigner.publicOnly(), new BybitRules(clock, null, null), breaker,
                clock);
        symbols = new BybitSymbols(() -> publicRest.send(RestCall.publicGet("/v5/market/instruments-info",
                Map.of("category", "spot"), 1)).path("result"));
    }

    @Override public String venue() { return BybitRules.VENUE; }

    /** Trading needs readOnly=0 and the Spot permission SpotTrade; withdrawing needs the Wallet permission Withdraw. */
    @Override
    public AccountInfo account() {
        JsonNode key = counted(UidLimits.KEY, keyInfo, RestCall.signedGet("/v5/user/query-api", Map.of(), 1)).path("result");
        boolean canTrade = key.path("readOnly").asInt(1) == 0 && contains(key.path("permissions").path("Spot"), "SpotTrade");
        boolean canWithdraw = contains(key.path("permissions").path("Wallet"), "Withdraw");
        JsonNode wallet = counted(UidLimits.READ, reads, RestCall.signedGet("/v5/account/wallet-balance",
                Map.of("accountType", "UNIFIED"), 1)).path("result");
        List<Balance> balances = new ArrayList<>();
        for (JsonNode account : wallet.path("list")) {
            for (JsonNode coin : account.path("coin")) {
                BigDecimal total = BybitOrders.decimal(coin, "walletBalance");
                BigDecimal locked = BybitOrders.decimal(coin, "locked");
                balances.add(new Balance(coin.path("coin").asString(), total, total.subtract(locked).max(BigDecimal.ZERO)));
            }
        }
        return new AccountInfo(canTrade, canWithdraw, balances);
    }

    @Override
    public OrderReport place(VenueInstrument instrument, OrderSnapshot order, String venueClientId) {
        ObjectNode body = BybitRules.JSON.createObjectNode();
        body.put("category", "spot");
        body.put("symbol", instrument.venueSymbol());
        body.put("side", order.side() == dev.botfleet.engine.order.OrderSide.BUY ? "Buy" : "Sell");
        Instrument rules = instrument.instrument();
        switch (order.type()) {
            case LIMIT -> {
                body.put("orderType", "Limit");
                body.put("qty", plain(order.quantity(), rules.lotSize(), "quantity"));
                body.put("price", plain(order.price(), rules.tickSize(), "price"));
                body.put("timeInForce", order.timeInForce() == TimeInForce.IOC ? "IOC" : "GTC");
            }
            case MARKET -> {
                body.put("orderType", "Market");
                body.put("qty", plain(order.quantity(), rules.lotSize(), "quantity"));
                // A spot market buy is sized in quote coin unless marketUnit says otherwise; ours are in base.
                body.put("marketUnit", "baseCoin");
                body.put("timeInForce", "IOC");
            }
            case STOP_MARKET -> throw new VenueException(Kind.UNSUPPORTED, BybitRules.VENUE, null,
                    "stop-market orders are not offered by this adapter for Bybit spot");
        }
        body.put("orderLinkId", linkId(venueClientId));
        String json = BybitRules.JSON.writeValueAsString(body);
        JsonNode result = counted(UidLimits.ORDER, orders, RestCall.newOrder("POST", "/v5/order/create", Map.of(), json, 1)).path("result");
        String orderId = result.path("orderId").asString("");
        // The create answer is only an acknowledgement ("This request is asynchronous"): ask for the order's state.
        try {
            Optional<OrderReport> now = query(instrument, venueClientId);
            if (now.isPresent()) return now.get();
        } catch (VenueException e) {
            if (!e.kind().isTransient()) throw e;
        }
        return new OrderReport(venueClientId, orderId, OrderStatus.ACCEPTED, BigDecimal.ZERO, List.of(), null);
    }

    @Override
    public void cancel(VenueInstrument instrument, String venueClientId) {
        ObjectNode body = BybitRules.JSON.createObjectNode();
        body.put("category", "spot");
        body.put("symbol", instrument.venueSymbol());
        body.put("orderLinkId", linkId(venueClientId));
        counted(UidLimits.ORDER, orders, new RestCall("POST", "/v5/order/cancel", Map.of(), BybitRules.JSON.writeValueAsString(body), 1,
                true, true, true));
    }

    @Override
    public Optional<OrderReport> query(VenueInstrument instrument, String venueClientId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("category", "spot");
        params.put("symbol", instrument.venueSymbol());
        params.put("orderLinkId", linkId(venueClientId));
        JsonNode found = first("/v5/order/realtime", params);
        if (found == null) found = first("/v5/order/history", params);
        if (found == null) return Optional.empty();
        List<OrderFilled> fills = BybitOrders.decimal(found, "cumExecQty").signum() > 0
                ? fills(instrument, venueClientId) : List.of();
        return Optional.of(BybitOrders.report(found, fills));
    }

    @Override
    public List<OrderReport> openOrders(VenueInstrument instrument) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("category", "spot");
        params.put("symbol", instrument.venueSymbol());
        params.put("openOnly", "0");
        params.put("limit", "50");
        List<OrderReport> open = new ArrayList<>();
        for (JsonNode row : pages("/v5/order/realtime", params)) open.add(BybitOrders.report(row, List.of()));
        return open;
    }

    @Override
    public List<OrderFilled> fills(VenueInstrument instrument, String venueClientId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("category", "spot");
        params.put("orderLinkId", linkId(venueClientId));
        params.put("limit", "100");
        List<JsonNode> rows = new ArrayList<>(pages("/v5/execution/list", params));
        rows.removeIf(r -> !BybitOrders.isTrade(r));
        rows.sort(BybitOrders.TRADE_ORDER);
        return rows.stream().map(r -> BybitOrders.fill(r, instrument.instrument())).toList();
    }

    @Override
    public StreamHandle openUserStream(UserStreamListener listener) {
        BybitUserStream session = new BybitUserStream(this, listener);
        URI uri = URI.create(endpoints.userStream());
        ReconnectingWebSocket socket = new ReconnectingWebSocket("bybit-user", venue.http(), () -> uri, session,
                BybitMarketData.PING_EVERY, () -> BybitMarketData.PING);
        session.attach(socket);
        socket.start();
        return session;
    }

    /** The private stream's login message, expiring ten seconds from the venue's now. */
    String authMessage() {
        return BybitSigner.forKey(credential.apiKey(), credential.apiSecret(), 0)
                .authMessage(clock.venueMillis() + 10_000);
    }

    /** After a refused login: take the venue's clock again (the usual cause is a drifting local clock). */
    void resyncClock() {
        clock.resync(() -> BybitVenue.serverTime(publicRest));
    }

    BybitSymbols symbols() { return symbols; }

    /** Sends one call counted in the named per-UID window (UidLimits), dating its slot by the answer. */
    private JsonNode counted(String window, RestClient client, RestCall call) {
        UidLimits.Slot slot = uid.acquire(window);
        try {
            return client.send(call);
        } finally {
            uid.answered(slot);
        }
    }

    private JsonNode first(String path, Map<String, String> params) {
        JsonNode list = counted(UidLimits.READ, reads, RestCall.signedGet(path, params, 1)).path("result").path("list");
        return list.isEmpty() ? null : list.get(0);
    }

    /** Every row of a cursor-paged list (bounded, in case a venue bug keeps handing out cursors). */
    private List<JsonNode> pages(String path, Map<String, String> params) {
        List<JsonNode> rows = new ArrayList<>();
        Map<String, String> page = new LinkedHashMap<>(params);
        for (int i = 0; i < MAX_PAGES; i++) {
            JsonNode result = counted(UidLimits.READ, reads, RestCall.signedGet(path, page, 1)).path("result");
            result.path("list").forEach(rows::add);
            String cursor = result.path("nextPageCursor").asString("");
            if (cursor.isEmpty()) break;
            page.put("cursor", cursor);
        }
        return rows;
    }

    private static String linkId(String venueClientId) {
        if (venueClientId == null || !LINK_ID.matcher(venueClientId).matches()) {
            throw new VenueException(Kind.REJECTED, BybitRules.VENUE, null, "client order id '" + venueClientId
                    + "' is not a Bybit orderLinkId (1 to 36 letters, digits, '-' or '_')");
        }
        return venueClientId;
    }

    /** The value as the instrument's plain decimal; a value off the instrument's grid is refused before sending. */
    private static String plain(BigDecimal value, BigDecimal step, String what) {
        if (value == null || value.signum() <= 0 || value.remainder(step).signum() != 0) {
            throw new VenueException(Kind.REJECTED, BybitRules.VENUE, null, what + " " + value
                    + " is not a positive multiple of " + step.toPlainString());
        }
        int scale = Math.max(0, step.stripTrailingZeros().scale());
        return value.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) if (value.equals(n.asString(""))) return true;
        return false;
    }

    @Override
    public String toString() { return "BybitTradingClient[" + credential + "]"; }
}
