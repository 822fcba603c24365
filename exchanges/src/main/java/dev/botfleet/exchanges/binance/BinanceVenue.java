package dev.botfleet.exchanges.binance;

import dev.botfleet.exchanges.MarketDataClient;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueInstrument;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Binance spot, mainnet and testnet. What Binance applies per address is shared by every client of one network in
 * this process: the ban / Retry-After gate, the request-weight limiter, the HTTP client and the symbol table.
 * Mainnet and testnet are different hosts with their own limits, so each has its own. Order-count limits are per
 * account and live in each trading client.
 */
public final class BinanceVenue implements Venue {
    /** Binance's published REQUEST_WEIGHT limit (enums.md), until exchangeInfo says otherwise. */
    static final int DEFAULT_WEIGHT_PER_MINUTE = 6000;

    /** The shared state of one network (mainnet or testnet). */
    static final class Network {
        final VenueEndpoints endpoints;
        final VenueGate gate = new VenueGate();
        final RateLimiter ipLimiter = new RateLimiter();
        final HttpClient http;
        final Map<String, VenueInstrument> byVenueSymbol = new ConcurrentHashMap<>();

        Network(VenueEndpoints endpoints, HttpClient http) {
            this.endpoints = endpoints;
            this.http = http;
            ipLimiter.limit("REQUEST_WEIGHT_1M", RateLimiter.Counts.WEIGHT, 60_000, DEFAULT_WEIGHT_PER_MINUTE);
        }

        /** The last exchangeInfo answer's rateLimits, and how many times they were published. */
        private volatile JsonNode rateLimits;
        private final AtomicInteger rateLimitsVersion = new AtomicInteger();

        /** Takes the venue's published limits: weight for every client now, order counts for each account's next order. */
        void publishLimits(JsonNode exchangeInfo) {
            BinanceReferenceData.applyRateLimits(exchangeInfo, ipLimiter, null);
            rateLimits = exchangeInfo;
            rateLimitsVersion.incrementAndGet();
        }

        JsonNode rateLimits() { return rateLimits; }

        int limitsVersion() { return rateLimitsVersion.get(); }

        void remember(List<VenueInstrument> instruments) {
            instruments.forEach(i -> byVenueSymbol.put(i.venueSymbol(), i));
        }

        Optional<VenueInstrument> byVenueSymbol(String venueSymbol) {
            return Optional.ofNullable(byVenueSymbol.get(venueSymbol));
        }
    }

    private final VenueSettings settings;
    private final Network live;
    private final Network testnet;

    public BinanceVenue(VenueSettings settings) {
        this.settings = settings;
        HttpClient http = RestClient.httpClient(settings.timeout());
        this.live = new Network(settings.live(), http);
        this.testnet = settings.testnet() == null ? null : new Network(settings.testnet(), http);
    }

    @Override
    public String id() { return BinanceRules.VENUE; }

    @Override
    public String name() { return "Binance"; }

    @Override
    public boolean hasTestnet() { return testnet != null; }

    @Override
    public MarketDataClient marketData(boolean useTestnet) {
        Network network = network(useTestnet);
        return new BinanceMarketData(network, rest(network, BinanceSigner.publicOnly(), new BinanceRules(null)));
    }

    @Override
    public TradingClient trading(VenueCredential credential) {
        Network network = network(credential.testnet());
        BinanceOrderLimits orderLimits = new BinanceOrderLimits(network);
        BinanceSigner signer = new BinanceSigner(credential.apiKey(), credential.apiSecret(),
                settings.recvWindow().toMillis());
        return new BinanceTrading(network, rest(network, signer, new BinanceRules(orderLimits)), signer, orderLimits,
                settings.recvWindow().toMillis());
    }

    /** The limiter every client of the network shares (for tests and monitoring). */
    RateLimiter ipLimiter(boolean useTestnet) { return network(useTestnet).ipLimiter; }

    VenueGate gate(boolean useTestnet) { return network(useTestnet).gate; }

    @Override
    public java.util.Map<String, VenueGate> gates() {
        return testnet == null ? java.util.Map.of(MAIN_NETWORK, live.gate) : java.util.Map.of(MAIN_NETWORK, live.gate, TEST_NETWORK, testnet.gate);
    }

    private Network network(boolean useTestnet) {
        if (useTestnet && testnet == null) throw new IllegalArgumentException("no Binance testnet endpoints configured");
        return useTestnet ? testnet : live;
    }

    /** A REST client for one key (or none) on the network: its own breaker and clock offset, the network's gate. */
    private RestClient rest(Network network, BinanceSigner signer, BinanceRules rules) {
        RestClient[] self = new RestClient[1];
        RestClient.Policy policy = new RestClient.Policy(4, settings.timeout(), 100, 2_000);
        self[0] = new RestClient(network.endpoints.rest(), network.http, signer, rules, network.ipLimiter, network.gate,
                new CircuitBreaker(5, 10_000, System::currentTimeMillis), new ClockOffset(), Sleeper.REAL, policy,
                () -> self[0].send(RestCall.publicGet("/api/v3/time", Map.of(), 1)).path("serverTime").asLong());
        return self[0];
    }
}
