package dev.botfleet.exchanges.binance;

import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueSettings;
import dev.botfleet.exchanges.contract.VenueFixture;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.binance.FakeBinance;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Binance for the conformance suite: the fake on loopback, the adapter with mainnet and testnet endpoints both
 * pointing at it, 2 s timeouts and a 5 s receive window. The engine's order types offer no post-only, so neither does
 * the adapter (Binance itself has LIMIT_MAKER).
 */
public final class BinanceFixture implements VenueFixture {
    @Override
    public String venue() { return "binance"; }

    @Override
    public FakeVenue startFake() { return new FakeBinance(); }

    @Override
    public Venue venue(FakeVenue fake) { return new BinanceVenue(settings(fake)); }

    static VenueSettings settings(FakeVenue fake) {
        VenueEndpoints endpoints = new VenueEndpoints(fake.restUrl(), fake.marketStreamUrl(), fake.userStreamUrl());
        return new VenueSettings(endpoints, endpoints, Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    @Override
    public Set<Ability> abilities() { return EnumSet.of(Ability.IOC, Ability.TESTNET); }

    @Override
    public String btcUsdt() { return FakeBinance.BTCUSDT; }
}
