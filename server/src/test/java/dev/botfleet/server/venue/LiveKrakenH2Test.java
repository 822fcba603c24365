package dev.botfleet.server.venue;

import dev.botfleet.exchanges.ClientIdCodec;
import dev.botfleet.exchanges.kraken.KrakenClientIds;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.kraken.FakeKraken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server on a local Kraken (FakeKraken). */
class LiveKrakenH2Test extends LiveVenueCases {
    static final FakeKraken FAKE = new FakeKraken();

    @DynamicPropertySource
    static void venue(DynamicPropertyRegistry registry) { pointAt(registry, "kraken", FAKE); }

    @Override FakeVenue fake() { return FAKE; }

    @Override String unknownKeyCode() { return "EAPI:Invalid key"; }

    @Override String btcUsdt() { return FakeKraken.BTC_USDT; }

    @Override ClientIdCodec clientIds(String botId) { return new KrakenClientIds(botId); }

    @Override boolean hasTestnet() { return false; }

    /** Kraken's trade ids are txids: T + the number in 16 digits, grouped 5-5-6. */
    @Override String venueTradeId(long n) {
        String digits = String.format("%016d", n);
        return "T" + digits.substring(0, 5) + "-" + digits.substring(5, 10) + "-" + digits.substring(10);
    }

    @Override boolean reportsWithdrawPermission() { return false; }
}
