package dev.botfleet.exchanges;

import dev.botfleet.exchanges.http.VenueGate;

import java.util.Map;

/**
 * One venue's adapter factory. An instance is shared by every client of the venue in this process, so what the venue
 * applies per address (IP bans, Retry-After pauses, IP weight limits) is shared too.
 */
public interface Venue {
    /** The keys of {@link #gates()}: a venue's main network, and its test network where it has hosts of its own. */
    String MAIN_NETWORK = "mainnet";
    String TEST_NETWORK = "testnet";

    /** Our id, e.g. "binance". */
    String id();

    /** For people, e.g. "Binance". */
    String name();

    /** Whether a key can be marked testnet. */
    boolean hasTestnet();

    /** The public side (reference and market data), on mainnet or testnet endpoints. */
    MarketDataClient marketData(boolean testnet);

    /** The private side for one key. */
    TradingClient trading(VenueCredential credential);

    /**
     * The venue's ban/pause gates by network ({@link #MAIN_NETWORK}, and {@link #TEST_NETWORK} where it has its own), so that a
     * cluster's nodes can tell each other of a wait the venue asked of one of them ({@link VenueGate}).
     */
    default Map<String, VenueGate> gates() {
        return Map.of();
    }
}
