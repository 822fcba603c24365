package dev.botfleet.server.venue;

import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.bybit.FakeBybit;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server on a local Bybit (FakeBybit). */
class LiveBybitH2Test extends LiveVenueCases {
    static final FakeBybit FAKE = new FakeBybit();

    @DynamicPropertySource
    static void venue(DynamicPropertyRegistry registry) { pointAt(registry, "bybit", FAKE); }

    @Override FakeVenue fake() { return FAKE; }

    @Override String unknownKeyCode() { return "10003"; }
}
