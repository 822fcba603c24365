package dev.botfleet.exchanges.delta;

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
 * Delta Exchange India, perpetual futures (docs.delta.exchange; REST https://api.india.delta.exchange/v2, private
 * socket wss://socket.india.delta.exchange, public socket wss://public-socket.india.delta.exchange; testnet
 * cdn-ind.testnet.deltaex.org with keys from demo.delta.exchange). One instance per process: its clients share one
 * HTTP client, one CDN-block/pause gate and one limiter for the public per-IP quota (10,000 weight per 5 minutes).
 */
public final class DeltaVenue implements Venue {
    public static final VenueEndpoints MAINNET = new VenueEndpoints("https://api.india.delta.exchange",
            "wss://public-socket.india.delta.exchange", "wss://socket.india.delta.exchange");
    public static final VenueEndpoints TESTNET = new VenueEndpoints("https://cdn-ind.testnet.deltaex.org",
            "wss://socket-ind-pub.testnet.deltaex.org", "wss://socket-ind.testnet.deltaex.org");
    public static final VenueSettings DEFAULT_SETTINGS = new VenueSettings(MAINNET, TESTNET, Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    static final String IP_WINDOW = "IP_5M";

    private final VenueSettings settings;
    private final HttpClient http;
    private final VenueGate gate = new VenueGate();
    private final RateLimiter ipLimiter = new RateLimiter();

    public DeltaVenue(VenueSettings settings) {
        this.settings = settings;
        this.http = RestClient.httpClient(settings.timeout());
        ipLimiter.limit(IP_WINDOW, RateLimiter.Counts.WEIGHT, 300_000, 10_000);
    }

    public DeltaVenue() {
        this(DEFAULT_SETTINGS);
    }

    @Override public String id() { return DeltaRules.VENUE; }

    @Override public String name() { return "Delta Exchange India"; }

    @Override public boolean hasTestnet() { return settings.testnet() != null; }

    @Override
    public MarketDataClient marketData(boolean testnet) {
        return new DeltaMarketData(this, settings.endpoints(testnet));
    }

    @Override
    public java.util.Map<String, VenueGate> gates() { return java.util.Map.of(MAIN_NETWORK, gate); }

    @Override
    public TradingClient trading(VenueCredential credential) {
        return new DeltaTradingClient(this, settings.endpoints(credential.testnet()), credential);
    }

    VenueSettings settings() { return settings; }

    HttpClient http() { return http; }

    /**
     * A REST client with this venue's gate. Signed calls count against the key's quota (kept by the trading client),
     * public ones against the shared per-IP limiter. A refused timestamp is resynced from the server time the
     * SignatureExpired answer carries, or from a ticker's timestamp.
     */
    RestClient rest(String baseUrl, DeltaSigner signer, DeltaRules rules, CircuitBreaker breaker, ClockOffset clock,
                    boolean publicCalls) {
        RestClient.Policy policy = new RestClient.Policy(4, settings.timeout(), 200, 5_000);
        RateLimiter limiter = publicCalls ? ipLimiter : new RateLimiter();
        RestClient timeSource = new RestClient(baseUrl, http, DeltaSigner.publicOnly(), new DeltaRules(), ipLimiter, gate,
                breaker, clock, Sleeper.REAL, policy, System::currentTimeMillis);
        return new RestClient(baseUrl, http, signer, rules, limiter, gate, breaker, clock, Sleeper.REAL, policy, () -> {
            long told = rules.lastServerSeconds();
            return told > 0 ? told * 1000 + 500 : serverTime(timeSource);
        });
    }

    static CircuitBreaker breaker() { return new CircuitBreaker(5, 10_000, System::currentTimeMillis); }

    /** Delta's clock: the timestamp (µs) of the BTCUSD ticker (there is no time endpoint in /v2). */
    static long serverTime(RestClient rest) {
        JsonNode answer = rest.send(RestCall.publicGet("/v2/tickers/BTCUSD", Map.of(), 3));
        return answer.path("result").path("timestamp").asLong() / 1000;
    }
}
