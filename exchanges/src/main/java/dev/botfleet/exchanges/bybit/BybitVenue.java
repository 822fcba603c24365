package dev.botfleet.exchanges.bybit;

import dev.botfleet.exchanges.MarketDataClient;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueSettings;
import dev.botfleet.exchanges.http.CircuitBreaker;
import dev.botfleet.exchanges.http.ClockOffset;
import dev.botfleet.exchanges.http.RateLimiter;
import dev.botfleet.exchanges.http.RestCall;
import dev.botfleet.exchanges.http.RestClient;
import dev.botfleet.exchanges.http.Sleeper;
import dev.botfleet.exchanges.http.VenueGate;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * Bybit v5, spot category (https://bybit-exchange.github.io/docs/v5/intro). One instance per process: its clients
 * share one HTTP client, one ban/pause gate and one limiter for the IP limit of 600 requests per rolling 5 s (kept as
 * 300 per fixed 5 s window, which can never add up to more than 600 in any 5 s). Per-key limits live in each trading
 * client ({@link UidLimits}).
 */
public final class BybitVenue implements Venue {
    /** Mainnet and testnet endpoints from the integration guide and ws/connect. */
    public static final VenueEndpoints MAINNET = new VenueEndpoints("https://api.bybit.com",
            "wss://stream.bybit.com", "wss://stream.bybit.com/v5/private");
    public static final VenueEndpoints TESTNET = new VenueEndpoints("https://api-testnet.bybit.com",
            "wss://stream-testnet.bybit.com", "wss://stream-testnet.bybit.com/v5/private");
    public static final VenueSettings DEFAULT_SETTINGS = new VenueSettings(MAINNET, TESTNET, Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    static final String IP_WINDOW = "IP_5S";

    private final VenueSettings settings;
    private final HttpClient http;
    private final VenueGate gate = new VenueGate();
    private final RateLimiter ipLimiter = new RateLimiter();

    public BybitVenue(VenueSettings settings) {
        this.settings = settings;
        this.http = RestClient.httpClient(settings.timeout());
        ipLimiter.limit(IP_WINDOW, RateLimiter.Counts.WEIGHT, 5_000, 300);
    }

    public BybitVenue() {
        this(DEFAULT_SETTINGS);
    }

    @Override public String id() { return "bybit"; }

    @Override public String name() { return "Bybit"; }

    @Override public boolean hasTestnet() { return settings.testnet() != null; }

    @Override
    public MarketDataClient marketData(boolean testnet) {
        return new BybitMarketData(this, settings.endpoints(testnet));
    }

    @Override
    public java.util.Map<String, VenueGate> gates() { return java.util.Map.of(MAIN_NETWORK, gate); }

    @Override
    public TradingClient trading(VenueCredential credential) {
        return new BybitTradingClient(this, settings.endpoints(credential.testnet()), credential);
    }

    VenueSettings settings() { return settings; }

    HttpClient http() { return http; }

    /** A REST client for one base URL with this venue's shared gate and IP limiter. */
    RestClient rest(String baseUrl, BybitSigner signer, BybitRules rules, CircuitBreaker breaker, ClockOffset clock) {
        RestClient.Policy policy = new RestClient.Policy(4, settings.timeout(), 200, 5_000);
        RestClient timeSource = new RestClient(baseUrl, http, BybitSigner.publicOnly(), new BybitRules(clock, null, null),
                ipLimiter, gate, breaker, clock, Sleeper.REAL, policy, () -> System.currentTimeMillis());
        return new RestClient(baseUrl, http, signer, rules, ipLimiter, gate, breaker, clock, Sleeper.REAL, policy,
                () -> serverTime(timeSource));
    }

    static CircuitBreaker breaker() { return new CircuitBreaker(5, 10_000, System::currentTimeMillis); }

    /**
     * Bybit's clock from GET /v5/market/time: timeNano (ns) gives milliseconds; the envelope's "time" is the fallback.
     */
    static long serverTime(RestClient rest) {
        JsonNode answer = rest.send(RestCall.publicGet("/v5/market/time", Map.of(), 1));
        String nanos = answer.path("result").path("timeNano").asString("");
        if (nanos.length() > 6) return Long.parseLong(nanos.substring(0, nanos.length() - 6));
        return answer.path("time").asLong();
    }
}
