package dev.botfleet.fakes.kraken;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeOrder.Side;
import dev.botfleet.fakes.FakeOrder.TimeInForce;
import dev.botfleet.fakes.FakeOrder.Type;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.MatchingEngine.Refused;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The private trading and account endpoints (POST /0/private/...), with the parameters and answers of their pages
 * under https://docs.kraken.com/api/docs/rest-api/: AddOrder, CancelOrder, OpenOrders, ClosedOrders, QueryOrders,
 * QueryTrades, TradesHistory, Balance, BalanceEx. Orders are named by txid or by {@code cl_ord_id}, which Kraken
 * accepts as a long UUID (36 characters with hyphens), a short UUID (32 hex characters) or free text of at most 18
 * characters, unique among the key's open orders (https://docs.kraken.com/api/docs/guides/spot-clordid).
 */
final class TradeRoutes {
    private static final Pattern LONG_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SHORT_UUID = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern FREE_TEXT = Pattern.compile("[\\x21-\\x7e]{1,18}");

    private final MatchingEngine engine;
    private final Faults faults;
    private final KrakenLimits limits;

    TradeRoutes(MatchingEngine engine, Faults faults, KrakenLimits limits) {
        this.engine = engine;
        this.faults = faults;
        this.limits = limits;
    }

    FakeHttp.Response addOrder(FakeAccount account, Map<String, String> form, long now) {
        FakeMarket market = market(form.get("pair"));
        // The fixed +1 applies on receipt, "even if the transaction fails validation".
        if (!limits.trade(account.apiKey, market.venueSymbol, 1)) throw new KrakenError("EOrder:Rate limit exceeded");
        Side side = switch (form.getOrDefault("type", "")) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new KrakenError("EGeneral:Invalid arguments:type");
        };
        Type type = switch (form.getOrDefault("ordertype", "")) {
            case "limit" -> Type.LIMIT;
            case "market" -> Type.MARKET;
            default -> throw new KrakenError("EGeneral:Invalid arguments:ordertype (this fake serves limit and market)");
        };
        String tifText = form.getOrDefault("timeinforce", "GTC");
        List<String> flags = List.of(form.getOrDefault("oflags", "").split(","));
        TimeInForce tif = switch (tifText) {
            case "GTC" -> flags.contains("post") ? TimeInForce.POST_ONLY : TimeInForce.GTC;
            case "IOC" -> TimeInForce.IOC;
            default -> throw new KrakenError("EGeneral:Invalid arguments:timeinforce");
        };
        BigDecimal volume = decimal(form, "volume");
        if (volume == null || volume.signum() <= 0) throw new KrakenError("EGeneral:Invalid arguments:volume");
        if (volume.stripTrailingZeros().scale() > MarketRoutes.decimals(market.lotSize)) {
            throw new KrakenError("EGeneral:Invalid arguments:volume");
        }
        BigDecimal price = type == Type.LIMIT ? decimal(form, "price") : null;
        if (type == Type.LIMIT && (price == null || price.signum() <= 0)) throw new KrakenError("EGeneral:Invalid arguments:price");
        if (price != null && price.remainder(market.tickSize).signum() != 0) {
            throw new KrakenError("EOrder:Invalid price:" + market.venueSymbol + " price can only be specified up to "
                    + MarketRoutes.decimals(market.tickSize) + " decimals.");
        }
        String clOrdId = form.get("cl_ord_id");
        if (clOrdId != null && !validClOrdId(clOrdId)) throw new KrakenError("EGeneral:Invalid arguments:cl_ord_id");
        if ("true".equals(form.get("validate"))) throw new KrakenError("EGeneral:Invalid arguments:validate (not served)");
        FakeOrder order;
        try {
            order = engine.place(account, market.venueSymbol, clOrdId, side, type, tif, price, volume);
        } catch (Refused refused) {
            throw refusal(refused, market);
        }
        if (faults.take(Faults.Kind.LOSE_PLACE_ANSWER)) return FakeHttp.DROP;
        ObjectNode result = KrakenJson.object();
        result.putObject("descr").put("order", OrderViews.orderInfo(order, clOrdId, false).path("descr").path("order").asString());
        result.putArray("txid").add(KrakenNames.txid('O', order.orderId));
        if (clOrdId != null) result.put("cl_ord_id", clOrdId);
        return ok(result);
    }

    FakeHttp.Response cancelOrder(FakeAccount account, Map<String, String> form, long now) {
        String txid = form.get("txid");
        String clOrdId = form.get("cl_ord_id");
        if ((txid == null) == (clOrdId == null)) throw new KrakenError("EGeneral:Invalid arguments:txid or cl_ord_id");
        FakeOrder order = clOrdId != null ? newest(account, o -> clOrdId.equals(o.clientOrderId) && o.isOpen())
                : newest(account, o -> KrakenNames.txid('O', o.orderId).equals(txid));
        if (order == null || !order.isOpen()) throw new KrakenError("EOrder:Unknown order");
        int cost = KrakenLimits.cancelCost(now - order.createdAt);
        if (!limits.trade(account.apiKey, order.market.venueSymbol, cost)) throw new KrakenError("EOrder:Rate limit exceeded");
        try {
            engine.cancel(account, order.market.venueSymbol, null, order.orderId);
        } catch (Refused gone) {
            throw new KrakenError("EOrder:Unknown order");
        }
        ObjectNode result = KrakenJson.object();
        result.put("count", 1);
        result.put("pending", false);
        return ok(result);
    }

    /** {"open": {txid: order}}, optionally only the order with {@code cl_ord_id}. */
    FakeHttp.Response openOrders(FakeAccount account, Map<String, String> form, long now) {
        ObjectNode result = KrakenJson.object();
        ObjectNode open = result.putObject("open");
        boolean trades = "true".equals(form.get("trades"));
        String clOrdId = form.get("cl_ord_id");
        for (FakeOrder o : sorted(account)) {
            if (!o.isOpen() || (clOrdId != null && !clOrdId.equals(o.clientOrderId))) continue;
            open.set(KrakenNames.txid('O', o.orderId), OrderViews.orderInfo(o, o.clientOrderId, trades));
        }
        return ok(result);
    }

    /** {"closed": {txid: order}, "count": n}, newest first, 50 per page from {@code ofs}. */
    FakeHttp.Response closedOrders(FakeAccount account, Map<String, String> form, long now) {
        boolean trades = "true".equals(form.get("trades"));
        String clOrdId = form.get("cl_ord_id");
        int ofs = integer(form, "ofs");
        List<FakeOrder> closed = new ArrayList<>();
        for (FakeOrder o : sorted(account).reversed()) {
            if (o.isOpen() || (clOrdId != null && !clOrdId.equals(o.clientOrderId))) continue;
            closed.add(o);
        }
        ObjectNode result = KrakenJson.object();
        ObjectNode out = result.putObject("closed");
        for (int i = ofs; i < Math.min(closed.size(), ofs + 50); i++) {
            FakeOrder o = closed.get(i);
            out.set(KrakenNames.txid('O', o.orderId), OrderViews.orderInfo(o, o.clientOrderId, trades));
        }
        result.put("count", closed.size());
        return ok(result);
    }

    /** {txid: order} for the given txids (at most 50). */
    FakeHttp.Response queryOrders(FakeAccount account, Map<String, String> form, long now) {
        boolean trades = "true".equals(form.get("trades"));
        ObjectNode result = KrakenJson.object();
        for (String txid : ids(form, "txid")) {
            FakeOrder o = newest(account, x -> KrakenNames.txid('O', x.orderId).equals(txid));
            if (o == null) throw new KrakenError("EOrder:Invalid order");
            result.set(txid, OrderViews.orderInfo(o, o.clientOrderId, trades));
        }
        return ok(result);
    }

    /** {tradeTxid: trade} for the given trade txids (at most 20). */
    FakeHttp.Response queryTrades(FakeAccount account, Map<String, String> form, long now) {
        ObjectNode result = KrakenJson.object();
        List<String> wanted = ids(form, "txid");
        synchronized (engine) {
            for (FakeOrder o : engine.orders(account)) {
                for (FakeTrade t : o.trades) {
                    String id = KrakenNames.txid('T', t.tradeId());
                    if (wanted.contains(id)) result.set(id, OrderViews.tradeInfo(o, t));
                }
            }
        }
        if (result.size() < wanted.size()) throw new KrakenError("EGeneral:Invalid arguments:txid");
        return ok(result);
    }

    /** {"trades": {tradeTxid: trade}, "count": n}, newest first, 50 per page. */
    FakeHttp.Response tradesHistory(FakeAccount account, Map<String, String> form, long now) {
        int ofs = integer(form, "ofs");
        List<Object[]> all = new ArrayList<>();
        synchronized (engine) {
            for (FakeOrder o : engine.orders(account)) for (FakeTrade t : o.trades) all.add(new Object[] {o, t});
        }
        all.sort(Comparator.comparingLong((Object[] r) -> ((FakeTrade) r[1]).tradeId()).reversed());
        ObjectNode result = KrakenJson.object();
        ObjectNode trades = result.putObject("trades");
        for (int i = ofs; i < Math.min(all.size(), ofs + 50); i++) {
            FakeTrade t = (FakeTrade) all.get(i)[1];
            trades.set(KrakenNames.txid('T', t.tradeId()), OrderViews.tradeInfo((FakeOrder) all.get(i)[0], t));
        }
        result.put("count", all.size());
        return ok(result);
    }

    /** {"XXBT": "1.0000000000", "USDT": "..."}: totals, held amounts included. */
    FakeHttp.Response balance(FakeAccount account, Map<String, String> form, long now) {
        ObjectNode result = KrakenJson.object();
        account.balances().forEach((asset, fl) -> result.put(KrakenNames.restAsset(asset),
                KrakenJson.plain(fl[0].add(fl[1]), 10)));
        return ok(result);
    }

    /** {"XXBT": {"balance": total, "hold_trade": held by open orders}}. */
    FakeHttp.Response balanceEx(FakeAccount account, Map<String, String> form, long now) {
        ObjectNode result = KrakenJson.object();
        account.balances().forEach((asset, fl) -> {
            ObjectNode b = result.putObject(KrakenNames.restAsset(asset));
            b.put("balance", KrakenJson.plain(fl[0].add(fl[1]), 10));
            b.put("hold_trade", KrakenJson.plain(fl[1], 10));
        });
        return ok(result);
    }

    static boolean validClOrdId(String id) {
        return LONG_UUID.matcher(id).matches() || SHORT_UUID.matcher(id).matches() || FREE_TEXT.matcher(id).matches();
    }

    private List<FakeOrder> sorted(FakeAccount account) {
        synchronized (engine) {
            return new ArrayList<>(engine.orders(account));
        }
    }

    private FakeOrder newest(FakeAccount account, java.util.function.Predicate<FakeOrder> which) {
        List<FakeOrder> all = sorted(account);
        for (int i = all.size() - 1; i >= 0; i--) if (which.test(all.get(i))) return all.get(i);
        return null;
    }

    private FakeMarket market(String pair) {
        FakeMarket m = pair == null ? null : engine.market(pair);
        if (m == null) throw new KrakenError("EQuery:Unknown asset pair");
        return m;
    }

    private static List<String> ids(Map<String, String> form, String field) {
        String text = form.get(field);
        if (text == null || text.isBlank()) throw new KrakenError("EGeneral:Invalid arguments:" + field);
        return List.of(text.split(","));
    }

    private static BigDecimal decimal(Map<String, String> form, String field) {
        String text = form.get(field);
        if (text == null || text.isEmpty()) return null;
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new KrakenError("EGeneral:Invalid arguments:" + field);
        }
    }

    private static int integer(Map<String, String> form, String field) {
        try {
            return Integer.parseInt(form.getOrDefault(field, "0"));
        } catch (NumberFormatException e) {
            throw new KrakenError("EGeneral:Invalid arguments:" + field);
        }
    }

    /** The engine's refusals in Kraken's words (https://docs.kraken.com/api/docs/guides/spot-errors). */
    private static KrakenError refusal(Refused refused, FakeMarket market) {
        return new KrakenError(switch (refused.refusal) {
            case UNKNOWN_SYMBOL -> "EQuery:Unknown asset pair";
            case MARKET_CLOSED -> "EOrder:Trading halted";
            case PRICE_FILTER -> "EOrder:Invalid price:" + market.venueSymbol + " price can only be specified up to "
                    + MarketRoutes.decimals(market.tickSize) + " decimals.";
            case LOT_SIZE -> "EGeneral:Invalid arguments:volume";
            case MIN_QUANTITY -> "EOrder:Order minimum not met";
            case MIN_NOTIONAL -> "EOrder:Cost minimum not met";
            case INSUFFICIENT_BALANCE -> "EOrder:Insufficient funds";
            // Unverified wording: the docs say cl_ord_id is unique among open orders but do not print the refusal.
            case DUPLICATE_CLIENT_ID -> "EOrder:Duplicate cl_ord_id";
            case WOULD_TAKE -> "EOrder:Post only order";
            case UNKNOWN_ORDER -> "EOrder:Unknown order";
            case NO_TRADE_PERMISSION -> "EGeneral:Permission denied";
        });
    }

    private static FakeHttp.Response ok(Object result) { return FakeHttp.Response.json(200, KrakenJson.ok(result)); }
}
