package dev.botfleet.exchanges.kraken;

import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueSettings;
import dev.botfleet.exchanges.contract.VenueFixture;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.kraken.FakeKraken;
import dev.botfleet.fakes.kraken.KrakenLimits;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Kraken for the conformance suite: {@link FakeKraken} on loopback and a {@link KrakenVenue} pointed at it, 2 s
 * timeouts. IOC is offered; post-only is not (our order model has none); there is no testnet. Kraken tells no key its
 * tier, so the operator configures it: here the adapter's tier is whatever the fake's limits are at the moment (a
 * test that lowers them configures the adapter the same way an operator would).
 */
public final class KrakenFixture implements VenueFixture {

    @Override
    public String venue() { return "kraken"; }

    @Override
    public FakeVenue startFake() { return new FakeKraken(); }

    @Override
    public Venue venue(FakeVenue fake) {
        VenueEndpoints endpoints = new VenueEndpoints(fake.restUrl(), fake.marketStreamUrl(), fake.userStreamUrl());
        KrakenLimits limits = ((FakeKraken) fake).limits();
        return new KrakenVenue(new VenueSettings(endpoints, null, Duration.ofSeconds(5), Duration.ofSeconds(2)),
                () -> new KrakenTier(limits.callMax, limits.callDecayPerSecond, limits.tradeThreshold,
                        limits.tradeDecayPerSecond));
    }

    @Override
    public Set<Ability> abilities() { return EnumSet.of(Ability.IOC); }

    @Override
    public String btcUsdt() { return FakeKraken.BTC_USDT; }
}
