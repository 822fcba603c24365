package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.coinbase.CoinbaseFixture;

/** The coinbase adapter against its fake: conformance matrix, trading half. */
class CoinbaseTradingConformanceTest extends TradingConformance {
    @Override
    protected VenueFixture fixture() { return new CoinbaseFixture(); }
}
