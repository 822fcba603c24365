package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.delta.DeltaFixture;

/** The delta adapter (perpetuals) against its fake: conformance matrix, trading half. */
class DeltaTradingConformanceTest extends TradingConformance {
    @Override
    protected VenueFixture fixture() { return new DeltaFixture(); }
}
