package dev.botfleet.fakes.coindcx;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeOrder.Side;
import dev.botfleet.fakes.FakeOrder.TimeInForce;
import dev.botfleet.fakes.FakeOrder.Type;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.MatchingEngine.Refused;
import dev.botfleet.fakes.perp.PerpLedger;
import dev.botfleet.fakes.perp.PerpRefused;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The order endpoints under /exchange/v1/derivatives/futures: orders/create (the fields nested under {@code order}),
 * orders/cancel {id}, orders (list: {@code side} is mandatory, statuses comma-separated, newest first, paged),
 * orders/edit and trades. Orders have UUID ids and <b>no client order id</b>: the docs have none for futures, so the
 * fake never invents one (the engine is handed null).
 */
final class OrderRoutes {
    /** What a CoinDCX order row shows that the shared engine does not keep. */
    record Extra(BigDecimal leverage, BigDecimal marketPrice, String marginType) {
    }

    private static final Set<String> STATUSES = Set.of("open", "partially_filled", "filled", "partially_cancelled",
            "cancelled", "rejected", "untriggered");

    private final MatchingEngine engine;
    private final PerpLedger ledger;
    private final Faults faults;
    private final Map<Long, String> ids = new ConcurrentHashMap<>();
    private final Map<String, Long> byId = new ConcurrentHashMap<>();
    private final Map<Long, Extra> extras = new ConcurrentHashMap<>();

    OrderRoutes(MatchingEngine engine, PerpLedger ledger, Faults faults) {
        this.engine = engine;
        this.ledger = ledger;
        this.faults = faults;
    }

    /** The UUID the venue shows for an engine order (made when the order is first shown). */
    String id(FakeOrder o) {
        return ids.computeIfAbsent(o.orderId, k -> {
            String id = UUID.randomUUID().toString();
            byId.put(id, k);
            return id;
        });
    }

    Extra extra(FakeOrder o) {
        return extras.getOrDefault(o.orderId, new Extra(ledger.leverage(o.account, o.market.venueSymbol), o.price, "isolated"));
    }

    Response create(FakeAccount account, JsonNode body) {
        JsonNode order = body.path("order");
        if (!order.isObject()) throw CoinDcxError.invalid("the order's fields go in \"order\"");
        FakeMarket market = engine.market(Json.text(order, "pair"));
        if (market == null) throw new CoinDcxError(422, "Invalid pair");
        Side side = switch (Json.text(order, "side")) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new CoinDcxError(422, "Invalid side");
        };
        Type type = switch (Json.text(order, "order_type")) {
            case "limit_order" -> Type.LIMIT;
            case "market_order" -> Type.MARKET;
            default -> throw new CoinDcxError(422, "Order type not allowed");
        };
        BigDecimal price = Json.decimal(order, "price");
        if (type == Type.LIMIT && price == null) throw new CoinDcxError(422, "Price can't be empty for limit_order Order");
        if (type == Type.MARKET) price = null;
        String tifText = order.path("time_in_force").isNull() ? "" : Json.text(order, "time_in_force");
        TimeInForce tif = switch (type == Type.MARKET ? "immediate_or_cancel" : tifText.isEmpty() ? "good_till_cancel" : tifText) {
            case "good_till_cancel" -> TimeInForce.GTC;
            case "immediate_or_cancel" -> TimeInForce.IOC;
            case "fill_or_kill" -> TimeInForce.FOK;
            default -> throw new CoinDcxError(422, "Invalid time_in_force");
        };
        BigDecimal quantity = Json.decimal(order, "total_quantity");
        if (quantity == null || quantity.signum() <= 0) throw new CoinDcxError(422, "Quantity should be greater than 0");
        BigDecimal positionLeverage = ledger.leverage(account, market.venueSymbol);
        BigDecimal leverage = Json.decimal(order, "leverage");
        if (leverage != null && leverage.compareTo(positionLeverage) != 0) {
            throw new CoinDcxError(422, "Order leverage must be equal to position leverage");
        }
        if (!market.trading) throw new CoinDcxError(400, "Instrument is in exit-only mode. You can’t add more position.");
        // Filter words of the docs' table; the lot words are the fake's (the docs give none for quantity steps).
        if (price != null && price.remainder(market.tickSize).signum() != 0) {
            throw new CoinDcxError(400, "Price should be divisible by " + market.tickSize.toPlainString());
        }
        if (quantity.compareTo(market.minQuantity) < 0) {
            throw new CoinDcxError(422, "Quantity should be greater than " + market.minQuantity.toPlainString());
        }
        if (quantity.remainder(market.lotSize).signum() != 0) {
            throw new CoinDcxError(422, "Quantity should be divisible by " + market.lotSize.toPlainString());
        }
        BigDecimal marketPrice = side == Side.BUY ? engine.ask(market.venueSymbol) : engine.bid(market.venueSymbol);
        if ((price == null ? marketPrice : price).multiply(quantity).compareTo(market.minNotional) < 0) {
            throw new CoinDcxError(400, "Minimum order value should be " + market.minNotional.toPlainString() + " USDT");
        }
        FakeOrder placed;
        try {
            placed = engine.place(account, market.venueSymbol, null, side, type, tif, price, quantity);
        } catch (PerpRefused e) {
            throw e.reason == PerpRefused.Reason.INSUFFICIENT_MARGIN ? new CoinDcxError(400, "Insufficient funds")
                    : new CoinDcxError(400, e.getMessage());
        } catch (Refused e) {
            throw switch (e.refusal) {
                case INSUFFICIENT_BALANCE -> new CoinDcxError(400, "Insufficient funds");
                case NO_TRADE_PERMISSION -> CoinDcxError.unauthorized();
                default -> new CoinDcxError(400, e.getMessage());
            };
        }
        extras.put(placed.orderId, new Extra(positionLeverage, marketPrice, "isolated"));
        String id = id(placed);
        if (faults.take(Faults.Kind.LOSE_PLACE_ANSWER)) return FakeHttp.DROP;
        ArrayNode answer = Json.array();
        synchronized (engine) {
            answer.add(Views.order(placed, id, extra(placed), true));
        }
        return Response.json(200, Json.write(answer));
    }

    Response cancel(FakeAccount account, JsonNode body) {
        Long orderId = byId.get(Json.text(body, "id"));
        FakeOrder order = orderId == null ? null : find(account, orderId);
        if (order == null) throw new CoinDcxError(404, "Order not found"); // the fake's words
        if (!order.isOpen()) throw new CoinDcxError(400, "This order cannot be cancelled"); // FAQ's words
        try {
            engine.cancel(account, order.market.venueSymbol, null, order.orderId);
        } catch (Refused e) {
            throw new CoinDcxError(400, "This order cannot be cancelled");
        }
        return Response.json(200, "{\"message\":\"success\",\"status\":200,\"code\":200}");
    }

    /** The docs list {@code status}, {@code side}, {@code page} and {@code size} as mandatory. */
    Response list(FakeAccount account, JsonNode body) {
        String sideText = Json.text(body, "side");
        if (!sideText.equals("buy") && !sideText.equals("sell")) throw CoinDcxError.invalid("side is mandatory (buy OR sell)");
        Side side = sideText.equals("buy") ? Side.BUY : Side.SELL;
        String statusText = Json.text(body, "status");
        if (statusText.isEmpty()) throw CoinDcxError.invalid("status is mandatory");
        Set<String> wanted = Set.of(statusText.split(","));
        for (String s : wanted) if (!STATUSES.contains(s.strip())) throw CoinDcxError.invalid("unknown status " + s);
        int page = positive(body, "page");
        int size = positive(body, "size");
        ArrayNode rows = Json.array();
        synchronized (engine) {
            List<FakeOrder> mine = new ArrayList<>(engine.orders(account));
            mine.removeIf(o -> o.side != side || !wanted.contains(Views.status(o)));
            mine.sort(Comparator.comparingLong((FakeOrder o) -> o.createdAt).thenComparingLong(o -> o.orderId).reversed());
            for (int i = (page - 1) * size; i < Math.min(mine.size(), page * size); i++) {
                FakeOrder o = mine.get(i);
                rows.add(Views.order(o, id(o), extra(o), false));
            }
        }
        return Response.json(200, Json.write(rows));
    }

    /** Edit Order exists at CoinDCX; the shared engine cannot amend, so the fake refuses it in its own words. */
    Response edit(FakeAccount account, JsonNode body) {
        throw new CoinDcxError(422, "Order edit is not supported by this fake");
    }

    /** Get Trades: pair, from_date and to_date mandatory; order_id optional; newest first, paged. */
    Response trades(FakeAccount account, JsonNode body) {
        String pair = Json.text(body, "pair");
        if (pair.isEmpty() || engine.market(pair) == null) throw CoinDcxError.invalid("pair is mandatory");
        if (Json.text(body, "from_date").isEmpty() || Json.text(body, "to_date").isEmpty()) {
            throw CoinDcxError.invalid("from_date and to_date are mandatory (YYYY-MM-DD)");
        }
        Long only = body.has("order_id") ? byId.get(Json.text(body, "order_id")) : null;
        if (body.has("order_id") && only == null) return Response.json(200, "[]");
        int page = positive(body, "page");
        int size = positive(body, "size");
        ArrayNode rows = Json.array();
        synchronized (engine) {
            List<FakeTrade> trades = new ArrayList<>(engine.trades(account, pair));
            if (only != null) trades.removeIf(t -> t.orderId() != only);
            trades.sort(Comparator.comparingLong(FakeTrade::tradeId).reversed());
            for (int i = (page - 1) * size; i < Math.min(trades.size(), page * size); i++) {
                FakeTrade t = trades.get(i);
                FakeOrder o = find(account, t.orderId());
                rows.add(Views.trade(t, o == null ? "" : id(o)));
            }
        }
        return Response.json(200, Json.write(rows));
    }

    private FakeOrder find(FakeAccount account, long orderId) {
        for (FakeOrder o : engine.orders(account)) if (o.orderId == orderId) return o;
        return null;
    }

    private static int positive(JsonNode body, String field) {
        try {
            int n = Integer.parseInt(Json.text(body, field).isEmpty() ? body.path(field).asString("") : Json.text(body, field));
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // below
        }
        throw CoinDcxError.invalid(field + " is mandatory");
    }
}
