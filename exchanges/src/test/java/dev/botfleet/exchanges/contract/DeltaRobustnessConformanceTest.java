package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.delta.DeltaFixture;

/** The delta adapter (perpetuals) against its fake: conformance matrix, robustness half. */
class DeltaRobustnessConformanceTest extends RobustnessConformance {
    @Override
    protected VenueFixture fixture() { return new DeltaFixture(); }
}
