package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.bybit.BybitFixture;

/** The bybit adapter against its fake: conformance matrix, robustness half. */
class BybitRobustnessConformanceTest extends RobustnessConformance {
    @Override
    protected VenueFixture fixture() { return new BybitFixture(); }
}
