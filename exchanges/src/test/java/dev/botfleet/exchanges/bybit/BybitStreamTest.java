package dev.botfleet.exchanges.bybit;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Quote;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderAccepted;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.exchanges.MarketDataClient;
import dev.botfleet.exchanges.MarketStreamListener;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.UserStreamListener;
import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.StandardSetup;
import dev.botfleet.fakes.bybit.FakeBybit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.botfleet.exchanges.bybit.BybitAdapterTest.order;
import static org.assertj.core.api.Assertions.assertThat;

/** The adapter's streams against {@link FakeBybit}: private fills and order events, public ticks, quotes, candles. */
class BybitStreamTest {
    private final BybitFixture fixture = new BybitFixture();
    private final FakeBybit fake = (FakeBybit) fixture.startFake();
    private final Venue venue = fixture.venue(fake);
    private final MarketDataClient market = venue.marketData(false);
    private final TradingClient trading = venue.trading(
            new VenueCredential(StandardSetup.API_KEY, StandardSetup.API_SECRET, false));
    private final VenueInstrument btc = market.instruments().stream()
            .filter(i -> i.symbol().equals("BTC/USDT")).findFirst().orElseThrow();

    @AfterEach
    void close() { fake.close(); }

    @Test
    void theUserStreamDeliversTheAckAndEachFillOnceWithFeeAssetEvenWhenReportedTwice() {
        UserEvents events = new UserEvents();
        try (StreamHandle stream = trading.openUserStream(events)) {
            Await.until("subscribed", () -> stream.connected() && fake.subscribedUserStreams() == 1);
            fake.faults().arm(Faults.Kind.DUPLICATE_EXECUTION_REPORTS, 10);
            trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49990", "0.002"), "botUx1");
            fake.engine().printTrade("BTCUSDT", "49990", "0.0005");
            fake.engine().printTrade("BTCUSDT", "49990", "0.0015");
            // Balances follow each fill's reports on the same socket: once BTC shows both fills, every report is in.
            Await.until("BTC balance after both fills", () -> events.balances.stream()
                    .anyMatch(b -> b.asset().equals("BTC") && b.total().compareTo(new BigDecimal("1.001998")) == 0));

            List<OrderFilled> fills = events.of(OrderFilled.class);
            assertThat(fills).extracting(OrderFilled::quantity).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("0.0005"), new BigDecimal("0.0015"));
            assertThat(fills).allSatisfy(f -> {
                assertThat(f.clientOrderId()).isEqualTo("botUx1");
                assertThat(f.feeCurrency()).isEqualTo("BTC");
                assertThat(f.fee()).isEqualByComparingTo(f.quantity().multiply(new BigDecimal("0.001")));
            });
            assertThat(events.of(OrderAccepted.class)).singleElement()
                    .satisfies(a -> assertThat(a.exchangeOrderId()).isNotBlank());
            assertThat(events.symbols).containsOnly("BTC/USDT");
        }
    }

    @Test
    void theUserStreamReconnectsResubscribesAndSaysSo() {
        UserEvents events = new UserEvents();
        try (StreamHandle stream = trading.openUserStream(events)) {
            Await.until("subscribed", () -> stream.connected() && fake.subscribedUserStreams() == 1);
            trading.place(btc, order(OrderSide.SELL, OrderType.LIMIT, TimeInForce.GTC, "50100", "0.001"), "botUx2");
            fake.dropUserStreams();
            Await.until("reconnected", () -> events.reconnected.get() == 1 && stream.connected()
                    && fake.subscribedUserStreams() == 1);
            assertThat(events.disconnected.get()).isPositive();
            fake.engine().printTrade("BTCUSDT", "50100", "0.001");
            Await.until("fill after the reconnect", () -> events.of(OrderFilled.class).size() == 1);
            assertThat(events.of(OrderFilled.class).getFirst().feeCurrency()).isEqualTo("USDT");
        }
    }

    @Test
    void aLoginRefusedForADriftedClockIsRetriedWithTheVenuesTime() {
        fake.clock().skew(60_000);
        UserEvents events = new UserEvents();
        try (StreamHandle stream = trading.openUserStream(events)) {
            Await.until("subscribed despite the drift", () -> stream.connected() && fake.subscribedUserStreams() == 1);
        }
    }

    @Test
    void theMarketStreamDeliversTicksQuotesAndClosedCandles() {
        MarketEvents events = new MarketEvents();
        try (StreamHandle stream = market.openMarketStream(Set.of(btc), events)) {
            Await.until("book snapshot after subscribing", () -> !events.quotes.isEmpty());
            long tradeTime = fake.clock().getAsLong();
            fake.engine().printTrade("BTCUSDT", "50010", "0.3");
            Await.until("tick", () -> events.ticks.stream().anyMatch(t -> t.price() == 50010.0));
            Tick tick = events.ticks.getLast();
            assertThat(tick.symbol()).isEqualTo("BTC/USDT");
            assertThat(tick.size()).isEqualTo(0.3);
            Await.until("quote at the new price", () -> events.quotes.getLast().bid() == 50010.0);
            assertThat(events.quotes.getLast().ask()).isEqualTo(50010.01);
            assertThat(events.candles).isEmpty();

            fake.clock().skew(60_000);
            Await.until("closed candle", () -> !events.candles.isEmpty());
            Candle candle = events.candles.getFirst();
            assertThat(candle.openTime()).isEqualTo(tradeTime - Math.floorMod(tradeTime, 60_000L));
            assertThat(candle.close()).isEqualTo(50010.0);
            assertThat(candle.volume()).isEqualTo(0.3);
            assertThat(candle.symbol()).isEqualTo("BTC/USDT");
            assertThat(stream.connected()).isTrue();
        }
    }

    @Test
    void afterAReconnectTheCandlesClosedMeanwhileAreBackfilledEachOnceInOrder() {
        MarketEvents events = new MarketEvents();
        try (StreamHandle stream = market.openMarketStream(Set.of(btc), events)) {
            Await.until("book snapshot after subscribing", () -> !events.quotes.isEmpty());
            long now = fake.clock().getAsLong();
            long minute = now - Math.floorMod(now, 60_000L);
            fake.engine().printTrade("BTCUSDT", "50020", "0.1");
            Await.until("tick", () -> !events.ticks.isEmpty());
            fake.dropMarketStreams();
            fake.engine().seedCandle("BTCUSDT", minute + 60_000, "50020", "50100", "49900", "50050", "2");
            fake.clock().skew(120_000);
            Await.until("reconnected", () -> events.reconnected.get() == 1);
            Await.until("two candles", () -> events.candles.size() >= 2);

            assertThat(events.candles).extracting(Candle::openTime).containsExactly(minute, minute + 60_000);
            assertThat(events.candles.get(1).high()).isEqualTo(50100.0);
            assertThat(events.candles.get(0).close()).isEqualTo(50020.0);
        }
    }

    private static final class UserEvents implements UserStreamListener {
        final List<OrderEvent> events = new CopyOnWriteArrayList<>();
        final List<String> symbols = new CopyOnWriteArrayList<>();
        final List<Balance> balances = new CopyOnWriteArrayList<>();
        final AtomicInteger reconnected = new AtomicInteger();
        final AtomicInteger disconnected = new AtomicInteger();

        @Override public void onOrderEvent(String symbol, OrderEvent event) {
            symbols.add(symbol);
            events.add(event);
        }

        @Override public void onBalance(Balance balance) { balances.add(balance); }

        @Override public void onDisconnected(String reason) { disconnected.incrementAndGet(); }

        @Override public void onStreamLive(boolean afterDrop) { if (afterDrop) reconnected.incrementAndGet(); }

        <T extends OrderEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private static final class MarketEvents implements MarketStreamListener {
        final List<Tick> ticks = new CopyOnWriteArrayList<>();
        final List<Quote> quotes = new CopyOnWriteArrayList<>();
        final List<Candle> candles = new CopyOnWriteArrayList<>();
        final AtomicInteger reconnected = new AtomicInteger();

        @Override public void onTick(Tick tick) { ticks.add(tick); }

        @Override public void onCandle(Candle candle) { candles.add(candle); }

        @Override public void onQuote(Quote quote) { quotes.add(quote); }

        @Override public void onReconnected() { reconnected.incrementAndGet(); }
    }
}
