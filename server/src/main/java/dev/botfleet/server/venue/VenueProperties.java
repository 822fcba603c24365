package dev.botfleet.server.venue;

import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * {@code botfleet.venues.<id>.*}: where each real venue lives (mainnet and testnet REST, market stream, user stream),
 * whether it is enabled, and how patient to be with it. Every URL can point at a proxy, a regional endpoint, a testnet
 * or a local server.
 */
@ConfigurationProperties("botfleet")
public record VenueProperties(Map<String, Venue> venues) {

    public VenueProperties {
        venues = venues == null ? Map.of() : Map.copyOf(venues);
    }

    /**
     * @param instrumentsMaxAge how old the instrument list may get before it is loaded again
     * @param tier Kraken only: the account's verification tier (starter, intermediate, pro), which sets its rate
     *             limits; Kraken reports it nowhere, so the operator says it (default starter, the strictest)
     * @param publicRest CoinDCX only: its second host for public market data (candles, order book)
     */
    public record Venue(boolean enabled, String rest, String marketStream, String userStream, Testnet testnet,
                        Duration recvWindow, Duration timeout, Duration instrumentsMaxAge, String tier,
                        String publicRest) {
        public VenueSettings settings() {
            VenueEndpoints live = new VenueEndpoints(rest, marketStream, userStream);
            VenueEndpoints test = testnet == null ? null
                    : new VenueEndpoints(testnet.rest(), testnet.marketStream(), testnet.userStream());
            return new VenueSettings(live, test, recvWindow == null ? Duration.ofSeconds(5) : recvWindow,
                    timeout == null ? Duration.ofSeconds(10) : timeout);
        }

        public Duration maxAge() { return instrumentsMaxAge == null ? Duration.ofHours(1) : instrumentsMaxAge; }
    }

    public record Testnet(String rest, String marketStream, String userStream) {
    }
}
