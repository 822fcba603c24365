package dev.botfleet.server.runtime;

import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.StandardSetup;
import dev.botfleet.fakes.binance.FakeBinance;

import java.math.BigDecimal;

/** The crash test on a spot venue: LIVE scalpers on the Binance fake (see {@link LiveCrashRestartCases}). */
class LiveCrashRestartIT extends LiveCrashRestartCases {
    @Override String venueId() { return "binance"; }

    @Override FakeVenue startFake() { return new FakeBinance(); }

    @Override String symbol() { return "BTC/USDT"; }

    @Override String venueSymbol() { return FakeBinance.BTCUSDT; }

    /** The BTC balance beyond the 1 BTC the standard account started with. */
    @Override BigDecimal venueHolding(FakeVenue fake) {
        BigDecimal[] btc = fake.engine().account(StandardSetup.API_KEY).balances().get("BTC");
        return btc[0].add(btc[1]).subtract(BigDecimal.ONE);
    }
}
