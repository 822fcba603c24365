package dev.botfleet.exchanges.kraken;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.exchanges.AccountInfo;
import dev.botfleet.exchanges.ClientIdCodec;
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
import dev.botfleet.exchanges.ws.ReconnectingWebSocket;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One key's private side on Kraken spot: POST /0/private/AddOrder and CancelOrder by {@code cl_ord_id},
 * OpenOrders / ClosedOrders filtered by {@code cl_ord_id} (QueryOrders needs the txid, which a lost answer never
 * gave us) with QueryTrades for the fills, BalanceEx for balances and holds, GetWebSocketsToken for the executions
 * stream. Every call first waits in the key's mirror of Kraken's counters ({@link KrakenCounters}).
 */
final class KrakenTradingClient implements TradingClient {
    private static final Pattern CL_ORD_ID = Pattern.compile(
            "[0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[\\x21-\\x7e]{1,18}");

    private final KrakenVenue venue;
    private final VenueEndpoints endpoints;
    private final VenueCredential credential;
    private final KrakenCounters counters;
    private final RestClient rest;
    private final KrakenPairs pairs;
    /** When we placed each order (local time): a cancel costs more on the trading counter the younger the order. */
    private final Map<String, Long> placedAt = new ConcurrentHashMap<>();
    /** Held amounts from the last BalanceEx: the balances stream sends totals only. */
    private final Map<String, BigDecimal> held = new ConcurrentHashMap<>();

    KrakenTradingClient(KrakenVenue venue, VenueEndpoints endpoints, VenueCredential credential) {
        this.venue = venue;
        this.endpoints = endpoints;
        this.credential = credential;
        this.counters = venue.counters(credential.apiKey());
        ClockOffset clock = new ClockOffset();
        CircuitBreaker breaker = KrakenVenue.breaker();
        KrakenRules rules = new KrakenRules(counters::callCounterFull, counters::tradeCounterFull);
        this.rest = venue.rest(endpoints.rest(), KrakenSigner.lenient(credential.apiKey(), credential.apiSecret(),
                KrakenVenue.USER_AGENT), rules, breaker, clock);
        RestClient publicRest = venue.rest(endpoints.rest(), KrakenSigner.publicOnly(KrakenVenue.USER_AGENT), rules,
                breaker, clock);
        this.pairs = new KrakenPairs(() -> publicRest.send(RestCall.publicGet("/0/public/AssetPairs", Map.of(), 1))
                .path("result"));
    }

    @Override public String venue() { return KrakenRules.VENUE; }

    @Override
    public ClientIdCodec clientIds(String botId) { return new KrakenClientIds(botId); }

    /**
     * BalanceEx: totals and what open orders hold. Kraken's REST API has no call that reports a key's permissions,
     * so a key that can read balances is taken as able to trade (a trade permission it lacks is refused on the first
     * order with "EGeneral:Permission denied"); withdrawal is reported as not allowed.
     */
    @Override
    public AccountInfo account() {
        JsonNode result = call("BalanceEx", Map.of(), 1, true);
        List<Balance> balances = new ArrayList<>();
        for (var e : result.properties()) {
            String asset = KrakenPairs.asset(e.getKey());
            BigDecimal total = KrakenRules.decimal(e.getValue().path("balance"));
            BigDecimal hold = KrakenRules.decimal(e.getValue().path("hold_trade"));
            held.put(asset, hold);
            balances.add(new Balance(asset, total, total.subtract(hold).max(BigDecimal.ZERO)));
        }
        return new AccountInfo(true, false, balances);
    }

    /**
     * AddOrder answers only the txid. A market or IOC order is asked for right away (it has finished by then); a
     * resting GTC limit is reported ACCEPTED and its fills come on the executions stream, which spares the call
     * counter a query per order.
     */
    @Override
    public OrderReport place(VenueInstrument instrument, OrderSnapshot order, String venueClientId) {
        Instrument rules = instrument.instrument();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ordertype", switch (order.type()) {
            case LIMIT -> "limit";
            case MARKET -> "market";
            case STOP_MARKET -> throw new VenueException(Kind.UNSUPPORTED, KrakenRules.VENUE, null,
                    "stop-market orders are not offered by this adapter for Kraken spot");
        });
        params.put("type", order.side() == OrderSide.BUY ? "buy" : "sell");
        params.put("volume", plain(order.quantity(), rules.lotSize(), "quantity"));
        params.put("pair", instrument.venueSymbol());
        if (order.type() == dev.botfleet.engine.order.OrderType.LIMIT) {
            params.put("price", plain(order.price(), rules.tickSize(), "price"));
            if (order.timeInForce() == TimeInForce.IOC) params.put("timeinforce", "IOC");
        }
        // Fees in the asset received, as every other venue here charges them: base on a buy, quote on a sell.
        params.put("oflags", order.side() == OrderSide.BUY ? "fcib" : "fciq");
        params.put("cl_ord_id", clOrdId(venueClientId));
        counters.acquireTrade(instrument.venueSymbol(), 1);
        placedAt.put(venueClientId, System.currentTimeMillis());
        JsonNode result = rest.send(RestCall.newOrder("POST", "/0/private/AddOrder", params, null, 1)).path("result");
        String txid = result.path("txid").path(0).asString("");
        if (order.type() == dev.botfleet.engine.order.OrderType.MARKET || order.timeInForce() == TimeInForce.IOC) {
            try {
                Optional<OrderReport> now = query(instrument, venueClientId);
                if (now.isPresent()) return now.get();
            } catch (VenueException e) {
                if (!e.kind().isTransient()) throw e;
            }
        }
        return new OrderReport(venueClientId, txid, OrderStatus.ACCEPTED, BigDecimal.ZERO, List.of(), null);
    }

    @Override
    public void cancel(VenueInstrument instrument, String venueClientId) {
        Long placed = placedAt.get(venueClientId);
        int cost = placed == null ? 8 : KrakenCounters.cancelCost(System.currentTimeMillis() - placed);
        counters.acquireTrade(instrument.venueSymbol(), cost);
        rest.send(new RestCall("POST", "/0/private/CancelOrder", Map.of("cl_ord_id", clOrdId(venueClientId)), null, 1,
                true, true, false));
    }

    /** The open order with this cl_ord_id, else the newest closed one (ids are unique among open orders only). */
    @Override
    public Optional<OrderReport> query(VenueInstrument instrument, String venueClientId) {
        Map<String, String> params = Map.of("trades", "true", "cl_ord_id", clOrdId(venueClientId));
        Map.Entry<String, JsonNode> found = newest(call("OpenOrders", params, 1, true).path("open"));
        if (found == null) found = newest(call("ClosedOrders", params, 1, true).path("closed"));
        if (found == null) return Optional.empty();
        JsonNode order = found.getValue();
        List<OrderFilled> fills = fillsOf(order, venueClientId, instrument.instrument());
        return Optional.of(KrakenOrders.report(found.getKey(), order, fills));
    }

    @Override
    public List<OrderReport> openOrders(VenueInstrument instrument) {
        List<OrderReport> open = new ArrayList<>();
        for (var e : call("OpenOrders", Map.of(), 1, true).path("open").properties()) {
            JsonNode order = e.getValue();
            if (!instrument.venueSymbol().equals(order.path("descr").path("pair").asString(""))) continue;
            open.add(KrakenOrders.report(e.getKey(), order, List.of()));
        }
        return open;
    }

    @Override
    public List<OrderFilled> fills(VenueInstrument instrument, String venueClientId) {
        return query(instrument, venueClientId).map(OrderReport::fills).orElse(List.of());
    }

    @Override
    public StreamHandle openUserStream(UserStreamListener listener) {
        KrakenUserStream session = new KrakenUserStream(this, listener);
        URI uri = URI.create(endpoints.userStream());
        ReconnectingWebSocket socket = new ReconnectingWebSocket("kraken-user", venue.http(), () -> uri, session,
                KrakenMarketData.PING_EVERY, () -> KrakenMarketData.PING);
        session.attach(socket);
        socket.start();
        return session;
    }

    /** A fresh token for the executions stream (valid 15 minutes for connecting): taken on every (re)connect. */
    String webSocketToken() {
        return call("GetWebSocketsToken", Map.of(), 1, true).path("token").asString("");
    }

    BigDecimal held(String asset) { return held.getOrDefault(asset, BigDecimal.ZERO); }

    KrakenPairs pairs() { return pairs; }

    private JsonNode call(String method, Map<String, String> params, int cost, boolean idempotent) {
        counters.acquireCall(cost);
        return rest.send(new RestCall("POST", "/0/private/" + method, params, null, cost, true, idempotent, false))
                .path("result");
    }

    /** QueryTrades for the order's trade txids (at most 20 per call), in the venue's trade order. */
    private List<OrderFilled> fillsOf(JsonNode order, String venueClientId, Instrument instrument) {
        List<String> ids = new ArrayList<>();
        order.path("trades").forEach(t -> ids.add(t.asString("")));
        if (ids.isEmpty()) return List.of();
        List<Map.Entry<String, JsonNode>> trades = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 20) {
            String batch = String.join(",", ids.subList(i, Math.min(ids.size(), i + 20)));
            trades.addAll(call("QueryTrades", Map.of("txid", batch), 2, true).properties());
        }
        trades.sort(Comparator.comparing((Map.Entry<String, JsonNode> e) -> KrakenRules.decimal(e.getValue().path("time")))
                .thenComparingLong(e -> e.getValue().path("trade_id").asLong(0)));
        String oflags = order.path("oflags").asString("");
        return trades.stream().map(e -> KrakenOrders.fill(venueClientId, e.getKey(), e.getValue(), oflags, instrument))
                .toList();
    }

    private static Map.Entry<String, JsonNode> newest(JsonNode orders) {
        Map.Entry<String, JsonNode> best = null;
        for (var e : orders.properties()) {
            if (best == null || KrakenRules.decimal(e.getValue().path("opentm"))
                    .compareTo(KrakenRules.decimal(best.getValue().path("opentm"))) > 0) {
                best = e;
            }
        }
        return best;
    }

    private static String clOrdId(String venueClientId) {
        if (venueClientId == null || !CL_ORD_ID.matcher(venueClientId).matches()) {
            throw new VenueException(Kind.REJECTED, KrakenRules.VENUE, null, "client order id '" + venueClientId
                    + "' is not a Kraken cl_ord_id (a UUID, 32 hex digits, or at most 18 characters)");
        }
        return venueClientId;
    }

    /** The value as the instrument's plain decimal; a value off the instrument's grid is refused before sending. */
    private static String plain(BigDecimal value, BigDecimal step, String what) {
        if (value == null || value.signum() <= 0 || value.remainder(step).signum() != 0) {
            throw new VenueException(Kind.REJECTED, KrakenRules.VENUE, null, what + " " + value
                    + " is not a positive multiple of " + step.toPlainString());
        }
        int scale = Math.max(0, step.stripTrailingZeros().scale());
        return value.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    }

    @Override
    public String toString() { return "KrakenTradingClient[" + credential + "]"; }
}
