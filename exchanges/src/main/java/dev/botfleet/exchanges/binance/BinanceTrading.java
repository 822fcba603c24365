package dev.botfleet.exchanges.binance;

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
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueException.Kind;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.http.RestCall;
import dev.botfleet.exchanges.http.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binance spot trading for one key (rest-api.md "Trading endpoints", "Account Endpoints"). Orders are placed under
 * the caller's venue client order id with {@code newOrderRespType=FULL}, so an order that fills at once comes back
 * with its fills; queries, cancels and trade lists name the order by that id.
 */
final class BinanceTrading implements TradingClient {
    private static final Logger log = LoggerFactory.getLogger(BinanceTrading.class);
    /** Weights from rest-api.md. */
    private static final int ORDER_WEIGHT = 1, CANCEL_WEIGHT = 1, QUERY_WEIGHT = 4, OPEN_ORDERS_WEIGHT = 6,
            TRADES_BY_ORDER_WEIGHT = 5, ACCOUNT_WEIGHT = 20, EXCHANGE_INFO_WEIGHT = 20, COMMISSION_WEIGHT = 20;

    private final BinanceVenue.Network network;
    private final RestClient rest;
    private final BinanceSigner signer;
    private final BinanceOrderLimits orderLimits;
    private final long recvWindowMillis;

    BinanceTrading(BinanceVenue.Network network, RestClient rest, BinanceSigner signer, BinanceOrderLimits orderLimits,
                   long recvWindowMillis) {
        this.network = network;
        this.rest = rest;
        this.signer = signer;
        this.orderLimits = orderLimits;
        this.recvWindowMillis = recvWindowMillis;
    }

    @Override
    public String venue() { return BinanceRules.VENUE; }

    @Override
    public AccountInfo account() {
        JsonNode a = rest.send(RestCall.signedGet("/api/v3/account", Map.of("omitZeroBalances", "true"), ACCOUNT_WEIGHT));
        List<Balance> balances = new ArrayList<>();
        for (JsonNode b : a.path("balances")) {
            BigDecimal free = BinanceReferenceData.decimal(b, "free");
            BigDecimal locked = BinanceReferenceData.decimal(b, "locked");
            balances.add(new Balance(b.path("asset").asString(), free.add(locked), free));
        }
        return new AccountInfo(a.path("canTrade").asBoolean(), a.path("canWithdraw").asBoolean(), balances);
    }

    /** The key's own maker and taker rates on one symbol ({@code GET /api/v3/account/commission}). */
    BigDecimal[] commission(VenueInstrument instrument) {
        JsonNode c = rest.send(RestCall.signedGet("/api/v3/account/commission",
                Map.of("symbol", instrument.venueSymbol()), COMMISSION_WEIGHT)).path("standardCommission");
        return new BigDecimal[] {BinanceReferenceData.decimal(c, "maker"), BinanceReferenceData.decimal(c, "taker")};
    }

    @Override
    public OrderReport place(VenueInstrument instrument, OrderSnapshot order, String venueClientId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", instrument.venueSymbol());
        p.put("side", order.side().name());
        switch (order.type()) {
            case LIMIT -> {
                p.put("type", "LIMIT");
                p.put("timeInForce", order.timeInForce() == TimeInForce.IOC ? "IOC" : "GTC");
                p.put("quantity", quantity(instrument.instrument(), order.quantity()));
                p.put("price", price(instrument.instrument(), order.price(), order.side()));
            }
            case MARKET -> {
                p.put("type", "MARKET");
                p.put("quantity", quantity(instrument.instrument(), order.quantity()));
            }
            case STOP_MARKET -> throw new VenueException(Kind.UNSUPPORTED, BinanceRules.VENUE, null,
                    "STOP_MARKET orders are not offered by this adapter on Binance spot");
        }
        p.put("newClientOrderId", venueClientId);
        p.put("newOrderRespType", "FULL");
        orderLimits.acquire();
        JsonNode answer = rest.send(RestCall.newOrder("POST", "/api/v3/order", p, null, ORDER_WEIGHT));
        return BinanceOrders.report(answer, BinanceOrders.placementFills(answer, order.side()));
    }

    @Override
    public void cancel(VenueInstrument instrument, String venueClientId) {
        rest.send(RestCall.signedIdempotent("DELETE", "/api/v3/order",
                Map.of("symbol", instrument.venueSymbol(), "origClientOrderId", venueClientId), null, CANCEL_WEIGHT));
    }

    @Override
    public Optional<OrderReport> query(VenueInstrument instrument, String venueClientId) {
        Optional<JsonNode> order = order(instrument, venueClientId);
        if (order.isEmpty()) return Optional.empty();
        JsonNode o = order.get();
        List<OrderFilled> fills = BinanceReferenceData.decimal(o, "executedQty").signum() > 0
                ? trades(instrument, o.path("orderId").asString(), venueClientId) : List.of();
        return Optional.of(BinanceOrders.report(o, fills));
    }

    @Override
    public List<OrderReport> openOrders(VenueInstrument instrument) {
        JsonNode rows = rest.send(RestCall.signedGet("/api/v3/openOrders",
                Map.of("symbol", instrument.venueSymbol()), OPEN_ORDERS_WEIGHT));
        List<OrderReport> reports = new ArrayList<>();
        rows.forEach(o -> reports.add(BinanceOrders.report(o, List.of())));
        return reports;
    }

    @Override
    public List<OrderFilled> fills(VenueInstrument instrument, String venueClientId) {
        return order(instrument, venueClientId)
                .map(o -> trades(instrument, o.path("orderId").asString(), venueClientId)).orElse(List.of());
    }

    @Override
    public StreamHandle openUserStream(UserStreamListener listener) {
        return new BinanceUserStream(network, signer, rest, this, listener, recvWindowMillis).start();
    }

    /** Our symbol for a venue symbol, loading the venue's instrument list once if the symbol is new to us. */
    Optional<VenueInstrument> instrument(String venueSymbol) {
        Optional<VenueInstrument> known = network.byVenueSymbol(venueSymbol);
        if (known.isPresent()) return known;
        JsonNode info = rest.send(RestCall.publicGet("/api/v3/exchangeInfo", Map.of(), EXCHANGE_INFO_WEIGHT));
        network.publishLimits(info);
        network.remember(BinanceReferenceData.instruments(info));
        return network.byVenueSymbol(venueSymbol);
    }

    private Optional<JsonNode> order(VenueInstrument instrument, String venueClientId) {
        try {
            return Optional.of(rest.send(RestCall.signedGet("/api/v3/order",
                    Map.of("symbol", instrument.venueSymbol(), "origClientOrderId", venueClientId), QUERY_WEIGHT)));
        } catch (VenueException e) {
            if (e.kind() == Kind.UNKNOWN_ORDER) return Optional.empty(); // -2013 Order does not exist.
            throw e;
        }
    }

    private List<OrderFilled> trades(VenueInstrument instrument, String orderId, String venueClientId) {
        JsonNode rows = rest.send(RestCall.signedGet("/api/v3/myTrades",
                Map.of("symbol", instrument.venueSymbol(), "orderId", orderId, "limit", "1000"), TRADES_BY_ORDER_WEIGHT));
        return BinanceOrders.trades(rows, venueClientId);
    }

    /** On the lot grid, never more than asked. */
    static String quantity(Instrument instrument, BigDecimal quantity) {
        BigDecimal q = instrument.roundQuantity(quantity);
        if (q.compareTo(quantity) != 0) {
            log.warn("binance: quantity {} of {} rounded down to the lot size: {}", quantity, instrument.symbol(), q);
        }
        return q.toPlainString();
    }

    /** On the tick grid; off-grid prices round to the side's safe direction (a buy never pays more than asked). */
    static String price(Instrument instrument, BigDecimal price, OrderSide side) {
        BigDecimal units = price.divide(instrument.tickSize(), 0, side == OrderSide.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
        BigDecimal p = units.multiply(instrument.tickSize()).setScale(instrument.priceScale(), RoundingMode.UNNECESSARY);
        if (p.compareTo(price) != 0) {
            log.warn("binance: price {} of {} rounded to the tick size: {}", price, instrument.symbol(), p);
        }
        return p.toPlainString();
    }
}
