package dev.botfleet.exchanges;

import java.time.Duration;

/**
 * How to reach one venue: mainnet and testnet endpoints, the receive window signed requests ask for, and the
 * per-request timeout.
 */
public record VenueSettings(VenueEndpoints live, VenueEndpoints testnet, Duration recvWindow, Duration timeout) {

    public VenueEndpoints endpoints(boolean useTestnet) {
        if (useTestnet && testnet == null) throw new IllegalArgumentException("this venue has no testnet");
        return useTestnet ? testnet : live;
    }
}
