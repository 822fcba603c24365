package dev.botfleet.exchanges;

/**
 * One venue's adapter factory. An instance is shared by every client of the venue in this process, so what the venue
 * applies per address (IP bans, Retry-After pauses, IP weight limits) is shared too.
 */
public interface Venue {
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
}
