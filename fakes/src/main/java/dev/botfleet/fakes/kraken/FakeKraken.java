package dev.botfleet.fakes.kraken;

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
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Kraken spot on loopback: REST under /0/public and /0/private (FakeHttp) and the public and authenticated
 * WebSocket v2 endpoints at /v2 (FakeWs), over the shared matching engine with {@link StandardSetup}'s markets, named
 * {@code XBTUSDT} and {@code ETHUSDT}, and its account, whose secret is base64 as Kraken's are ({@link #API_SECRET}).
 *
 * <p>Every request passes, in order: the address throttle ({@link Faults#banUntil}, answered "EService:Throttled:
 * &lt;unix time&gt;"), the armed RATE_LIMIT fault ("EAPI:Rate limit exceeded"), then for private calls the signature
 * and nonce ({@link KrakenAuth}), the SERVER_ERROR fault (HTTP 503 "EService:Unavailable", nothing done) and the
 * key's call counter ({@link KrakenLimits}; AddOrder and CancelOrder count on the per-pair trading counter instead).
 * Kraken publishes no rate-limit headers, and the fake sends none.
 */
public final class FakeKraken implements FakeVenue {
    public static final String BTC_USDT = "XBTUSDT";
    public static final String ETH_USDT = "ETHUSDT";
    /** The standard account's secret in Kraken's form: base64 of 64 bytes (derived from the shared plain secret). */
    public static final String API_SECRET = KrakenAuth.base64Secret(StandardSetup.API_SECRET);
    /** "Ledger/trade history calls increase the counter by 2." */
    private static final Set<String> HISTORY = Set.of("/0/private/TradesHistory", "/0/private/QueryTrades");
    private static final Set<String> TRADING = Set.of("/0/private/AddOrder", "/0/private/CancelOrder");

    private final FakeClock clock = new FakeClock();
    private final MatchingEngine engine = new MatchingEngine(clock);
    private final Faults faults = new Faults();
    private final KrakenLimits limits = new KrakenLimits(clock);
    private final KrakenAuth auth = new KrakenAuth(engine);
    private final PublicStream publicStream = new PublicStream(engine, clock);
    private final PrivateStream privateStream = new PrivateStream(engine, faults, clock);
    private final FakeAccount account;
    private final FakeHttp http;
    private final FakeWs publicWs;
    private final FakeWs privateWs;
    private final ScheduledExecutorService heartbeats;

    @FunctionalInterface
    private interface Public {
        Object handle(Request request, long now);
    }

    @FunctionalInterface
    private interface Private {
        Response handle(FakeAccount account, Map<String, String> form, long now);
    }

    public FakeKraken() {
        StandardSetup.listMarkets(engine, BTC_USDT, ETH_USDT);
        account = StandardSetup.openAccount(engine, API_SECRET);
        engine.addListener(publicStream);
        engine.addListener(privateStream);
        try {
            http = new FakeHttp(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MarketRoutes market = new MarketRoutes(engine);
        TradeRoutes trade = new TradeRoutes(engine, faults, limits);
        open("Time", market::time);
        open("AssetPairs", market::assetPairs);
        open("OHLC", market::ohlc);
        open("Ticker", market::ticker);
        signed("AddOrder", trade::addOrder);
        signed("CancelOrder", trade::cancelOrder);
        signed("OpenOrders", trade::openOrders);
        signed("ClosedOrders", trade::closedOrders);
        signed("QueryOrders", trade::queryOrders);
        signed("QueryTrades", trade::queryTrades);
        signed("TradesHistory", trade::tradesHistory);
        signed("Balance", trade::balance);
        signed("BalanceEx", trade::balanceEx);
        signed("GetWebSocketsToken", (acct, form, now) -> {
            ObjectNode result = KrakenJson.object();
            result.put("token", privateStream.issueToken(acct));
            result.put("expires", PrivateStream.TOKEN_LIFETIME_MILLIS / 1000);
            return Response.json(200, KrakenJson.ok(result));
        });
        publicWs = new FakeWs(publicStream);
        privateWs = new FakeWs(privateStream);
        heartbeats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("fake-kraken-heartbeat")
                .factory());
        heartbeats.scheduleAtFixedRate(() -> {
            publicStream.heartbeat();
            privateStream.heartbeat();
        }, 1, 1, TimeUnit.SECONDS);
    }

    public FakeAccount account() { return account; }

    /** The limiters, lowerable by tests (the adapter must be configured with the same tier). */
    public KrakenLimits limits() { return limits; }

    /**
     * Kraken's order limit is the per-pair trading counter: lowered here to a threshold of {@code orders} decaying
     * at {@code orders} per {@code windowMillis}. Kraken advertises it nowhere; the adapter mirrors it from its
     * configured tier, which the test fixture reads from {@link #limits()}.
     */
    @Override
    public void limitOrders(int orders, long windowMillis) {
        limits.tradeThreshold = orders;
        limits.tradeDecayPerSecond = orders * 1000.0 / windowMillis;
    }

    @Override public int rateLimitRefusals() { return limits.refused(); }

    @Override public String venue() { return "kraken"; }

    @Override public String apiSecret() { return API_SECRET; }

    @Override public MatchingEngine engine() { return engine; }

    @Override public Faults faults() { return faults; }

    @Override public FakeClock clock() { return clock; }

    /** As https://api.kraken.com: paths start with /0/. */
    @Override public String restUrl() { return http.baseUrl(); }

    @Override public FakeHttp http() { return http; }

    /** The full URL, as wss://ws.kraken.com/v2. */
    @Override public String marketStreamUrl() { return publicWs.baseUrl() + "/v2"; }

    /** The full URL, as wss://ws-auth.kraken.com/v2. */
    @Override public String userStreamUrl() { return privateWs.baseUrl() + "/v2"; }

    @Override public void dropUserStreams() { privateWs.dropAll(); }

    @Override public void dropMarketStreams() { publicWs.dropAll(); }

    @Override public int subscribedUserStreams() { return privateStream.subscribed(); }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        http.close();
        publicWs.close();
        privateWs.close();
    }

    private void open(String name, Public handler) {
        String path = "/0/public/" + name;
        Guarded body = request -> Response.json(200, KrakenJson.ok(handler.handle(request, clock.getAsLong())));
        http.route("GET", path, request -> guarded(request, body));
        http.route("POST", path, request -> guarded(request, body));
    }

    private void signed(String name, Private handler) {
        String path = "/0/private/" + name;
        http.route("POST", path, request -> guarded(request, r -> {
            Map<String, String> form = FakeHttp.decodeForm(r.body());
            FakeAccount caller = auth.verify(r, form);
            if (faults.take(Faults.Kind.SERVER_ERROR)) {
                return Response.json(503, KrakenJson.error("EService:Unavailable"));
            }
            int cost = TRADING.contains(path) ? 0 : HISTORY.contains(path) ? 2 : 1;
            if (cost > 0 && !limits.call(caller.apiKey, cost)) throw new KrakenError("EAPI:Rate limit exceeded");
            return handler.handle(caller, form, clock.getAsLong());
        }));
    }

    @FunctionalInterface
    private interface Guarded {
        Response handle(Request request);
    }

    private Response guarded(Request request, Guarded body) {
        long now = clock.getAsLong();
        if (now < faults.bannedUntil()) {
            // "EService: Throttled: [UNIX timestamp]": too many requests; try again after the timestamp.
            return Response.json(200, KrakenJson.error("EService:Throttled: " + (faults.bannedUntil() + 999) / 1000));
        }
        if (faults.take(Faults.Kind.RATE_LIMIT)) return Response.json(200, KrakenJson.error("EAPI:Rate limit exceeded"));
        try {
            return body.handle(request);
        } catch (KrakenError e) {
            return Response.json(e.status, KrakenJson.error(e.getMessage()));
        }
    }
}
