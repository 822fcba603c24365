package dev.botfleet.exchanges.kraken;

import dev.botfleet.exchanges.MarketDataClient;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueSettings;
import dev.botfleet.exchanges.http.CircuitBreaker;
import dev.botfleet.exchanges.http.ClockOffset;
import dev.botfleet.exchanges.http.RateLimiter;
import dev.botfleet.exchanges.http.RequestSigner;
import dev.botfleet.exchanges.http.RestCall;
import dev.botfleet.exchanges.http.RestClient;
import dev.botfleet.exchanges.http.Sleeper;
import dev.botfleet.exchanges.http.VenueGate;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Kraken spot (https://docs.kraken.com/api/docs/rest-api/, .../websocket-v2/). No spot testnet. One instance per
 * process: its clients share one HTTP client, the throttle gate ("EService:Throttled" stops every call until the
 * time it names) and, per key, one mirror of Kraken's counters ({@link KrakenCounters}), since the venue counts per
 * key whatever client sends.
 */
public final class KrakenVenue implements Venue {
    public static final VenueEndpoints MAINNET = new VenueEndpoints("https://api.kraken.com",
            "wss://ws.kraken.com/v2", "wss://ws-auth.kraken.com/v2");
    public static final VenueSettings DEFAULT_SETTINGS = new VenueSettings(MAINNET, null, Duration.ofSeconds(5),
            Duration.ofSeconds(10));
    static final String USER_AGENT = "botfleet-kraken/1";

    private final VenueSettings settings;
    private final Supplier<KrakenTier> tier;
    private final HttpClient http;
    private final VenueGate gate = new VenueGate();
    /** Kraken sends no weights to correct a fixed-window limiter with: the counters are mirrored per key instead. */
    private final RateLimiter unlimited = new RateLimiter();
    private final Map<String, KrakenCounters> countersByKey = new ConcurrentHashMap<>();

    /** @param tier the account's verification tier (Kraken does not report it): its counters are mirrored */
    public KrakenVenue(VenueSettings settings, Supplier<KrakenTier> tier) {
        this.settings = settings;
        this.tier = tier;
        this.http = RestClient.httpClient(settings.timeout());
    }

    public KrakenVenue(VenueSettings settings) {
        this(settings, () -> KrakenTier.STARTER);
    }

    public KrakenVenue() {
        this(DEFAULT_SETTINGS);
    }

    @Override public String id() { return KrakenRules.VENUE; }

    @Override public String name() { return "Kraken"; }

    /** Kraken has no spot testnet. */
    @Override public boolean hasTestnet() { return false; }

    @Override
    public MarketDataClient marketData(boolean testnet) {
        return new KrakenMarketData(this, settings.endpoints(testnet));
    }

    @Override
    public java.util.Map<String, VenueGate> gates() { return java.util.Map.of(MAIN_NETWORK, gate); }

    @Override
    public TradingClient trading(VenueCredential credential) {
        return new KrakenTradingClient(this, settings.endpoints(credential.testnet()), credential);
    }

    HttpClient http() { return http; }

    KrakenCounters counters(String apiKey) {
        return countersByKey.computeIfAbsent(apiKey, k -> new KrakenCounters(tier, System::currentTimeMillis, Sleeper.REAL));
    }

    RestClient rest(String baseUrl, RequestSigner signer, KrakenRules rules, CircuitBreaker breaker, ClockOffset clock) {
        RestClient.Policy policy = new RestClient.Policy(4, settings.timeout(), 200, 5_000);
        RestClient timeSource = new RestClient(baseUrl, http, KrakenSigner.publicOnly(USER_AGENT), rules, unlimited,
                gate, breaker, clock, Sleeper.REAL, policy, System::currentTimeMillis);
        return new RestClient(baseUrl, http, signer, rules, unlimited, gate, breaker, clock, Sleeper.REAL, policy,
                () -> serverTime(timeSource));
    }

    static CircuitBreaker breaker() { return new CircuitBreaker(5, 10_000, System::currentTimeMillis); }

    /** GET /0/public/Time: {"unixtime": seconds}. */
    static long serverTime(RestClient rest) {
        return rest.send(RestCall.publicGet("/0/public/Time", Map.of(), 1)).path("result").path("unixtime").asLong() * 1000;
    }
}
