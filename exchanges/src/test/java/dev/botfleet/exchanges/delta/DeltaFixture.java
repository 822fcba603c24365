package dev.botfleet.exchanges.delta;

import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueSettings;
import dev.botfleet.exchanges.contract.VenueFixture;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.delta.FakeDelta;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Delta India perpetuals for the conformance suite: {@link FakeDelta} on loopback and a {@link DeltaVenue} whose live
 * and testnet endpoints both point at it. The suite trades BTC/USD (product BTCUSD, one contract 0.001 BTC, tick 0.5,
 * maker 0.02 %, fees in USD); buy-then-sell opens and closes a long. IOC is offered; post-only is not (our order model
 * has no post-only time in force).
 */
public final class DeltaFixture implements VenueFixture {
    static final Listing LISTING = new Listing("0.5", "0.001", "0.001", "0", "ETH/USD", "0.01", "0.00998", "USD",
            "0.001");

    @Override
    public String venue() { return "delta"; }

    @Override
    public FakeVenue startFake() { return new FakeDelta(); }

    @Override
    public Venue venue(FakeVenue fake) {
        VenueEndpoints endpoints = new VenueEndpoints(fake.restUrl(), fake.marketStreamUrl(), fake.userStreamUrl());
        return new DeltaVenue(new VenueSettings(endpoints, endpoints, Duration.ofSeconds(5), Duration.ofSeconds(2)));
    }

    @Override
    public Set<Ability> abilities() { return EnumSet.of(Ability.IOC, Ability.TESTNET); }

    @Override
    public String btcUsdt() { return FakeDelta.BTCUSD; }

    @Override
    public String symbol() { return "BTC/USD"; }

    @Override
    public String quoteAsset() { return "USD"; }

    @Override
    public Listing listing() { return LISTING; }
}
