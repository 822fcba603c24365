package dev.botfleet.exchanges.binance;

import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueException.Kind;
import dev.botfleet.exchanges.http.RateLimiter;

/**
 * One account's order-rate limits (rest-api.md "Unfilled Order Count": counted per account, not per address). Starts
 * from Binance's example limits and follows what exchangeInfo publishes: when the published ORDERS windows change,
 * the limiter is rebuilt with exactly those windows (a window the venue dropped must not keep holding orders back).
 */
final class BinanceOrderLimits {
    private final BinanceVenue.Network network;
    private volatile RateLimiter limiter = defaults();
    private volatile int followedVersion = -1;

    BinanceOrderLimits(BinanceVenue.Network network) {
        this.network = network;
    }

    /** Waits until one more order fits every window, then counts it. */
    void acquire() {
        int published = network.limitsVersion();
        if (published != followedVersion && network.rateLimits() != null) {
            RateLimiter fresh = new RateLimiter();
            BinanceReferenceData.applyRateLimits(network.rateLimits(), null, fresh);
            limiter = fresh;
            followedVersion = published;
        }
        try {
            limiter.acquire(0, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueException(Kind.UNAVAILABLE, BinanceRules.VENUE, null, "interrupted before placing");
        }
    }

    /** The venue's count from an X-MBX-ORDER-COUNT-* header, e.g. ("ORDERS_10S", 7). */
    void observe(String window, int used) { limiter.observe(window, used); }

    int used(String window) { return limiter.used(window); }

    /** Binance's example ORDERS limits (web-socket-api.md response example), until exchangeInfo says otherwise. */
    private static RateLimiter defaults() {
        RateLimiter l = new RateLimiter();
        l.limit("ORDERS_10S", RateLimiter.Counts.ORDERS, 10_000, 50);
        l.limit("ORDERS_1D", RateLimiter.Counts.ORDERS, 86_400_000, 160_000);
        return l;
    }
}
