package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.kraken.KrakenFixture;

/** The kraken adapter against its fake: conformance matrix, robustness half. */
class KrakenRobustnessConformanceTest extends RobustnessConformance {
    @Override
    protected VenueFixture fixture() { return new KrakenFixture(); }
}
