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
}
