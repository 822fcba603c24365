package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.coindcx.CoinDcxFixture;

/**
 * The coindcx adapter against its fake: conformance matrix, trading half. CoinDCX futures have no client order id, so
 * C08 and C09 hold through the adapter's placement book (see CoinDcxTrading): a lost answer is resolved from the
 * venue's order list by the order's attributes, and a second placement under one venue client id is refused locally.
 */
class CoinDcxTradingConformanceTest extends TradingConformance {
    @Override
    protected VenueFixture fixture() { return new CoinDcxFixture(); }
}
