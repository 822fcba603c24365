package dev.botfleet.exchanges.coinbase;

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

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * Coinbase Advanced Trade with CDP keys (https://docs.cdp.coinbase.com/advanced-trade). A credential's key is the CDP
 * key name ("organizations/{org}/apiKeys/{id}") and its secret the EC private key's PEM.
 *
 * <p>No testnet: Coinbase's "sandbox" (api-sandbox.coinbase.com) is a static mock of accounts and orders without
 * authentication, market data or sockets, so nothing could be certified against it; {@link #hasTestnet()} is false
 * unless an operator configures testnet endpoints (e.g. a local fake).
 *
 * <p>One instance per process: its clients share the HTTP client, the 429 pause gate and the public limiter (10
 * requests a second per address, kept as 9 in fixed one-second windows). Each key's private limit (30 a second) lives in
 * its trading client and follows the x-ratelimit-* headers.
 */
public final class CoinbaseVenue implements Venue {
    public static final VenueEndpoints MAINNET = new VenueEndpoints("https://api.coinbase.com",
            "wss://advanced-trade-ws.coinbase.com", "wss://advanced-trade-ws-user.coinbase.com");
    public static final VenueSettings DEFAULT_SETTINGS = new VenueSettings(MAINNET, null, Duration.ofSeconds(120),
            Duration.ofSeconds(10));
    static final String API = "/api/v3/brokerage";

    private final VenueSettings settings;
    private final HttpClient http;
    private final VenueGate gate = new VenueGate();
    private final RateLimiter publicLimiter = new RateLimiter();

    public CoinbaseVenue(VenueSettings settings) {
        this.settings = settings;
        this.http = RestClient.httpClient(settings.timeout());
        publicLimiter.limit(CoinbaseRules.PUBLIC_WINDOW, RateLimiter.Counts.WEIGHT, 1000, 9);
    }

    public CoinbaseVenue() {
        this(DEFAULT_SETTINGS);
    }

    @Override public String id() { return CoinbaseRules.VENUE; }

    @Override public String name() { return "Coinbase Advanced Trade"; }

    @Override public boolean hasTestnet() { return settings.testnet() != null; }

    @Override
    public MarketDataClient marketData(boolean testnet) {
        return new CoinbaseMarketData(this, settings.endpoints(testnet));
    }

    @Override
    public java.util.Map<String, VenueGate> gates() { return java.util.Map.of(MAIN_NETWORK, gate); }

    @Override
    public TradingClient trading(VenueCredential credential) {
        return new CoinbaseTrading(this, settings.endpoints(credential.testnet()), credential);
    }

    HttpClient http() { return http; }

    static CircuitBreaker breaker() { return new CircuitBreaker(5, 10_000, System::currentTimeMillis); }

    /** An unsigned client for public calls (and the time source of clock resyncs). */
    RestClient publicRest(String baseUrl, ClockOffset clock) {
        return new RestClient(baseUrl, http, CoinbaseSigner.publicOnly(), new CoinbaseRules(clock, null), publicLimiter,
                gate, breaker(), clock, Sleeper.REAL, policy(), System::currentTimeMillis);
    }

    /** A client for one key's private calls, with its own limiter; the clock is resynced from GET /time. */
    RestClient privateRest(String baseUrl, CoinbaseSigner signer, RateLimiter limiter, ClockOffset clock) {
        RestClient time = publicRest(baseUrl, clock);
        return new RestClient(baseUrl, http, signer, new CoinbaseRules(clock, CoinbaseRules.PRIVATE_WINDOW), limiter,
                gate, breaker(), clock, Sleeper.REAL, policy(), () -> serverTime(time));
    }

    private RestClient.Policy policy() { return new RestClient.Policy(4, settings.timeout(), 200, 5_000); }

    /** GET /time: {"iso", "epochSeconds", "epochMillis"}. Public. */
    static long serverTime(RestClient rest) {
        var answer = rest.send(RestCall.publicGet(API + "/time", Map.of(), 1));
        String millis = answer.path("epochMillis").asString("");
        return millis.isEmpty() ? answer.path("epochSeconds").asLong() * 1000 : Long.parseLong(millis);
    }
}
