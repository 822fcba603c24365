package dev.botfleet.fakes.coindcx;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeClock;
import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.FakeWs;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.StandardSetup;
import dev.botfleet.fakes.perp.PerpLedger;
import dev.botfleet.fakes.perp.PerpTerms;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CoinDCX futures (USDT-margined perpetuals) on loopback, written from the docs (svamja/coindcx-python
 * ai/coindcx_documentation.md, a capture of docs.coindcx.com): one HTTP server answers both the API host's paths and
 * the public host's, one WebSocket server is stream.coindcx.com (Socket.IO v2, {@link SocketIoServer}). Markets
 * {@code B-BTC_USDT} and {@code B-ETH_USDT} with {@link StandardSetup}'s filters and prices, settled by the shared
 * {@link PerpLedger} (max leverage 25, maintenance 0.5 %, a position's leverage 5 until set); the standard key's
 * USDT balance is its futures wallet.
 *
 * <p>A private request passes, in order: the ban (403, with Retry-After: CoinDCX documents no ban, see
 * CoinDcxRules), the armed RATE_LIMIT fault (429 "Too Many Requests" with Retry-After, which CoinDCX does not document),
 * the key (401), the signature — hex HMAC-SHA256 of the raw body bytes as received — (401), the body's
 * {@code timestamp} (ms, within 10 s of the venue clock, else 400), the SERVER_ERROR fault (503, nothing done) and the
 * FAQ's limit of 16 requests per second and 960 per minute per key (429), plus {@link #limitOrders} on creates.
 */
public final class FakeCoinDcx implements FakeVenue {
    public static final String BTC_USDT = "B-BTC_USDT";
    public static final String ETH_USDT = "B-ETH_USDT";
    static final String BASE = "/exchange/v1/derivatives/futures";
    static final long TIMESTAMP_WINDOW = 10_000;

    private final FakeClock clock = new FakeClock();
    private final MatchingEngine engine = new MatchingEngine(clock);
    private final PerpLedger ledger = new PerpLedger();
    private final Faults faults = new Faults();
    private final FakeAccount account;
    private final FakeHttp http;
    private final FakeWs ws;
    private final SocketIoServer socketIo = new SocketIoServer(engine);
    private final OrderRoutes orders = new OrderRoutes(engine, ledger, faults);
    private final Streams streams;
    private final ScheduledExecutorService closer;
    private final Map<String, int[]> windows = new ConcurrentHashMap<>();
    private volatile int ordersPerWindow = Integer.MAX_VALUE;
    private volatile long orderWindowMillis = 1_000;
    private volatile int refusals;

    @FunctionalInterface
    private interface Private {
        Response handle(FakeAccount account, JsonNode body) throws Exception;
    }

    public FakeCoinDcx() {
        StandardSetup.listMarkets(engine, BTC_USDT, ETH_USDT);
        for (FakeMarket m : engine.markets()) {
            ledger.list(new PerpTerms(m.venueSymbol, "USDT", new BigDecimal("25"), new BigDecimal("0.005"),
                    new BigDecimal("5")));
            engine.settleWith(m.venueSymbol, ledger);
        }
        account = StandardSetup.openAccount(engine);
        streams = new Streams(engine, ledger, socketIo, orders, faults, clock);
        engine.addListener(streams);
        try {
            http = new FakeHttp(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MarketRoutes market = new MarketRoutes(engine, ledger, clock);
        AccountRoutes accounts = new AccountRoutes(engine, ledger, clock);
        open("GET", BASE + "/data/active_instruments", market::activeInstruments);
        open("GET", BASE + "/data/instrument", market::instrument);
        open("GET", "/market_data/candlesticks", market::candlesticks);
        for (FakeMarket m : engine.markets()) {
            for (String path : MarketRoutes.orderbookPaths(m)) open("GET", path, r -> market.orderbook(m));
        }
        signed("POST", BASE + "/orders/create", orders::create, true);
        signed("POST", BASE + "/orders/cancel", orders::cancel, false);
        signed("POST", BASE + "/orders", orders::list, false);
        signed("POST", BASE + "/orders/edit", orders::edit, false);
        signed("POST", BASE + "/trades", orders::trades, false);
        signed("POST", BASE + "/positions", accounts::positions, false);
        signed("POST", BASE + "/positions/update_leverage", accounts::updateLeverage, false);
        signed("GET", BASE + "/wallets", accounts::wallets, false);
        ws = new FakeWs(socketIo);
        closer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("fake-coindcx-candles").factory());
        closer.scheduleAtFixedRate(streams::closeCandles, 100, 100, TimeUnit.MILLISECONDS);
    }

    public FakeAccount account() { return account; }

    public PerpLedger ledger() { return ledger; }

    /** The UUID this venue shows for one of its engine's orders (orders have no client id here). */
    public String orderId(dev.botfleet.fakes.FakeOrder order) { return orders.id(order); }

    @Override public String venue() { return "coindcx"; }

    @Override public MatchingEngine engine() { return engine; }

    @Override public Faults faults() { return faults; }

    @Override public FakeClock clock() { return clock; }

    /** Both hosts: api.coindcx.com's paths and public.coindcx.com's are served here. */
    @Override public String restUrl() { return http.baseUrl(); }

    @Override public FakeHttp http() { return http; }

    /** stream.coindcx.com: the Socket.IO path is added by the client. */
    @Override public String marketStreamUrl() { return ws.baseUrl(); }

    @Override public String userStreamUrl() { return ws.baseUrl(); }

    @Override public void dropUserStreams() { ws.dropAll(); }

    @Override public void dropMarketStreams() { ws.dropAll(); }

    @Override public int subscribedUserStreams() { return socketIo.privateSubscribers(); }

    /** CoinDCX advertises no limits (no headers, no endpoint): the lowered limit is enforced, not announced. */
    @Override
    public void limitOrders(int orders, long windowMillis) {
        ordersPerWindow = orders;
        orderWindowMillis = windowMillis;
    }

    @Override public int rateLimitRefusals() { return refusals; }

    @Override
    public void close() {
        closer.shutdownNow();
        http.close();
        ws.close();
    }

    private void open(String method, String path, FakeHttp.Handler handler) {
        http.route(method, path, request -> {
            Response banned = banned();
            return banned != null ? banned : handler.handle(request);
        });
    }

    private void signed(String method, String path, Private handler, boolean create) {
        http.route(method, path, request -> {
            try {
                Response banned = banned();
                if (banned != null) return banned;
                if (faults.take(Faults.Kind.RATE_LIMIT)) return tooMany(faults.retryAfterSeconds);
                FakeAccount caller = verify(request);
                if (faults.take(Faults.Kind.SERVER_ERROR)) return error(new CoinDcxError(503, "Service Unavailable"));
                if (!count(caller.apiKey, create)) return tooMany(1);
                return handler.handle(caller, Json.parse(request.body()));
            } catch (CoinDcxError e) {
                return error(e);
            }
        });
    }

    /** Key, signature over the raw body bytes, then the body's timestamp. */
    private FakeAccount verify(Request request) {
        FakeAccount caller = engine.account(request.header("X-AUTH-APIKEY"));
        if (caller == null || caller.revoked) throw CoinDcxError.unauthorized();
        String signature = request.header("X-AUTH-SIGNATURE");
        String expected = SocketIoServer.hmacHex(caller.secret, request.body());
        if (signature == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw CoinDcxError.unauthorized();
        }
        JsonNode body;
        try {
            body = Json.parse(request.body());
        } catch (RuntimeException e) {
            throw CoinDcxError.invalid("the body is not JSON");
        }
        JsonNode ts = body.path("timestamp");
        if (!ts.isIntegralNumber()) throw CoinDcxError.invalid("timestamp is mandatory");
        if (Math.abs(clock.getAsLong() - ts.asLong()) > TIMESTAMP_WINDOW) throw CoinDcxError.staleTimestamp();
        return caller;
    }

    /** Fixed windows aligned to the epoch: 16 a second, 960 a minute per key; creates also in the lowered window. */
    private synchronized boolean count(String key, boolean create) {
        long now = clock.getAsLong();
        boolean ok = take(key + "/s", now, 1_000, 16) & take(key + "/m", now, 60_000, 960);
        if (create) ok &= take(key + "/orders", now, orderWindowMillis, ordersPerWindow);
        if (!ok) refusals++;
        return ok;
    }

    private boolean take(String name, long now, long length, int limit) {
        int[] w = windows.computeIfAbsent(name, k -> new int[2]);
        int window = (int) Math.floorDiv(now, length);
        if (w[0] != window) {
            w[0] = window;
            w[1] = 0;
        }
        w[1]++;
        return w[1] <= limit;
    }

    private Response banned() {
        long wait = faults.bannedUntil() - clock.getAsLong();
        if (wait <= 0) return null;
        return Response.json(403, new CoinDcxError(403, "Request blocked").body())
                .with("Retry-After", Long.toString(Math.max(1, (wait + 999) / 1000)));
    }

    private static Response tooMany(int seconds) {
        return Response.json(429, new CoinDcxError(429, "Too Many Requests").body())
                .with("Retry-After", Integer.toString(seconds));
    }

    private static Response error(CoinDcxError e) { return Response.json(e.status, e.body()); }
}
