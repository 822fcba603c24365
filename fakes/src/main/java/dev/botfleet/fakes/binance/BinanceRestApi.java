package dev.botfleet.fakes.binance;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.binance.BinanceAuth.Verdict;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The REST paths of Binance spot (/api/v3) the adapter uses, each with its documented weight, the limits and fault
 * switches in front, and the SIGNED check for TRADE and USER_DATA endpoints. Orders go to the shared matching engine
 * through {@link BinanceOrderEntry}.
 */
final class BinanceRestApi {

    /** A handler of an authenticated (or public: null account) request with its merged parameters. */
    @FunctionalInterface
    private interface Handler {
        Response handle(Map<String, String> params, FakeAccount account) throws Exception;
    }

    private final MatchingEngine engine;
    private final LongSupplier clock;
    private final Faults faults;
    private final BinanceLimits limits;
    private final BinanceAuth auth;
    private final BinanceOrderEntry orders;

    BinanceRestApi(MatchingEngine engine, LongSupplier clock, Faults faults, BinanceLimits limits,
                   BinanceOrderEntry orders) {
        this.engine = engine;
        this.clock = clock;
        this.faults = faults;
        this.limits = limits;
        this.auth = new BinanceAuth(engine, clock);
        this.orders = orders;
    }

    void install(FakeHttp http) {
        http.route("GET", "/api/v3/ping", publicCall(1, (p, a) -> BinanceJson.ok(BinanceJson.object())));
        http.route("GET", "/api/v3/time", publicCall(1, (p, a) -> {
            ObjectNode n = BinanceJson.object();
            n.put("serverTime", clock.getAsLong());
            return BinanceJson.ok(n);
        }));
        http.route("GET", "/api/v3/exchangeInfo", publicCall(20,
                (p, a) -> BinanceJson.ok(BinanceJson.exchangeInfo(engine.markets(), limits, clock.getAsLong()))));
        http.route("GET", "/api/v3/klines", publicCall(2, this::klines));
        http.route("POST", "/api/v3/order", signed(1, true, orders::place));
        http.route("DELETE", "/api/v3/order", signed(1, false, orders::cancel));
        http.route("GET", "/api/v3/order", signed(4, false, orders::query));
        http.route("GET", "/api/v3/openOrders", request -> {
            boolean all = !FakeHttp.decodeForm(request.rawQuery()).containsKey("symbol");
            return signed(all ? 80 : 6, false, this::openOrders).handle(request);
        });
        http.route("GET", "/api/v3/myTrades", request -> {
            boolean byOrder = FakeHttp.decodeForm(request.rawQuery()).containsKey("orderId");
            return signed(byOrder ? 5 : 20, false, this::myTrades).handle(request);
        });
        http.route("GET", "/api/v3/account", signed(20, false, this::account));
        http.route("GET", "/api/v3/account/commission", signed(20, false, this::commission));
        // The listenKey endpoints were retired on 2026-02-20 (CHANGELOG 2026-01-21); the venue answers 410 Gone.
        for (String method : List.of("POST", "PUT", "DELETE")) {
            http.route(method, "/api/v3/userDataStream", request -> limits.withWeight(BinanceJson.error(410, -1020,
                    "This operation is not supported. Subscribe to the User Data Stream on the WebSocket API.")));
        }
    }

    private FakeHttp.Handler publicCall(int weight, Handler handler) {
        return request -> {
            Response refused = limits.admit(weight);
            if (refused != null) return limits.withWeight(refused);
            return limits.withWeight(handler.handle(params(request), null));
        };
    }

    private FakeHttp.Handler signed(int weight, boolean newOrder, Handler handler) {
        return request -> {
            Response refused = limits.admit(weight);
            if (refused != null) return limits.withWeight(refused);
            Map<String, String> params = params(request);
            Verdict verdict = auth.verifyRest(request, params);
            if (verdict.refused()) return limits.withWeight(verdict.refusal().response());
            if (faults.take(Faults.Kind.SERVER_ERROR)) {
                return limits.withWeight(BinanceJson.error(503, -1001,
                        "Internal error; unable to process your request. Please try again."));
            }
            if (newOrder) {
                Response tooMany = limits.admitOrder(verdict.account());
                if (tooMany != null) return limits.withWeight(tooMany);
            }
            Response answer = handler.handle(params, verdict.account());
            if (answer == FakeHttp.DROP) return answer;
            answer = limits.withWeight(answer);
            return newOrder && answer.status() == 200 ? limits.withOrderCount(answer, verdict.account()) : answer;
        };
    }

    /** Query parameters and form body together; a parameter in both is taken from the query (rest-api.md). */
    private static Map<String, String> params(Request request) {
        Map<String, String> all = new LinkedHashMap<>();
        String type = request.header("Content-Type");
        if (request.body() != null && !request.body().isEmpty()
                && (type == null || type.startsWith("application/x-www-form-urlencoded"))) {
            all.putAll(FakeHttp.decodeForm(request.body()));
        }
        all.putAll(FakeHttp.decodeForm(request.rawQuery()));
        return all;
    }

    private Response klines(Map<String, String> p, FakeAccount ignored) {
        FakeMarket market = p.get("symbol") == null ? null : engine.market(p.get("symbol"));
        if (market == null) return BinanceJson.error(400, -1121, "Invalid symbol.");
        if (!"1m".equals(p.get("interval"))) return BinanceJson.error(400, -1120, "Invalid interval.");
        int limit = Math.min(1000, p.containsKey("limit") ? Integer.parseInt(p.get("limit")) : 500);
        long now = clock.getAsLong();
        long start = p.containsKey("startTime") ? Long.parseLong(p.get("startTime")) : 0;
        // endTime is inclusive; the engine's range is half-open.
        long end = p.containsKey("endTime") ? Long.parseLong(p.get("endTime")) + 1 : now + 60_000;
        List<Object[]> candles = engine.klines(market.venueSymbol, start, end, Integer.MAX_VALUE);
        if (!p.containsKey("startTime") && candles.size() > limit) {
            candles = candles.subList(candles.size() - limit, candles.size()); // most recent when no start
        } else if (candles.size() > limit) {
            candles = candles.subList(0, limit);
        }
        ArrayNode out = BinanceJson.array();
        for (Object[] c : candles) {
            long open = (Long) c[0];
            ArrayNode k = out.addArray();
            k.add(open);
            for (int i = 1; i <= 5; i++) k.add(BinanceJson.decimal((BigDecimal) c[i]));
            k.add(open + 59_999);
            k.add(BinanceJson.decimal(((BigDecimal) c[4]).multiply((BigDecimal) c[5])));
            k.add(1);
            k.add(BinanceJson.decimal(BigDecimal.ZERO));
            k.add(BinanceJson.decimal(BigDecimal.ZERO));
            k.add("0");
        }
        return BinanceJson.ok(out);
    }

    private Response openOrders(Map<String, String> p, FakeAccount account) {
        String symbol = p.get("symbol");
        if (symbol != null && engine.market(symbol) == null) return BinanceJson.error(400, -1121, "Invalid symbol.");
        ArrayNode out = BinanceJson.array();
        engine.openOrders(account, symbol).forEach(o -> out.add(BinanceJson.order(o)));
        return BinanceJson.ok(out);
    }

    private Response myTrades(Map<String, String> p, FakeAccount account) {
        String symbol = p.get("symbol");
        if (symbol == null) {
            return BinanceJson.error(400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        if (engine.market(symbol) == null) return BinanceJson.error(400, -1121, "Invalid symbol.");
        Long orderId = p.containsKey("orderId") ? Long.parseLong(p.get("orderId")) : null;
        long fromId = p.containsKey("fromId") ? Long.parseLong(p.get("fromId")) : Long.MIN_VALUE;
        int limit = Math.min(1000, p.containsKey("limit") ? Integer.parseInt(p.get("limit")) : 500);
        List<FakeTrade> trades = engine.trades(account, symbol).stream()
                .filter(t -> orderId == null || t.orderId() == orderId).filter(t -> t.tradeId() >= fromId).toList();
        if (fromId == Long.MIN_VALUE && trades.size() > limit) trades = trades.subList(trades.size() - limit, trades.size());
        else if (trades.size() > limit) trades = trades.subList(0, limit);
        ArrayNode out = BinanceJson.array();
        trades.forEach(t -> out.add(BinanceJson.myTrade(t)));
        return BinanceJson.ok(out);
    }

    private Response account(Map<String, String> p, FakeAccount account) {
        FakeMarket any = engine.markets().isEmpty() ? null : engine.markets().getFirst();
        BigDecimal maker = any == null ? BigDecimal.ZERO : any.makerFee;
        BigDecimal taker = any == null ? BigDecimal.ZERO : any.takerFee;
        return BinanceJson.ok(BinanceJson.account(account, maker, taker, clock.getAsLong()));
    }

    private Response commission(Map<String, String> p, FakeAccount account) {
        FakeMarket market = p.get("symbol") == null ? null : engine.market(p.get("symbol"));
        if (market == null) return BinanceJson.error(400, -1121, "Invalid symbol.");
        ObjectNode n = BinanceJson.object();
        n.put("symbol", market.venueSymbol);
        ObjectNode standard = n.putObject("standardCommission");
        standard.put("maker", BinanceJson.decimal(market.makerFee));
        standard.put("taker", BinanceJson.decimal(market.takerFee));
        standard.put("buyer", BinanceJson.decimal(BigDecimal.ZERO));
        standard.put("seller", BinanceJson.decimal(BigDecimal.ZERO));
        for (String kind : List.of("specialCommission", "taxCommission")) {
            ObjectNode zero = n.putObject(kind);
            for (String f : List.of("maker", "taker", "buyer", "seller")) zero.put(f, BinanceJson.decimal(BigDecimal.ZERO));
        }
        ObjectNode discount = n.putObject("discount");
        discount.put("enabledForAccount", false);
        discount.put("enabledForSymbol", false);
        discount.put("discountAsset", "BNB");
        discount.put("discount", BinanceJson.decimal(new BigDecimal("0.75")));
        return BinanceJson.ok(n);
    }
}
