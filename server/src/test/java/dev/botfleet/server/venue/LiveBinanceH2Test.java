package dev.botfleet.server.venue;

import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.binance.FakeBinance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server on a local Binance (FakeBinance). */
class LiveBinanceH2Test extends LiveVenueCases {
    static final FakeBinance FAKE = new FakeBinance();

    @DynamicPropertySource
    static void venue(DynamicPropertyRegistry registry) { pointAt(registry, "binance", FAKE); }

    @Override FakeVenue fake() { return FAKE; }

    @Override String unknownKeyCode() { return "-2015"; }
}
