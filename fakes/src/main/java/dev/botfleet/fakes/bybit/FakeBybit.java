package dev.botfleet.fakes.bybit;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeClock;
import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.FakeWs;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.StandardSetup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bybit v5, spot category, on loopback: REST (FakeHttp) plus the public spot and private WebSockets (FakeWs), over
 * the shared matching engine with {@link StandardSetup}'s markets (BTCUSDT, ETHUSDT) and account.
 *
 * <p>Every request passes, in order: the IP ban (HTTP 403 "access too frequent", also for {@link Faults#banUntil}),
 * the IP limit of 600 requests per 5 s, the armed RATE_LIMIT fault (retCode 10006), then for private endpoints the
 * signature check ({@link RequestVerifier}), the SERVER_ERROR fault (HTTP 503, retCode 10016, nothing done) and the
 * per-UID endpoint limit of the rate-limit page (retCode 10006 with X-Bapi-Limit, X-Bapi-Limit-Status and
 * X-Bapi-Limit-Reset-Timestamp, which every private answer carries).
 */
public final class FakeBybit implements FakeVenue {
    public static final String BTC_USDT = "BTCUSDT";
    public static final String ETH_USDT = "ETHUSDT";

    private final FakeClock clock = new FakeClock();
    private final MatchingEngine engine = new MatchingEngine(clock);
    private final Faults faults = new Faults();
    private final RateCounter limits = new RateCounter(clock);
    private final RequestVerifier verifier = new RequestVerifier(engine, clock);
    private final OrderLedger ledger = new OrderLedger();
    private final PublicStream publicStream = new PublicStream(engine, clock);
    private final PrivateStream privateStream = new PrivateStream(engine, ledger, faults, clock);
    private final FakeAccount account;
    private final FakeHttp http;
    private final FakeWs publicWs;
    private final FakeWs privateWs;
    private final ScheduledExecutorService closer;

    @FunctionalInterface
    private interface Public {
        Response handle(Request request, long now) throws Exception;
    }

    @FunctionalInterface
    private interface Private {
        Response handle(FakeAccount account, Request request, long now) throws Exception;
    }

    public FakeBybit() {
        StandardSetup.listMarkets(engine, BTC_USDT, ETH_USDT);
        account = StandardSetup.openAccount(engine);
        engine.addListener(publicStream);
        engine.addListener(privateStream);
        try {
            http = new FakeHttp(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MarketRoutes market = new MarketRoutes(engine);
        TradeRoutes trade = new TradeRoutes(engine, faults, ledger, privateStream);
        AccountRoutes accounts = new AccountRoutes();
        open("GET", "/v5/market/time", market::time);
        open("GET", "/v5/market/instruments-info", market::instruments);
        open("GET", "/v5/market/kline", market::klines);
        open("GET", "/v5/market/tickers", market::tickers);
        signed("POST", "/v5/order/create", trade::create);
        signed("POST", "/v5/order/cancel", trade::cancel);
        signed("GET", "/v5/order/realtime", trade::realtime);
        signed("GET", "/v5/order/history", trade::history);
        signed("GET", "/v5/execution/list", trade::executions);
        signed("GET", "/v5/account/wallet-balance", accounts::wallet);
        signed("GET", "/v5/user/query-api", accounts::apiKey);
        publicWs = new FakeWs(publicStream);
        privateWs = new FakeWs(privateStream);
        closer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("fake-bybit-klines").factory());
        closer.scheduleAtFixedRate(publicStream::closeCandles, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** The standard account (StandardSetup's key). */
    public FakeAccount account() { return account; }

    /** Bybit's order limit is per UID per second on /v5/order/create, advertised in the X-Bapi-Limit header. */
    @Override
    public void limitOrders(int orders, long windowMillis) {
        limits.perSecond.put("/v5/order/create", (int) Math.max(1, orders * 1000L / windowMillis));
    }

    @Override
    public int rateLimitRefusals() { return limits.refused(); }

    /** The request limits, lowerable by tests. */
    public RateCounter limits() { return limits; }

    @Override public String venue() { return "bybit"; }

    @Override public MatchingEngine engine() { return engine; }

    @Override public Faults faults() { return faults; }

    @Override public FakeClock clock() { return clock; }

    @Override public String restUrl() { return http.baseUrl(); }

    @Override public FakeHttp http() { return http; }

    /** The public stream's host; the spot stream is at {@code /v5/public/spot} under it, as on stream.bybit.com. */
    @Override public String marketStreamUrl() { return publicWs.baseUrl(); }

    /** The private stream's full URL, as wss://stream.bybit.com/v5/private. */
    @Override public String userStreamUrl() { return privateWs.baseUrl() + "/v5/private"; }

    @Override public void dropUserStreams() { privateWs.dropAll(); }

    @Override public void dropMarketStreams() { publicWs.dropAll(); }

    @Override public int subscribedUserStreams() { return privateStream.subscribed(); }

    @Override
    public void close() {
        closer.shutdownNow();
        http.close();
        publicWs.close();
        privateWs.close();
    }

    private void open(String method, String path, Public handler) {
        http.route(method, path, request -> guarded(path, () -> {
            long now = clock.getAsLong();
            return handler.handle(request, now);
        }));
    }

    private void signed(String method, String path, Private handler) {
        http.route(method, path, request -> guarded(path, () -> {
            FakeAccount caller = verifier.verify(request);
            long now = clock.getAsLong();
            if (faults.take(Faults.Kind.SERVER_ERROR)) {
                return Response.json(503, Json.error(10016, "Server error.", now));
            }
            RateCounter.Usage usage = limits.countUid(caller.apiKey, path);
            if (usage != null && usage.refused()) {
                throw new BybitError(200, 10006, "Too many visits!", limitHeaders(usage));
            }
            Response response = handler.handle(caller, request, now);
            if (response == FakeHttp.DROP || usage == null) return response;
            for (var h : limitHeaders(usage).entrySet()) response = response.with(h.getKey(), h.getValue());
            return response;
        }));
    }

    @FunctionalInterface
    private interface Body {
        Response run() throws Exception;
    }

    private Response guarded(String path, Body body) throws Exception {
        long now = clock.getAsLong();
        long banned = Math.max(faults.bannedUntil(), limits.ipBannedUntil());
        if (now < banned || !limits.countIp()) {
            long until = Math.max(banned, limits.ipBannedUntil());
            // Bybit sends no Retry-After here ("wait for at least 10 minutes"); the fake adds one so a test's short
            // ban can be honoured. An adapter without it must assume the documented ten minutes.
            return new Response(403, Map.of("Content-Type", "text/plain",
                    "Retry-After", Long.toString(Math.max(1, (until - now + 999) / 1000))), "access too frequent");
        }
        if (faults.take(Faults.Kind.RATE_LIMIT)) {
            // retCode 10006 says when to come back in X-Bapi-Limit-Reset-Timestamp (the retry-after of Bybit).
            long reset = now + faults.retryAfterSeconds * 1000L;
            Integer limit = limits.perSecond.get(path);
            Map<String, String> headers = limit == null
                    ? Map.of("X-Bapi-Limit-Reset-Timestamp", Long.toString(reset))
                    : limitHeaders(new RateCounter.Usage(limit, 0, reset, true));
            return error(new BybitError(200, 10006, "Too many visits!", headers), now);
        }
        try {
            return body.run();
        } catch (BybitError e) {
            return error(e, now);
        }
    }

    private static Response error(BybitError e, long now) {
        Response response = Response.json(e.status, Json.error(e.code, e.getMessage(), now));
        for (var h : e.headers.entrySet()) response = response.with(h.getKey(), h.getValue());
        return response;
    }

    private static Map<String, String> limitHeaders(RateCounter.Usage usage) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Bapi-Limit", Integer.toString(usage.limit()));
        headers.put("X-Bapi-Limit-Status", Integer.toString(usage.remaining()));
        headers.put("X-Bapi-Limit-Reset-Timestamp", Long.toString(usage.resetAt()));
        return headers;
    }
}
