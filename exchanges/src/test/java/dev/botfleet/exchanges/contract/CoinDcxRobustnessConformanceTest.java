package dev.botfleet.exchanges.contract;

import dev.botfleet.exchanges.coindcx.CoinDcxFixture;

/**
 * The coindcx adapter against its fake: conformance matrix, robustness half. C18 reconciles by the journaled order
 * (venue order id when acknowledged, else its attributes), not by a client order id the venue does not have.
 */
class CoinDcxRobustnessConformanceTest extends RobustnessConformance {
    @Override
    protected VenueFixture fixture() { return new CoinDcxFixture(); }
}
