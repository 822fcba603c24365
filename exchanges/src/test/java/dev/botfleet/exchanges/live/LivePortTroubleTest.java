package dev.botfleet.exchanges.live;

import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.exchanges.InstrumentCache;
import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.binance.BinanceFixture;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.StandardSetup;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** A venue that keeps refusing orders (here: an IP ban) earns the bot warnings first, then an ERROR with the reason. */
class LivePortTroubleTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        volatile Instant now = Instant.now();

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(java.time.ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }

    static OrderSnapshot buy(String id) {
        Instant t = Instant.now();
        return new OrderSnapshot("bot1", id, null, "binance", "BTC/USDT", OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal("49000.00"), new BigDecimal("0.001"), OrderStatus.SUBMITTED, BigDecimal.ZERO, null,
                Map.of(), BigDecimal.ZERO, null, null, false, t, t);
    }

    @Test
    void aVenueThatKeepsRefusingWarnsThenFailsTheBot() throws Exception {
        BinanceFixture fixture = new BinanceFixture();
        try (FakeVenue fake = fixture.startFake()) {
            Venue venue = fixture.venue(fake);
            InstrumentCache instruments = new InstrumentCache(venue.marketData(false), 60_000, System::currentTimeMillis);
            assertThat(instruments.refresh()).isTrue();
            VenueInstrument btc = instruments.find("BTC/USDT").orElseThrow();
            List<OrderEvent> events = new CopyOnWriteArrayList<>();
            List<String> alarms = new CopyOnWriteArrayList<>();
            VenueAlarm alarm = new VenueAlarm() {
                @Override public void warning(String message) { alarms.add("WARNING " + message); }

                @Override public void failed(String message) { alarms.add("FAILED " + message); }
            };
            HandClock clock = new HandClock();
            try (AccountSession account = new AccountSession(venue.trading(new VenueCredential(StandardSetup.API_KEY,
                    StandardSetup.API_SECRET, false)))) {
                account.open();
                // The stream's first going-live backfills the bot's open orders; let it pass before the venue bans us,
                // so the alarms below are the submits' alone.
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (account.timesLive() == 0 && System.nanoTime() < deadline) {
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                }
                assertThat(account.timesLive()).isPositive();
                LivePort port = new LivePort(account, () -> btc, "bot1", events::add, alarm, clock,
                        Executors.newVirtualThreadPerTaskExecutor(), Duration.ofMinutes(2));
                fake.faults().banUntil(fake.clock().getAsLong() + 600_000);

                port.submit(buy("bot1-1"));
                assertThat(port.awaitSent(10_000)).isTrue();
                clock.now = clock.now.plus(Duration.ofSeconds(90));
                port.submit(buy("bot1-2"));
                assertThat(port.awaitSent(10_000)).isTrue();
                assertThat(alarms).hasSize(2).allMatch(a -> a.startsWith("WARNING"));

                clock.now = clock.now.plus(Duration.ofSeconds(60));
                port.submit(buy("bot1-3"));
                assertThat(port.awaitSent(10_000)).isTrue();
                assertThat(alarms.getLast()).startsWith("FAILED").contains("150 s").contains("banned");
                assertThat(events).filteredOn(e -> e instanceof OrderEvent.OrderRejected).hasSize(3);
                assertThat(fake.engine().acceptedClientIds()).isEmpty();
            }
        }
    }
}
