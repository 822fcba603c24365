package dev.botfleet.fakes.delta;

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
import dev.botfleet.fakes.perp.PerpLedger;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delta Exchange India perpetual futures on loopback, from docs.delta.exchange (delta-exchange/slate and its
 * swagger_v2): REST under /v2 on FakeHttp, the public socket (trades, candlestick_1m) and the private socket (key-auth;
 * orders, v2/user_trades, positions) on FakeWs, over the shared matching engine with a {@link PerpLedger} behind
 * BTCUSD (product 27) and ETHUSD. The standard key trades with 10,000 USD.
 *
 * <p>Every request passes, in order: the User-Agent check (403 "Request blocked by CDN"), the address block
 * ({@link Faults#banUntil}, 403 with a Retry-After the real CDN does not send), the armed RATE_LIMIT fault and the
 * quota (429 with X-RATE-LIMIT-RESET ms), then for private endpoints the signature ({@link DeltaAuth}) and the
 * SERVER_ERROR fault (503, nothing done).
 */
public final class FakeDelta implements FakeVenue {
    public static final String BTCUSD = "BTCUSD";
    public static final String ETHUSD = "ETHUSD";

    private final FakeClock clock = new FakeClock();
    private final MatchingEngine engine = new MatchingEngine(clock);
    private final PerpLedger ledger = new PerpLedger();
    private final Faults faults = new Faults();
    private final DeltaProducts products = new DeltaProducts(engine, ledger);
    private final DeltaQuota quota = new DeltaQuota(clock);
    private final DeltaAuth auth = new DeltaAuth(engine, clock);
    private final DeadManSwitch deadMan = new DeadManSwitch(engine, clock);
    private final DeltaPublicStream publicStream = new DeltaPublicStream(engine, products, clock);
    private final DeltaPrivateStream privateStream;
    private final FakeAccount account;
    private final FakeHttp http;
    private final FakeWs publicWs;
    private final FakeWs privateWs;
    private final ScheduledExecutorService timer;

    @FunctionalInterface
    private interface Private {
        Response handle(FakeAccount account, Request request) throws Exception;
    }

    public FakeDelta() {
        account = engine.open(new FakeAccount(StandardSetup.API_KEY, StandardSetup.API_SECRET)).deposit("USD", "10000");
        privateStream = new DeltaPrivateStream(engine, ledger, products, auth, faults, clock);
        engine.addListener(publicStream);
        engine.addListener(privateStream);
        try {
            http = new FakeHttp(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeltaMarket market = new DeltaMarket(engine, products, clock);
        DeltaTrading trading = new DeltaTrading(engine, ledger, products, faults);
        open("GET", "/v2/products", market::products);
        open("GET", "/v2/tickers", market::tickers);
        openPrefix("GET", "/v2/tickers/", market::ticker);
        open("GET", "/v2/history/candles", market::candles);
        signed("POST", "/v2/orders", trading::place);
        signed("DELETE", "/v2/orders", trading::cancel);
        signed("GET", "/v2/orders", trading::openOrders);
        signedPrefix("GET", "/v2/orders/client_order_id/", trading::byClientId);
        signedPrefix("GET", "/v2/orders/", trading::byId);
        signed("GET", "/v2/fills", trading::fills);
        signed("GET", "/v2/positions", trading::position);
        signed("GET", "/v2/positions/margined", trading::margined);
        signedPrefix("POST", "/v2/products/", trading::leverage);
        signedPrefix("GET", "/v2/products/", trading::leverage);
        signed("GET", "/v2/wallet/balances", trading::balances);
        signed("GET", "/v2/wallet/transactions", trading::transactions);
        signed("POST", "/v2/heartbeat/create", deadMan::create);
        signed("POST", "/v2/heartbeat", deadMan::ack);
        signed("GET", "/v2/heartbeat", deadMan::list);
        signed("GET", "/v2/rate_limits/quota", (who, request) -> {
            DeltaQuota.Result r = quota.peek(who.apiKey);
            ObjectNode n = DeltaJson.object();
            n.put("current_quota", r.remaining());
            n.put("remaining_time_in_milliseconds", r.resetInMillis());
            return Response.json(200, DeltaJson.ok(n));
        });
        publicWs = new FakeWs(publicStream);
        privateWs = new FakeWs(privateStream);
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("fake-delta-timer").factory());
        timer.scheduleAtFixedRate(() -> {
            deadMan.check();
            publicStream.tick();
            privateStream.tick();
        }, 50, 50, TimeUnit.MILLISECONDS);
    }

    /** The standard account (StandardSetup's key, 10,000 USD). */
    public FakeAccount account() { return account; }

    /** The margin and position ledger (positions, funding, liquidation). */
    public PerpLedger ledger() { return ledger; }

    /** Fires lapsed heartbeats now (the timer does it every 50 ms too). */
    public void checkDeadManSwitch() { deadMan.check(); }

    /** How many heartbeats have lapsed and fired their cancel action. */
    public int deadManSwitchesFired() { return deadMan.fired(); }

    /** How many heartbeat acknowledgements (POST /v2/heartbeat) the venue has taken. */
    public int heartbeatAcks() { return deadMan.acks(); }

    /** Heartbeat interval of sockets that sent enable_heartbeat (30 s at Delta), lowerable by tests. */
    public void socketHeartbeatMillis(long millis) {
        publicStream.heartbeatMillis = millis;
        privateStream.heartbeatMillis = millis;
    }

    /** Delta's quota is weight per fixed window; an order weighs 5, so {@code orders} orders fit in the window. */
    @Override
    public void limitOrders(int orders, long windowMillis) {
        quota.windowMillis = windowMillis;
        quota.quota = orders * 5;
    }

    @Override public int rateLimitRefusals() { return quota.refused(); }

    @Override public String venue() { return "delta"; }

    @Override public MatchingEngine engine() { return engine; }

    @Override public Faults faults() { return faults; }

    @Override public FakeClock clock() { return clock; }

    @Override public String restUrl() { return http.baseUrl(); }

    @Override public FakeHttp http() { return http; }

    @Override public String marketStreamUrl() { return publicWs.baseUrl(); }

    @Override public String userStreamUrl() { return privateWs.baseUrl(); }

    @Override public void dropUserStreams() { privateWs.dropAll(); }

    @Override public void dropMarketStreams() { publicWs.dropAll(); }

    @Override public int subscribedUserStreams() { return privateStream.subscribed(); }

    @Override
    public void close() {
        timer.shutdownNow();
        http.close();
        publicWs.close();
        privateWs.close();
    }

    private void open(String method, String path, FakeHttp.Handler handler) {
        http.route(method, path, request -> guarded(request, null, handler));
    }

    private void openPrefix(String method, String prefix, FakeHttp.Handler handler) {
        http.routePrefix(method, prefix, request -> guarded(request, null, handler));
    }

    private void signed(String method, String path, Private handler) {
        http.route(method, path, request -> guarded(request, handler, null));
    }

    private void signedPrefix(String method, String prefix, Private handler) {
        http.routePrefix(method, prefix, request -> guarded(request, handler, null));
    }

    private Response guarded(Request request, Private signed, FakeHttp.Handler open) {
        long now = clock.getAsLong();
        try {
            if (request.header("User-Agent") == null || request.header("User-Agent").isBlank()) {
                throw DeltaError.plain(403, "Forbidden: Request blocked by CDN");
            }
            if (now < faults.bannedUntil()) {
                throw DeltaError.plain(403, "Forbidden: Request blocked by CDN")
                        .with("Retry-After", Long.toString(Math.max(1, (faults.bannedUntil() - now + 999) / 1000)));
            }
            if (faults.take(Faults.Kind.RATE_LIMIT)) {
                throw DeltaError.coded(429, "rate_limit_exceeded")
                        .with("X-RATE-LIMIT-RESET", Long.toString(faults.retryAfterSeconds * 1000L));
            }
            if (signed == null) {
                limit("ip:" + request.remote(), request);
                return open.handle(request);
            }
            FakeAccount caller = auth.verify(request);
            limit(caller.apiKey, request);
            // The armed 503 is meant for the next trading or account call; the quota endpoint (a client's bookkeeping,
            // asked before each order) does not take it.
            if (!request.path().equals("/v2/rate_limits/quota") && faults.take(Faults.Kind.SERVER_ERROR)) return Response.json(503, "{\"success\":false,\"error\":{\"code\":\"unavailable\"}}");
            return signed.handle(caller, request);
        } catch (DeltaError e) {
            Response r = new Response(e.status, Map.of("Content-Type", e.body.startsWith("{") ? "application/json"
                    : "text/plain"), e.body);
            for (var h : e.headers.entrySet()) r = r.with(h.getKey(), h.getValue());
            return r;
        } catch (Exception e) {
            return Response.json(500, "{\"success\":false,\"error\":{\"code\":\"internal_server_error\"}}");
        }
    }

    private void limit(String who, Request request) {
        DeltaQuota.Result r = quota.take(who, DeltaQuota.weight(request.method(), request.path()));
        if (!r.allowed()) {
            throw DeltaError.coded(429, "rate_limit_exceeded").with("X-RATE-LIMIT-RESET",
                    Long.toString(Math.max(1, r.resetInMillis())));
        }
    }
}
