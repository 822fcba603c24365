package dev.botfleet.exchanges.coindcx;

import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.exchanges.InstrumentCache;
import dev.botfleet.exchanges.MarketDataClient;
import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.StandardSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real restart: the process that placed the orders is gone, and a new client (empty placement book) reconciles
 * from the journal alone — by venue order id when acknowledged, else by attributes — and says so when two venue
 * orders look the same. What the shared C18 cannot show, as its bots share one client.
 */
class CoinDcxRestartTest {
    private final CoinDcxFixture fixture = new CoinDcxFixture();
    private final FakeVenue fake = fixture.startFake();
    private final Venue venue = fixture.venue(fake);
    private final MarketDataClient market = venue.marketData(false);
    private final VenueCredential key = new VenueCredential(StandardSetup.API_KEY, StandardSetup.API_SECRET, false);

    @AfterEach
    void close() {
        market.close();
        fake.close();
    }

    private VenueInstrument btc() {
        InstrumentCache cache = new InstrumentCache(market, 60_000, System::currentTimeMillis);
        cache.refresh();
        return cache.find("BTC/USDT").orElseThrow();
    }

    private static OrderSnapshot order(String id, String price, Instant createdAt, String exchangeOrderId) {
        return new OrderSnapshot("bot", id, exchangeOrderId, "coindcx", "BTC/USDT", OrderSide.BUY, OrderType.LIMIT,
                TimeInForce.GTC, new BigDecimal(price), new BigDecimal("0.001"), OrderStatus.SUBMITTED, BigDecimal.ZERO,
                null, Map.of(), BigDecimal.ZERO, null, null, exchangeOrderId != null, createdAt, createdAt);
    }

    @Test
    void aNewProcessFindsItsOrdersFromTheJournalAndNeverTheOtherOnesTwice() {
        VenueInstrument btc = btc();
        Instant journaled = Instant.ofEpochMilli(fake.clock().getAsLong());
        OrderSnapshot acked = order("bot-1", "49000.00", journaled, null);
        OrderSnapshot unacked = order("bot-2", "48000.00", journaled, null);
        OrderSnapshot neverSent = order("bot-3", "47000.00", journaled, null);
        String ackedId;
        try (CoinDcxTrading before = (CoinDcxTrading) venue.trading(key)) {
            ackedId = before.place(btc, acked, "v1").exchangeOrderId();
            before.place(btc, unacked, "v2"); // the answer died with the process
        }
        try (CoinDcxTrading after = (CoinDcxTrading) venue.trading(key)) {
            OrderReport byId = after.query(btc, "v1", order("bot-1", "49000.00", journaled, ackedId)).orElseThrow();
            assertThat(byId.status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(byId.exchangeOrderId()).isEqualTo(ackedId);

            OrderReport byAttributes = after.query(btc, "v2", unacked).orElseThrow();
            assertThat(byAttributes.exchangeOrderId()).isNotEqualTo(ackedId);
            assertThat(after.venueClientIdOf(byAttributes.exchangeOrderId())).isEqualTo("v2");

            assertThat(after.query(btc, "v3", neverSent)).as("never sent: the kernel may send it now").isEmpty();
            assertThat(after.warnings()).isEmpty();
        }
    }

    @Test
    void twoIdenticalVenueOrdersAdoptTheOldestWithAWarning() {
        VenueInstrument btc = btc();
        Instant journaled = Instant.ofEpochMilli(fake.clock().getAsLong());
        OrderSnapshot same = order("bot-1", "49000.00", journaled, null);
        String first;
        try (CoinDcxTrading someone = (CoinDcxTrading) venue.trading(key)) {
            first = someone.place(btc, same, "a").exchangeOrderId();
            someone.place(btc, same, "b"); // e.g. placed by hand with the same key
        }
        try (CoinDcxTrading after = (CoinDcxTrading) venue.trading(key)) {
            Optional<OrderReport> found = after.query(btc, "v1", same);
            assertThat(found.orElseThrow().exchangeOrderId()).isEqualTo(first);
            assertThat(after.warnings()).singleElement().asString().contains("2 orders").contains("oldest");
        }
    }
}
