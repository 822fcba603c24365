package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.bybit.BybitFixture;

/** The bybit adapter against its fake: conformance matrix, trading half. */
class BybitTradingConformanceTest extends TradingConformance {
    @Override
    protected VenueFixture fixture() { return new BybitFixture(); }
}
