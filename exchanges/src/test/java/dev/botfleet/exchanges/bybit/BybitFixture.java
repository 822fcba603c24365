package dev.botfleet.exchanges.bybit;

import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueSettings;
import dev.botfleet.exchanges.contract.VenueFixture;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.bybit.FakeBybit;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Bybit for the conformance suite: {@link FakeBybit} on loopback and a {@link BybitVenue} whose mainnet and testnet
 * endpoints both point at it, with a 5 s receive window and 2 s timeouts. IOC is offered; post-only is not (our order
 * model has no post-only time in force, so the adapter never sends Bybit's PostOnly).
 */
public final class BybitFixture implements VenueFixture {

    @Override
    public String venue() { return "bybit"; }

    @Override
    public FakeVenue startFake() { return new FakeBybit(); }

    @Override
    public Venue venue(FakeVenue fake) {
        VenueEndpoints endpoints = new VenueEndpoints(fake.restUrl(), fake.marketStreamUrl(), fake.userStreamUrl());
        return new BybitVenue(new VenueSettings(endpoints, endpoints, Duration.ofSeconds(5), Duration.ofSeconds(2)));
    }

    @Override
    public Set<Ability> abilities() { return EnumSet.of(Ability.IOC, Ability.TESTNET); }

    @Override
    public String btcUsdt() { return FakeBybit.BTC_USDT; }
}
