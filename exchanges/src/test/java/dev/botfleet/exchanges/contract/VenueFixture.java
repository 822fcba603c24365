package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.Venue;
import dev.botfleet.fakes.FakeVenue;

import java.util.Set;

/**
 * What the conformance suite needs from one venue: its fake (started with {@code StandardSetup}'s markets and account)
 * and the adapter configured against it. One implementation per venue.
 */
public interface VenueFixture {
    /** Optional abilities a venue may lack; the suite checks that the adapter refuses them clearly. */
    enum Ability { IOC, POST_ONLY, TESTNET }

    String venue();

    /** Starts the fake on loopback ports, with the standard markets listed and the standard account opened. */
    FakeVenue startFake();

    /** The adapter factory pointed at the fake (live and testnet endpoints both at the fake), short timeouts. */
    Venue venue(FakeVenue fake);

    Set<Ability> abilities();

    /** The venue's name of BTC/USDT, e.g. "BTCUSDT". */
    String btcUsdt();

    /** The venue charges every fill's commission in the quote asset (Coinbase), not in the asset received. */
    default boolean feesInQuote() { return false; }

    /** The venue bans an address that breaks its limits (Binance 418, Bybit 403); else it only answers 429. */
    default boolean bansAddresses() { return true; }

    /** A clock skew the venue's timestamp check refuses (Coinbase: beyond the JWT's 120 s lifetime). */
    default long refusedClockSkewMillis() { return 20_000; }
}
