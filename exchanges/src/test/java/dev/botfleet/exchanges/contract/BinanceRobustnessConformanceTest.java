package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.binance.BinanceFixture;

/** The binance adapter against its fake: conformance matrix, robustness half. */
class BinanceRobustnessConformanceTest extends RobustnessConformance {
    @Override
    protected VenueFixture fixture() { return new BinanceFixture(); }
}
