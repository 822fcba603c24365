package dev.botfleet.exchanges.coindcx;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarginMode;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.exchanges.AccountInfo;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.UserStreamListener;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueException.Kind;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.VenuePosition;
import dev.botfleet.exchanges.coindcx.PlacementBook.Placement;
import dev.botfleet.exchanges.http.ClockOffset;
import dev.botfleet.exchanges.http.RestCall;
import dev.botfleet.exchanges.http.RestClient;
import dev.botfleet.exchanges.ws.ReconnectingWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One key's private side on CoinDCX futures (USDT margin). CoinDCX futures orders have <b>no client order id</b>; how
 * this adapter still places every order at most once is {@link PlacementBook}'s job:
 * <ol>
 *   <li>{@link #place} records the placement (pair, side, type, price, quantity, send time) before sending, and refuses
 *       a second placement under the same venue client id (DUPLICATE_ORDER: never sent twice);</li>
 *   <li>the create answer names the venue order; the ids are bound in memory, and every order event is reported under
 *       our venue client id;</li>
 *   <li>a lost answer ({@code ANSWER_LOST}, then {@link #query}) or a restart ({@link #query(VenueInstrument, String,
 *       OrderSnapshot)} with the journaled order) is resolved from the venue's order list on that side: by id when it
 *       is known, else the order matching every attribute that no other placement claims. None found: not placed (the
 *       live port rejects it and never resends). Several: the oldest is adopted and a warning logged.</li>
 * </ol>
 *
 * <p>Orders are sized in the base asset (our quantities, CoinDCX's {@code total_quantity}), rounded to the lot and the
 * tick before sending. CoinDCX documents no reduce-only flag on create: an exit order ({@code closeReason != null})
 * is sized by the engine not to exceed the position, and is sent as a plain order.
 */
final class CoinDcxTrading implements TradingClient {
    private static final Logger log = LoggerFactory.getLogger(CoinDcxTrading.class);
    static final String BASE = "/exchange/v1/derivatives/futures";
    static final String CREATE = BASE + "/orders/create";
    static final String CANCEL = BASE + "/orders/cancel";
    static final String ORDERS = BASE + "/orders";
    static final String POSITIONS = BASE + "/positions";
    static final String LEVERAGE = BASE + "/positions/update_leverage";
    static final String TRADES = BASE + "/trades";
    static final String WALLETS = BASE + "/wallets";
    static final String ALL_STATUSES = "open,partially_filled,filled,partially_cancelled,cancelled,rejected,untriggered";
    static final String MARGIN = "USDT";
    private static final int PAGE = 50;
    private static final int MAX_PAGES = 20;

    private final CoinDcxVenue venue;
    private final VenueCredential credential;
    private final ClockOffset clock = new ClockOffset();
    private final RestClient rest;
    private final PlacementBook book = new PlacementBook();
    /** The position leverage per pair, as last set or read: orders must carry it (422 otherwise). */
    private final Map<String, BigDecimal> leverage = new ConcurrentHashMap<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    CoinDcxTrading(CoinDcxVenue venue, VenueCredential credential) {
        this.venue = venue;
        this.credential = credential;
        this.rest = venue.rest(CoinDcxSigner.forKey(credential.apiKey(), credential.apiSecret()),
                CoinDcxVenue.limiter(), CoinDcxVenue.breaker(), clock);
    }

    @Override public String venue() { return CoinDcxRules.VENUE; }

    /** CoinDCX has no read-only keys (FAQ), and the futures API cannot withdraw. */
    @Override
    public AccountInfo account() {
        JsonNode wallets = rest.send(signed("GET", WALLETS, "{}"));
        List<Balance> balances = new ArrayList<>();
        for (JsonNode w : wallets) balances.add(balance(w));
        return new AccountInfo(true, false, balances);
    }

    /**
     * A futures wallet ({@code wallets} row or {@code balance-update}): {@code locked_balance} is margin held by
     * isolated positions and orders, the cross margins are held out of {@code balance}. Total is balance + locked;
     * free is balance less the cross margins.
     */
    static Balance balance(JsonNode w) {
        BigDecimal balance = CoinDcxJson.dec(w, "balance");
        BigDecimal total = balance.add(CoinDcxJson.dec(w, "locked_balance"));
        BigDecimal free = balance.subtract(CoinDcxJson.dec(w, "cross_order_margin"))
                .subtract(CoinDcxJson.dec(w, "cross_user_margin")).max(BigDecimal.ZERO);
        return new Balance(w.path("currency_short_name").asString(""), total, free);
    }

    @Override
    public OrderReport place(VenueInstrument instrument, OrderSnapshot order, String venueClientId) {
        Instrument rules = instrument.instrument();
        String type = switch (order.type()) {
            case LIMIT -> "limit_order";
            case MARKET -> "market_order";
            case STOP_MARKET -> throw new VenueException(Kind.UNSUPPORTED, CoinDcxRules.VENUE, null,
                    "stop-market orders are not offered by this adapter for CoinDCX futures");
        };
        ObjectNode fields = CoinDcxJson.JSON.createObjectNode();
        ObjectNode o = fields.putObject("order");
        o.put("side", CoinDcxOrders.side(order.side()));
        o.put("pair", instrument.venueSymbol());
        o.put("order_type", type);
        if (order.type() == dev.botfleet.engine.order.OrderType.LIMIT) {
            o.put("price", onGrid(order.price(), rules.tickSize(), "price"));
        } else {
            o.putNull("price"); // "Keep this NULL for market orders"
        }
        o.put("total_quantity", onGrid(order.quantity(), rules.lotSize(), "quantity"));
        BigDecimal lev = leverageOf(instrument);
        if (lev != null) o.put("leverage", lev);
        o.put("notification", "no_notification");
        if (order.type() == dev.botfleet.engine.order.OrderType.LIMIT) {
            // "Do not include time_in_force for market orders."
            o.put("time_in_force", order.timeInForce() == TimeInForce.IOC ? "immediate_or_cancel" : "good_till_cancel");
        }
        o.put("hidden", false);
        o.put("post_only", false);
        o.put("margin_currency_short_name", MARGIN);
        Placement placement = Placement.of(venueClientId, instrument.venueSymbol(), order, type, clock.venueMillis());
        if (!book.record(placement)) {
            String id = book.orderIdOf(venueClientId);
            throw new VenueException(Kind.DUPLICATE_ORDER, CoinDcxRules.VENUE, null, "order " + venueClientId
                    + " was already sent" + (id == null ? "" : " (CoinDCX order " + id + ")") + "; it is never sent twice");
        }
        JsonNode answer = rest.send(RestCall.newOrder("POST", CREATE, Map.of(), CoinDcxJson.JSON.writeValueAsString(fields), 1));
        JsonNode row = answer.isArray() ? answer.path(0) : answer;
        String orderId = row.path("id").asString("");
        if (orderId.isEmpty()) {
            throw new VenueException(Kind.ANSWER_LOST, CoinDcxRules.VENUE, null, "create answered without an order id");
        }
        List<JsonNode> early = book.bind(placement, orderId);
        JsonNode latest = early.isEmpty() ? row : early.getLast();
        List<OrderFilled> fills = new ArrayList<>();
        for (JsonNode update : early) fills.addAll(tradesOf(venueClientId, orderId, update));
        return CoinDcxOrders.report(venueClientId, latest, dedupe(fills), placement.instantOnly());
    }

    @Override
    public void cancel(VenueInstrument instrument, String venueClientId) {
        String orderId = book.orderIdOf(venueClientId);
        if (orderId == null) {
            Placement p = book.placement(venueClientId);
            if (p == null) throw unknown(venueClientId);
            orderId = resolve(p).map(m -> m.path("id").asString("")).orElseThrow(() -> unknown(venueClientId));
        }
        rest.send(signed("POST", CANCEL, "{\"id\":" + CoinDcxJson.JSON.writeValueAsString(orderId) + "}"));
    }

    /** After a lost answer, or any time later in this process: the placement is in memory. */
    @Override
    public Optional<OrderReport> query(VenueInstrument instrument, String venueClientId) {
        Placement p = book.placement(venueClientId);
        if (p == null) {
            throw new VenueException(Kind.REJECTED, CoinDcxRules.VENUE, null, "order " + venueClientId
                    + " was not placed by this process: CoinDCX has no client order ids, so it is found from the journal");
        }
        return find(instrument, p);
    }

    /** Restart reconciliation: the journal says what the order looked like (and its venue id once acknowledged). */
    @Override
    public Optional<OrderReport> query(VenueInstrument instrument, String venueClientId, OrderSnapshot known) {
        Placement p = book.placement(venueClientId);
        if (p == null) {
            String type = known.type() == dev.botfleet.engine.order.OrderType.MARKET ? "market_order" : "limit_order";
            p = Placement.of(venueClientId, instrument.venueSymbol(), known, type, known.createdAt().toEpochMilli());
            if (known.exchangeOrderId() != null && !known.exchangeOrderId().isBlank()) {
                book.bind(p, known.exchangeOrderId());
            }
        }
        return find(instrument, p);
    }

    private Optional<OrderReport> find(VenueInstrument instrument, Placement p) {
        String orderId = book.orderIdOf(p.venueClientId());
        Optional<JsonNode> row = orderId != null ? byId(p, orderId) : resolve(p);
        return row.map(r -> CoinDcxOrders.report(p.venueClientId(), r,
                CoinDcxOrders.filled(r).signum() > 0 ? fillsOf(p.venueClientId(), r) : List.of(), p.instantOnly()));
    }

    /** The venue's order by id, from the list of the placement's side (there is no get-by-id for futures). */
    private Optional<JsonNode> byId(Placement p, String orderId) {
        for (JsonNode row : list(p.side(), ALL_STATUSES, p.sentAt() - PlacementBook.SLACK_MILLIS)) {
            if (orderId.equals(row.path("id").asString(""))) return Optional.of(row);
        }
        return Optional.empty();
    }

    /** The no-client-id resolution (see {@link PlacementBook}); binds what it adopts. */
    private Optional<JsonNode> resolve(Placement p) {
        List<JsonNode> rows = list(p.side(), ALL_STATUSES, p.sentAt() - PlacementBook.SLACK_MILLIS);
        Optional<PlacementBook.Match> match = PlacementBook.match(p, rows, book.claimed());
        match.ifPresent(m -> {
            String id = m.order().path("id").asString("");
            if (m.ambiguous()) {
                String warning = m.candidates() + " orders at CoinDCX look like " + p.venueClientId() + " ("
                        + p.describe() + "); adopted the oldest, " + id + ". Check the others on CoinDCX by hand.";
                warnings.add(warning);
                log.warn("coindcx: {}", warning);
            }
            book.bind(p, id);
        });
        return match.map(PlacementBook.Match::order);
    }

    /**
     * List Orders (side is mandatory; no pair filter): pages of {@value #PAGE}, until a short page or a page with
     * nothing created since {@code since} (the venue lists newest first).
     */
    private List<JsonNode> list(OrderSide side, String statuses, long since) {
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            String fields = "{\"status\":\"" + statuses + "\",\"side\":\"" + CoinDcxOrders.side(side) + "\",\"page\":\""
                    + page + "\",\"size\":\"" + PAGE + "\",\"margin_currency_short_name\":[\"" + MARGIN + "\"]}";
            JsonNode answer = rest.send(signed("POST", ORDERS, fields));
            boolean recent = false;
            for (JsonNode row : answer) {
                rows.add(row);
                if (CoinDcxJson.millis(row, "created_at") >= since) recent = true;
            }
            if (answer.size() < PAGE || !recent) break;
        }
        return rows;
    }

    @Override
    public List<OrderReport> openOrders(VenueInstrument instrument) {
        List<OrderReport> open = new ArrayList<>();
        for (OrderSide side : OrderSide.values()) {
            for (JsonNode row : list(side, "open,partially_filled,untriggered", Long.MAX_VALUE)) {
                if (!instrument.venueSymbol().equals(row.path("pair").asString(""))) continue;
                String id = row.path("id").asString("");
                Placement p = book.placement(book.clientIdOf(id) == null ? "" : book.clientIdOf(id));
                open.add(CoinDcxOrders.report(book.clientIdOf(id), row, List.of(), p != null && p.instantOnly()));
            }
        }
        return open;
    }

    @Override
    public List<OrderFilled> fills(VenueInstrument instrument, String venueClientId) {
        return query(instrument, venueClientId).map(OrderReport::fills).orElse(List.of());
    }

    /**
     * Get Trades for one order: pair and order_id, with dates (YYYY-MM-DD) from the day before its creation to the day
     * after today (the venue's day boundary is not documented), every page.
     */
    List<OrderFilled> fillsOf(String venueClientId, JsonNode order) {
        String orderId = order.path("id").asString("");
        LocalDate from = Instant.ofEpochMilli(CoinDcxJson.millis(order, "created_at")).atZone(ZoneOffset.UTC)
                .toLocalDate().minusDays(1);
        LocalDate to = Instant.ofEpochMilli(clock.venueMillis()).atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
        List<JsonNode> trades = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            String fields = "{\"pair\":\"" + order.path("pair").asString("") + "\",\"order_id\":\"" + orderId
                    + "\",\"from_date\":\"" + from + "\",\"to_date\":\"" + to + "\",\"page\":\"" + page
                    + "\",\"size\":\"" + PAGE + "\",\"margin_currency_short_name\":[\"" + MARGIN + "\"]}";
            JsonNode answer = rest.send(signed("POST", TRADES, fields));
            answer.forEach(t -> {
                if (orderId.equals(t.path("order_id").asString(orderId))) trades.add(t);
            });
            if (answer.size() < PAGE) break;
        }
        trades.sort(CoinDcxOrders.TRADE_ORDER);
        return dedupe(trades.stream().map(t -> CoinDcxOrders.fill(venueClientId, orderId, t, MARGIN)).toList());
    }

    private List<OrderFilled> tradesOf(String venueClientId, String orderId, JsonNode update) {
        List<JsonNode> trades = new ArrayList<>();
        update.path("trades").forEach(trades::add);
        trades.sort(CoinDcxOrders.TRADE_ORDER);
        return trades.stream().map(t -> CoinDcxOrders.fill(venueClientId, orderId, t, MARGIN)).toList();
    }

    private static List<OrderFilled> dedupe(List<OrderFilled> fills) {
        Map<String, OrderFilled> byKey = new java.util.LinkedHashMap<>();
        for (OrderFilled f : fills) byKey.putIfAbsent(f.tradeId(), f);
        return List.copyOf(byKey.values());
    }

    @Override
    public StreamHandle openUserStream(UserStreamListener listener) {
        CoinDcxUserStream stream = new CoinDcxUserStream(this, listener);
        SocketIo.Session session = new SocketIo.Session(stream);
        URI uri = URI.create(venue.endpoints().userStream() + SocketIo.PATH);
        ReconnectingWebSocket socket = new ReconnectingWebSocket("coindcx-user", venue.http(), () -> uri, session,
                SocketIo.PING_EVERY, () -> SocketIo.PING);
        session.attach(socket);
        stream.attach(socket, session);
        socket.start();
        return stream;
    }

    @Override
    public VenuePosition position(VenueInstrument instrument) {
        String fields = "{\"page\":\"1\",\"size\":\"10\",\"pairs\":\"" + instrument.venueSymbol()
                + "\",\"margin_currency_short_name\":[\"" + MARGIN + "\"]}";
        for (JsonNode row : rest.send(signed("POST", POSITIONS, fields))) {
            if (instrument.venueSymbol().equals(row.path("pair").asString(""))) return position(instrument.symbol(), row);
        }
        return new VenuePosition(instrument.symbol(), BigDecimal.ZERO, BigDecimal.ZERO, null, null, null,
                MarginMode.CROSS, null, Instant.ofEpochMilli(clock.venueMillis()));
    }

    /** A positions row or {@code df-position-update}: active_pos in the underlying, negative when short. */
    VenuePosition position(String symbol, JsonNode row) {
        BigDecimal lev = CoinDcxJson.dec(row, "leverage");
        if (lev.signum() > 0) leverage.put(row.path("pair").asString(""), lev);
        MarginMode mode = "crossed".equals(row.path("margin_type").asString("")) ? MarginMode.CROSS : MarginMode.ISOLATED;
        BigDecimal liquidation = CoinDcxJson.dec(row, "liquidation_price");
        BigDecimal mark = CoinDcxJson.dec(row, "mark_price");
        // "liquidation_price ... applicable only for positions with isolated margin. Ignore this for cross".
        return new VenuePosition(symbol, CoinDcxJson.dec(row, "active_pos"), CoinDcxJson.dec(row, "avg_price"),
                mark.signum() > 0 ? mark : null,
                mode == MarginMode.ISOLATED && liquidation.signum() > 0 ? liquidation : null,
                lev.signum() > 0 ? lev : null, mode, CoinDcxJson.dec(row, "locked_margin"),
                Instant.ofEpochMilli(CoinDcxJson.millis(row, "updated_at")));
    }

    /**
     * POST positions/update_leverage {leverage (a string), pair, margin_currency_short_name}. The margin mode is the
     * position's own (changed on its own endpoint, not by this adapter): asking for another one is refused in words.
     */
    @Override
    public void setLeverage(VenueInstrument instrument, BigDecimal lev, MarginMode marginMode) {
        VenuePosition now = position(instrument);
        if (marginMode != null && now.marginMode() != marginMode) {
            throw new VenueException(Kind.UNSUPPORTED, CoinDcxRules.VENUE, null, "the " + instrument.venueSymbol()
                    + " position is " + now.marginMode() + " margined; change it to " + marginMode + " on CoinDCX first");
        }
        String fields = "{\"leverage\":\"" + lev.stripTrailingZeros().toPlainString() + "\",\"pair\":\""
                + instrument.venueSymbol() + "\",\"margin_currency_short_name\":\"" + MARGIN + "\"}";
        rest.send(signed("POST", LEVERAGE, fields));
        leverage.put(instrument.venueSymbol(), lev);
    }

    /**
     * The position's leverage when this client knows it (set here, or read from the position or its stream), else
     * null: the order then carries none and the venue applies the position's own ("leverage ... OPTIONAL ... should
     * match the leverage of the position"). Asking the venue first would cost a call before every first order.
     */
    private BigDecimal leverageOf(VenueInstrument instrument) {
        return leverage.get(instrument.venueSymbol());
    }

    /** The docs publish no funding history for futures (Wallet Transactions does not itemise it as such). */
    @Override
    public List<dev.botfleet.engine.position.FundingPayment> fundingPayments(VenueInstrument instrument, Instant since) {
        throw new VenueException(Kind.UNSUPPORTED, CoinDcxRules.VENUE, null,
                "CoinDCX futures publishes no funding history this adapter can read");
    }

    /** Words for the live port when the venue never had the order. */
    private static VenueException unknown(String venueClientId) {
        return new VenueException(Kind.UNKNOWN_ORDER, CoinDcxRules.VENUE, null, "CoinDCX has no order " + venueClientId);
    }

    /** A signed call that is safe to repeat (reads, cancels, leverage): never a new order. */
    private static RestCall signed(String method, String path, String fields) {
        return new RestCall(method, path, Map.of(), fields, 1, true, true, false);
    }

    PlacementBook book() { return book; }

    /** The private channel's join argument (key and signature: never logged). */
    String joinMessage() {
        return CoinDcxSigner.forKey(credential.apiKey(), credential.apiSecret()).joinPrivate();
    }

    /** Plain-words warnings raised while resolving orders (also logged). */
    List<String> warnings() { return List.copyOf(warnings); }

    /** Our venue client id of a venue order id, or null (for tests and the user stream). */
    String venueClientIdOf(String orderId) { return book.clientIdOf(orderId); }

    @Override
    public String toString() { return "CoinDcxTrading[" + credential + "]"; }

    /** The value on the instrument's grid, at the grid's scale (written as a plain JSON number). */
    static BigDecimal onGrid(BigDecimal value, BigDecimal step, String what) {
        if (value == null || value.signum() <= 0 || value.remainder(step).signum() != 0) {
            throw new VenueException(Kind.REJECTED, CoinDcxRules.VENUE, null, what + " " + value
                    + " is not a positive multiple of " + step.toPlainString());
        }
        return value.setScale(Math.max(0, step.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
    }
}
