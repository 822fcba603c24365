package dev.botfleet.exchanges.coindcx;

import dev.botfleet.exchanges.MarketDataClient;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueSettings;
import dev.botfleet.exchanges.http.CircuitBreaker;
import dev.botfleet.exchanges.http.ClockOffset;
import dev.botfleet.exchanges.http.RateLimiter;
import dev.botfleet.exchanges.http.RestCall;
import dev.botfleet.exchanges.http.RestClient;
import dev.botfleet.exchanges.http.Sleeper;
import dev.botfleet.exchanges.http.VenueGate;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * CoinDCX futures, USDT-margined perpetuals (pairs {@code B-BTC_USDT}). No testnet. Three addresses: the private and
 * reference-data host {@code https://api.coindcx.com} ({@link VenueEndpoints#rest()}), the public market-data host
 * {@code https://public.coindcx.com} (candles and the order book), and the Socket.IO stream
 * {@code wss://stream.coindcx.com} (market and user stream alike).
 *
 * <p>Limits: the FAQ's "16/sec, 960/min", per key, without headers. The client keeps 8 per fixed second (never more
 * than 16 in any rolling second) and 900 per fixed minute; every client of this venue in the process shares one
 * ban/pause gate.
 */
public final class CoinDcxVenue implements Venue {
    public static final VenueEndpoints MAINNET = new VenueEndpoints("https://api.coindcx.com",
            "wss://stream.coindcx.com", "wss://stream.coindcx.com");
    public static final String PUBLIC_HOST = "https://public.coindcx.com";
    public static final VenueSettings DEFAULT_SETTINGS = new VenueSettings(MAINNET, null, Duration.ofSeconds(10),
            Duration.ofSeconds(10));
    static final String SECOND = "KEY_1S";
    static final String MINUTE = "KEY_1M";

    private final VenueSettings settings;
    private final String publicHost;
    private final HttpClient http;
    private final VenueGate gate = new VenueGate();
    private final RateLimiter publicLimiter = limiter();

    public CoinDcxVenue(VenueSettings settings, String publicHost) {
        this.settings = settings;
        this.publicHost = publicHost;
        this.http = RestClient.httpClient(settings.timeout());
    }

    public CoinDcxVenue() {
        this(DEFAULT_SETTINGS, PUBLIC_HOST);
    }

    @Override public String id() { return CoinDcxRules.VENUE; }

    @Override public String name() { return "CoinDCX Futures"; }

    @Override public boolean hasTestnet() { return false; }

    @Override
    public MarketDataClient marketData(boolean testnet) {
        if (testnet) throw new VenueException(VenueException.Kind.UNSUPPORTED, id(), null, "CoinDCX has no testnet");
        return new CoinDcxMarketData(this);
    }

    @Override
    public java.util.Map<String, VenueGate> gates() { return java.util.Map.of(MAIN_NETWORK, gate); }

    @Override
    public TradingClient trading(VenueCredential credential) {
        if (credential.testnet()) {
            throw new VenueException(VenueException.Kind.UNSUPPORTED, id(), null, "CoinDCX has no testnet");
        }
        return new CoinDcxTrading(this, credential);
    }

    VenueEndpoints endpoints() { return settings.live(); }

    HttpClient http() { return http; }

    /** The per-key windows (a new limiter per key; public calls share one). */
    static RateLimiter limiter() {
        RateLimiter limiter = new RateLimiter();
        limiter.limit(SECOND, RateLimiter.Counts.WEIGHT, 1_000, 8);
        limiter.limit(MINUTE, RateLimiter.Counts.WEIGHT, 60_000, 900);
        return limiter;
    }

    /** A client of the private/reference host, with this key's limiter. */
    RestClient rest(CoinDcxSigner signer, RateLimiter limiter, CircuitBreaker breaker, ClockOffset clock) {
        return client(settings.live().rest(), signer, limiter, breaker, clock);
    }

    /** A client of the public market-data host (candles, order book). */
    RestClient publicRest(ClockOffset clock) {
        return client(publicHost, CoinDcxSigner.publicOnly(), publicLimiter, breaker(), clock);
    }

    private RestClient client(String base, CoinDcxSigner signer, RateLimiter limiter, CircuitBreaker breaker,
                              ClockOffset clock) {
        RestClient.Policy policy = new RestClient.Policy(4, settings.timeout(), 200, 5_000);
        RestClient timeSource = new RestClient(publicHost, http, CoinDcxSigner.publicOnly(), new CoinDcxRules(),
                publicLimiter, gate, breaker(), clock, Sleeper.REAL, policy, System::currentTimeMillis);
        return new RestClient(base, http, signer, new CoinDcxRules(), limiter, gate, breaker, clock, Sleeper.REAL,
                policy, () -> serverTime(timeSource));
    }

    static CircuitBreaker breaker() { return new CircuitBreaker(5, 10_000, System::currentTimeMillis); }

    /**
     * CoinDCX publishes no time endpoint. The public order book's {@code ts} (epoch ms, "Epoch timestamp") is the
     * venue's clock at the snapshot; BTC's book is always there.
     */
    static long serverTime(RestClient publicRest) {
        return publicRest.send(RestCall.publicGet("/market_data/v3/orderbook/B-BTC_USDT-futures/50", Map.of(), 1))
                .path("ts").asLong();
    }
}
