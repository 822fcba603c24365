package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.binance.BinanceFixture;

/** The binance adapter against its fake: conformance matrix, trading half. */
class BinanceTradingConformanceTest extends TradingConformance {
    @Override
    protected VenueFixture fixture() { return new BinanceFixture(); }
}
