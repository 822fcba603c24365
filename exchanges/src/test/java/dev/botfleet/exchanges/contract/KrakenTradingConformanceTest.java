package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.kraken.KrakenFixture;

/** The kraken adapter against its fake: conformance matrix, trading half. */
class KrakenTradingConformanceTest extends TradingConformance {
    @Override
    protected VenueFixture fixture() { return new KrakenFixture(); }
}
