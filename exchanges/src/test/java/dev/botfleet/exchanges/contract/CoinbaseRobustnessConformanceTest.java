package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.coinbase.CoinbaseFixture;

/** The coinbase adapter against its fake: conformance matrix, robustness half. */
class CoinbaseRobustnessConformanceTest extends RobustnessConformance {
    @Override
    protected VenueFixture fixture() { return new CoinbaseFixture(); }
}
