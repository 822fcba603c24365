package dev.botfleet.exchanges.coinbase;

import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueSettings;
import dev.botfleet.exchanges.contract.VenueFixture;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.coinbase.FakeCoinbase;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Coinbase for the conformance suite: {@link FakeCoinbase} on loopback and a {@link CoinbaseVenue} pointed at it, the
 * CDP SDK's test key as credential, 2 s timeouts. IOC is offered (sor_limit_ioc); post-only is not (our order model has
 * none). No testnet: Coinbase's sandbox is a static mock, so the fixture configures none. Fees are charged in the
 * quote currency; there is no address ban (only 429); the timestamp window is the JWT's: a clock more than 120 s off
 * makes every token expired or not yet valid.
 */
public final class CoinbaseFixture implements VenueFixture {

    @Override
    public String venue() { return "coinbase"; }

    @Override
    public FakeVenue startFake() { return new FakeCoinbase(); }

    @Override
    public Venue venue(FakeVenue fake) {
        VenueEndpoints endpoints = new VenueEndpoints(fake.restUrl(), fake.marketStreamUrl(), fake.userStreamUrl());
        return new CoinbaseVenue(new VenueSettings(endpoints, null, Duration.ofSeconds(120), Duration.ofSeconds(2)));
    }

    @Override
    public Set<Ability> abilities() { return EnumSet.of(Ability.IOC); }

    @Override
    public String btcUsdt() { return FakeCoinbase.BTC_USDT; }

    @Override
    public boolean feesInQuote() { return true; }

    @Override
    public boolean bansAddresses() { return false; }

    @Override
    public long refusedClockSkewMillis() { return 200_000; }
}
