package dev.botfleet.server.runtime;

import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.delta.FakeDelta;

import java.math.BigDecimal;

/**
 * The crash test on a perpetual futures venue: LIVE scalpers at 2x on the Delta Exchange fake, whose margin ledger
 * holds one position for the key (see {@link LiveCrashRestartCases}). Exits go out reduce-only; the venue's dead-man
 * switch is renewed by each new server process.
 */
class PerpetualCrashRestartIT extends LiveCrashRestartCases {
    @Override String venueId() { return "delta"; }

    @Override FakeVenue startFake() { return new FakeDelta(); }

    @Override String symbol() { return "BTC/USD"; }

    @Override String venueSymbol() { return FakeDelta.BTCUSD; }

    @Override String extraBotFields() { return "\"leverage\":\"2\","; }

    /** Two contracts, so a one-contract trade fills an order in part. */
    @Override String botQuantity() { return "0.002"; }

    @Override String partialQuantity() { return "0.001"; }

    /** The key's position on the venue: the bots' longs and shorts together. */
    @Override BigDecimal venueHolding(FakeVenue fake) {
        FakeDelta delta = (FakeDelta) fake;
        return delta.ledger().position(delta.account(), FakeDelta.BTCUSD).size();
    }
}
