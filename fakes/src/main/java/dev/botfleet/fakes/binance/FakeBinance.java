package dev.botfleet.fakes.binance;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeClock;
import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeTrade;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.FakeWs;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.StandardSetup;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A local Binance spot, written from the public documentation (github.com/binance/binance-spot-api-docs: rest-api.md,
 * web-socket-api.md, web-socket-streams.md, user-data-stream.md, errors.md, filters.md): the REST API under
 * {@code /api/v3}, the market streams and the WebSocket API's user data stream, each on its own loopback port, in
 * front of the shared matching engine. Lists BTCUSDT and ETHUSDT and opens the standard account.
 *
 * <p>Both WebSocket servers send ping frames (every {@code pingSeconds}; Binance: 20) and drop a connection that does
 * not answer with a pong, as Binance does.
 */
public final class FakeBinance implements FakeVenue {
    public static final String BTCUSDT = "BTCUSDT";
    public static final String ETHUSDT = "ETHUSDT";

    private final FakeClock clock = new FakeClock();
    private final Faults faults = new Faults();
    private final MatchingEngine engine = new MatchingEngine(clock);
    private final BinanceLimits limits = new BinanceLimits(clock, faults);
    private final FakeAccount account;
    private final FakeHttp http;
    private final BinanceMarketStreams marketStreams;
    private final BinanceUserStreams userStreams;
    private final FakeWs marketWs;
    private final FakeWs apiWs;

    public FakeBinance() {
        this(20);
    }

    public FakeBinance(int pingSeconds) {
        StandardSetup.listMarkets(engine, BTCUSDT, ETHUSDT);
        account = StandardSetup.openAccount(engine);
        marketStreams = new BinanceMarketStreams(engine, clock);
        userStreams = new BinanceUserStreams(engine, clock, faults);
        engine.addListener(marketStreams);
        engine.addListener(userStreams);
        engine.addListener(new MatchingEngine.Listener() {
            @Override public void onOrder(FakeOrder order, FakeTrade trade) {
                if (trade != null && order.trades.getFirst() == trade) limits.firstFill(order.account);
            }
        });
        try {
            http = new FakeHttp(0);
        } catch (IOException e) {
            throw new UncheckedIOException("fake Binance REST server did not start", e);
        }
        new BinanceRestApi(engine, clock, faults, limits, new BinanceOrderEntry(engine, clock, faults, userStreams))
                .install(http);
        marketWs = new FakeWs(marketStreams);
        apiWs = new FakeWs(userStreams);
        marketWs.setConnectionLostTimeout(pingSeconds);
        apiWs.setConnectionLostTimeout(pingSeconds);
    }

    @Override
    public String venue() { return "binance"; }

    @Override
    public MatchingEngine engine() { return engine; }

    @Override
    public Faults faults() { return faults; }

    @Override
    public FakeClock clock() { return clock; }

    /** The standard account (its key is {@link StandardSetup#API_KEY}). */
    public FakeAccount account() { return account; }

    /** Request and order limits; lower them to make a test hit them. */
    public BinanceLimits limits() { return limits; }

    @Override
    public String restUrl() { return http.baseUrl(); }

    @Override
    public FakeHttp http() { return http; }

    /** The stream base, as wss://stream.binance.com:9443 is: append /ws/... or /stream?streams=... */
    @Override
    public String marketStreamUrl() { return marketWs.baseUrl(); }

    /** The WebSocket API endpoint, as wss://ws-api.binance.com:443/ws-api/v3 is. */
    @Override
    public String userStreamUrl() { return apiWs.baseUrl() + "/ws-api/v3"; }

    @Override
    public void dropUserStreams() { apiWs.dropAll(); }

    @Override
    public void dropMarketStreams() { marketWs.dropAll(); }

    @Override
    public int subscribedUserStreams() { return userStreams.subscribedSockets(); }

    /**
     * Lowers the account order-rate limit to {@code orders} per {@code windowMillis}: advertised in exchangeInfo's
     * rateLimits (ORDERS) and enforced with 429 / -1015 and Retry-After.
     */
    public void limitOrders(int orders, long windowMillis) { limits.limitOrders(orders, windowMillis); }

    /** Requests the fake answered 429 (over a limit, or by the RATE_LIMIT fault). */
    public int rateLimitRefusals() { return limits.refusals(); }

    /** Open market-data sockets. */
    public int marketStreamSockets() { return marketWs.sockets().size(); }

    @Override
    public void close() {
        marketStreams.close();
        http.close();
        marketWs.close();
        apiWs.close();
    }
}
