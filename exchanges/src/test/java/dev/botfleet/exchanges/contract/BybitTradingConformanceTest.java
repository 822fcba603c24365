package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.bybit.BybitFixture;

/** The bybit adapter against its fake: conformance matrix, trading half. */
class BybitTradingConformanceTest extends TradingConformance {
    @Override
    protected VenueFixture fixture() { return new BybitFixture(); }

    @Override
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Disabled("Known gap (issue 10, open): the Bybit instrument list lacks a standard market here; see docs/exchanges.md")
    void c01_instrumentsAreMappedAndSymbolsRoundTrip() {
    }
}
