package dev.botfleet.fakes.coinbase;

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
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Coinbase Advanced Trade (CDP keys) on loopback: REST under /api/v3/brokerage (FakeHttp), the market socket and the
 * user socket (FakeWs), over the shared matching engine with {@link StandardSetup}'s markets as BTC-USDT and
 * ETH-USDT and its account, charged Coinbase's way (fees in the quote currency).
 *
 * <p>The standard account is reachable with the CDP SDK's published test key ({@link #KEY_NAME}, {@link #KEY_PEM}):
 * the fake knows only its public half. Every private request passes, in order: the address "ban" (Coinbase has no
 * 418; {@link Faults#banUntil} answers 429 until it lifts), the RATE_LIMIT fault (429), the bearer token
 * ({@link CdpAuth}; any failure is a bare 401), the SERVER_ERROR fault (503, nothing done) and the per-key limit
 * (429); its answer carries the x-ratelimit-* headers. Public requests skip the token and count per address.
 */
public final class FakeCoinbase implements FakeVenue {
    public static final String BTC_USDT = "BTC-USDT";
    public static final String ETH_USDT = "ETH-USDT";
    static final String PREFIX = "/api/v3/brokerage";
    /** The CDP Python SDK's test key (tests/constants.py): published, not a real key. */
    public static final String KEY_NAME = "organizations/test-organization/apiKeys/test-api-key";
    public static final String KEY_PEM = """
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIKwf3Uox30cRWzRBOPoPOH5p0Gpb0Dt8zUKXUEM5fMkGoAoGCCqGSM49
            AwEHoUQDQgAEbAtpLlSZYVOwYICz+uEyxcS29vRIujiES/gQ1DC7FV4zK4JuYE9v
            qDyGZQYjdXHLM7I6f/QnnOITL+dXYWBHRA==
            -----END EC PRIVATE KEY-----
            """;
    /** Its public half, X.509 SubjectPublicKeyInfo (openssl ec -pubout -outform DER | base64). */
    static final String KEY_PUBLIC = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEbAtpLlSZYVOwYICz+uEyxcS29vRIujiES/gQ1DC7FV4zK"
            + "4JuYE9vqDyGZQYjdXHLM7I6f/QnnOITL+dXYWBHRA==";

    private final FakeClock clock = new FakeClock();
    private final MatchingEngine engine = new MatchingEngine(clock);
    private final Faults faults = new Faults();
    private final CdpAuth auth = new CdpAuth(clock);
    private final RateWindows limits = new RateWindows(clock);
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("fake-coinbase").factory());
    private final MarketStream marketStream = new MarketStream(engine, clock, timer);
    private final UserStream userStream = new UserStream(engine, auth, faults, clock, timer);
    private final FakeAccount account;
    private final FakeHttp http;
    private final FakeWs marketWs;
    private final FakeWs userWs;

    @FunctionalInterface
    interface Public {
        Response handle(Request request, long now) throws Exception;
    }

    @FunctionalInterface
    interface Private {
        Response handle(FakeAccount account, Request request, long now) throws Exception;
    }

    public FakeCoinbase() {
        engine.feesInQuote = true;
        StandardSetup.listMarkets(engine, BTC_USDT, ETH_USDT);
        account = StandardSetup.openAccount(engine);
        auth.register(KEY_NAME, KEY_PUBLIC, account);
        engine.addListener(marketStream);
        engine.addListener(userStream);
        try {
            http = new FakeHttp(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MarketRoutes market = new MarketRoutes(engine);
        OrderRoutes orders = new OrderRoutes(engine, faults);
        open("GET", "/time", market::time);
        open("GET", "/market/products", market::products);
        openPrefix("GET", "/market/products/", market::productOrCandles);
        signed("GET", "/products", (a, r, now) -> market.products(r, now));
        signedPrefix("GET", "/products/", (a, r, now) -> market.productOrCandles(r, now));
        signed("POST", "/orders", (a, r, now) -> orders.create(a, r));
        signed("POST", "/orders/batch_cancel", (a, r, now) -> orders.cancel(a, r));
        signed("GET", "/orders/historical/batch", (a, r, now) -> orders.list(a, r));
        signed("GET", "/orders/historical/fills", (a, r, now) -> orders.fills(a, r));
        signedPrefix("GET", "/orders/historical/", (a, r, now) -> orders.get(a, r));
        signed("GET", "/accounts", market::accounts);
        signed("GET", "/key_permissions", market::keyPermissions);
        marketWs = new FakeWs(marketStream);
        userWs = new FakeWs(userStream);
    }

    /** Registers another key for the standard account (tests of a second key or an unknown one). */
    public void registerKey(String keyName, String publicKeyBase64) { auth.register(keyName, publicKeyBase64, account); }

    @Override public String venue() { return "coinbase"; }

    @Override public MatchingEngine engine() { return engine; }

    @Override public Faults faults() { return faults; }

    @Override public FakeClock clock() { return clock; }

    @Override public String restUrl() { return http.baseUrl(); }

    @Override public FakeHttp http() { return http; }

    /** The market socket's full URL, as wss://advanced-trade-ws.coinbase.com. */
    @Override public String marketStreamUrl() { return marketWs.baseUrl(); }

    /** The user socket's full URL, as wss://advanced-trade-ws-user.coinbase.com. */
    @Override public String userStreamUrl() { return userWs.baseUrl(); }

    @Override public String apiKey() { return KEY_NAME; }

    @Override public String apiSecret() { return KEY_PEM; }

    @Override public void dropUserStreams() { userWs.dropAll(); }

    @Override public void dropMarketStreams() { marketWs.dropAll(); }

    @Override public int subscribedUserStreams() { return userStream.subscribed(); }

    /** Coinbase has one private limit per key (not an order limit): lowered to {@code orders} per second. */
    @Override
    public void limitOrders(int orders, long windowMillis) {
        limits.privatePerSecond = (int) Math.max(1, orders * 1000L / windowMillis);
    }

    @Override public int rateLimitRefusals() { return limits.refused(); }

    @Override
    public void close() {
        timer.shutdownNow();
        http.close();
        marketWs.close();
        userWs.close();
    }

    private void open(String method, String path, Public handler) {
        http.route(method, PREFIX + path, r -> guardedPublic(r, handler));
    }

    private void openPrefix(String method, String path, Public handler) {
        http.routePrefix(method, PREFIX + path, r -> guardedPublic(r, handler));
    }

    private void signed(String method, String path, Private handler) {
        http.route(method, PREFIX + path, r -> guardedPrivate(r, handler));
    }

    private void signedPrefix(String method, String path, Private handler) {
        http.routePrefix(method, PREFIX + path, r -> guardedPrivate(r, handler));
    }

    private Response guardedPublic(Request request, Public handler) throws Exception {
        long now = clock.getAsLong();
        Response early = banOrFault(now);
        if (early != null) return early;
        RateWindows.Usage usage = limits.count("ip", false);
        if (usage.refused()) return tooMany(usage.resetSeconds());
        return handler.handle(request, now);
    }

    private Response guardedPrivate(Request request, Private handler) throws Exception {
        long now = clock.getAsLong();
        Response early = banOrFault(now);
        if (early != null) return early;
        FakeAccount caller;
        try {
            caller = auth.verifyRest(request.header("authorization"),
                    request.method() + " " + request.header("host") + request.path());
        } catch (CdpAuth.Refused refused) {
            return new Response(401, Map.of("Content-Type", "text/plain"), "Unauthorized");
        }
        if (faults.take(Faults.Kind.SERVER_ERROR)) {
            return Response.json(503, CbJson.error("UNAVAILABLE", "service unavailable"));
        }
        RateWindows.Usage usage = limits.count(caller.apiKey, true);
        if (usage.refused()) return withLimits(tooMany(usage.resetSeconds()), usage);
        Response response = handler.handle(caller, request, now);
        return response == FakeHttp.DROP ? response : withLimits(response, usage);
    }

    private Response banOrFault(long now) {
        long banned = faults.bannedUntil();
        if (now < banned) return tooMany(Math.max(1, (banned - now + 999) / 1000));
        if (faults.take(Faults.Kind.RATE_LIMIT)) return tooMany(faults.retryAfterSeconds);
        return null;
    }

    private static Response tooMany(long resetSeconds) {
        return Response.json(429, CbJson.error("RATE_LIMIT_EXCEEDED", "Too many requests"))
                .with("x-ratelimit-reset", Long.toString(resetSeconds));
    }

    private static Response withLimits(Response r, RateWindows.Usage usage) {
        return r.with("x-ratelimit-limit", Integer.toString(usage.limit()))
                .with("x-ratelimit-remaining", Integer.toString(usage.remaining()))
                .with("x-ratelimit-reset", Long.toString(usage.resetSeconds()));
    }
}
