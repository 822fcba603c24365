package dev.botfleet.engine.sim;

import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Order;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.botfleet.engine.sim.SimExchangeTest.BTC;
import static dev.botfleet.engine.sim.SimExchangeTest.T0;
import static dev.botfleet.engine.sim.SimExchangeTest.limit;
import static dev.botfleet.engine.sim.SimExchangeTest.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the simulated exchange refuses, restores and reports; its markets, clock and price feed. */
class SimAccountingTest {
    final List<OrderEvent> events = new ArrayList<>();

    SimExchange sim() {
        SimExchange sim = new SimExchange(BTC, SimFillModel.DEFAULT, Map.of("USDT", new BigDecimal("100000"),
                "BTC", new BigDecimal("1")));
        sim.connect(events::add);
        return sim;
    }

    static OrderSnapshot snapshot(String id, String symbol, OrderSide side, OrderType type, String qty, String price,
                                  String trigger, OrderStatus status, String filled, boolean acknowledged) {
        return new OrderSnapshot("b", id, null, "sim", symbol, side, type, TimeInForce.GTC,
                price == null ? null : new BigDecimal(price), new BigDecimal(qty), status, new BigDecimal(filled),
                null, Map.of(), BigDecimal.ZERO, (CloseReason) null, null, acknowledged, T0, T0,
                trigger == null ? null : new BigDecimal(trigger));
    }

    static OrderSnapshot buy(String id, String qty, String price) {
        return snapshot(id, "BTC/USDT", OrderSide.BUY, OrderType.LIMIT, qty, price, null, OrderStatus.SUBMITTED, "0",
                false);
    }

    String rejection(OrderSnapshot o) {
        events.clear();
        SimExchange sim = sim();
        sim.onTick(tick(0, 64000, 1));
        sim.submit(o);
        assertThat(sim.query(o.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.REJECTED);
        return ((OrderEvent.OrderRejected) events.getLast()).reason();
    }

    @Test
    void ordersTheAccountCannotTradeAreRejectedWithTheReason() {
        assertThat(rejection(snapshot("b-1", "ETH/USDT", OrderSide.BUY, OrderType.LIMIT, "0.1", "3000.00", null,
                OrderStatus.SUBMITTED, "0", false))).isEqualTo("symbol ETH/USDT is not traded on this account");
        assertThat(rejection(buy("b-2", "0", "64000.00"))).isEqualTo("invalid quantity 0");
        assertThat(rejection(buy("b-3", "0.000015", "64000.00"))).isEqualTo("invalid quantity 0.000015");
        assertThat(rejection(buy("b-4", "0.1", "0"))).isEqualTo("invalid price 0");
        assertThat(rejection(buy("b-5", "0.1", "64000.005"))).isEqualTo("invalid price 64000.005");
        assertThat(rejection(snapshot("b-6", "BTC/USDT", OrderSide.SELL, OrderType.STOP_MARKET, "0.1", null, "0",
                OrderStatus.SUBMITTED, "0", false))).isEqualTo("invalid trigger price 0");
        assertThat(rejection(snapshot("b-7", "BTC/USDT", OrderSide.SELL, OrderType.STOP_MARKET, "0.1", null, null,
                OrderStatus.SUBMITTED, "0", false))).isEqualTo("invalid trigger price null");
        assertThat(rejection(snapshot("b-8", "BTC/USDT", OrderSide.SELL, OrderType.STOP_MARKET, "0.1", null,
                "1.005", OrderStatus.SUBMITTED, "0", false))).isEqualTo("invalid trigger price 1.005");
    }

    @Test
    void aRejectedOrderReservesNothing() {
        SimExchange sim = sim();
        sim.submit(buy("b-1", "0.1", "0"));
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("100000");
    }

    @Test
    void aCancelOfAnUnknownOrderIsRefused() {
        SimExchange sim = sim();
        sim.onTick(tick(3, 64000, 1));
        sim.cancel("b-9");
        assertThat(events).singleElement().isEqualTo(new OrderEvent.OrderCancelRejected("b-9", "unknown order",
                T0.plusSeconds(3)));
    }

    @Test
    void aCancelOfAFinishedOrderSaysWhy() {
        SimExchange sim = sim();
        sim.onTick(tick(0, 64000, 1));
        sim.submit(buy("b-1", "0.1", "63000.00"));
        sim.cancel("b-1");
        sim.cancel("b-1");
        assertThat(events.getLast()).isEqualTo(new OrderEvent.OrderCancelRejected("b-1", "order is already CANCELED",
                T0));
    }

    @Test
    void aRestoredPartlyFilledOrderReservesOnlyItsRestAndKeepsItsFilledQuantity() {
        SimExchange sim = sim();
        sim.restore(List.of(
                snapshot("b-1", "BTC/USDT", OrderSide.BUY, OrderType.LIMIT, "0.3", "50000.00", null,
                        OrderStatus.PARTIALLY_FILLED, "0.1", true),
                snapshot("b-2", "BTC/USDT", OrderSide.SELL, OrderType.LIMIT, "0.4", "70000.00", null,
                        OrderStatus.ACCEPTED, "0", true),
                snapshot("b-3", "BTC/USDT", OrderSide.SELL, OrderType.LIMIT, "0.4", "70000.00", null,
                        OrderStatus.FILLED, "0.4", true)));
        OrderReport partly = sim.query("b-1").orElseThrow();
        assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(partly.filledQuantity()).isEqualByComparingTo("0.1");
        assertThat(partly.exchangeOrderId()).isEqualTo("sim-b-1");
        assertThat(sim.query("b-2").orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(sim.query("b-3")).isEmpty();   // not open: nothing to re-rest
        // 0.2 * 50000 * 1.001 reserved; 0.4 BTC for the sell
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("89990");
        assertThat(sim.balance("BTC").orElseThrow().available()).isEqualByComparingTo("0.6");
        // restoring again changes nothing
        sim.restore(List.of(snapshot("b-1", "BTC/USDT", OrderSide.BUY, OrderType.LIMIT, "0.3", "50000.00", null,
                OrderStatus.PARTIALLY_FILLED, "0.1", true)));
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("89990");
        // the rest fills: 0.2, and the order is complete
        sim.onTick(tick(1, 49000, 1));
        assertThat(events).singleElement().isInstanceOfSatisfying(OrderEvent.OrderFilled.class,
                f -> assertThat(f.quantity()).isEqualByComparingTo("0.2"));
        assertThat(sim.query("b-1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void aRestoredStopReservesAtItsTriggerAndStillTriggers() {
        SimExchange sim = sim();
        sim.restore(List.of(snapshot("b-1", "BTC/USDT", OrderSide.BUY, OrderType.STOP_MARKET, "0.1", null,
                "50000.00", OrderStatus.ACCEPTED, "0", true)));
        // 0.1 * 50000 * 1.01 (margin) * 1.001 (fee)
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("94944.95");
        sim.onTick(tick(1, 49000, 1));
        sim.onTick(tick(2, 50500, 1));
        assertThat(events).singleElement().isInstanceOfSatisfying(OrderEvent.OrderFilled.class,
                f -> assertThat(f.price()).isEqualByComparingTo("50000.00"));
    }

    @Test
    void theExchangeDescribesItself() {
        SimExchange sim = sim();
        assertThat(sim.exchange()).isEqualTo("sim");
        assertThat(sim.instrument()).isEqualTo(BTC);
        assertThat(sim.lastPrice()).isNaN();
        sim.onTick(tick(0, 64000.5, 1));
        assertThat(sim.lastPrice()).isEqualTo(64000.5);
        assertThat(sim.balances()).containsOnlyKeys("USDT", "BTC");
        assertThat(sim.balances().get("BTC").available()).isEqualByComparingTo("1");
    }

    @Test
    void theSimMarketsAreFoundBySymbol() {
        assertThat(SimMarkets.find("ETH/USDT")).hasValueSatisfying(m ->
                assertThat(m.instrument().baseAsset()).isEqualTo("ETH"));
        assertThat(SimMarkets.find("SOL/USDT")).hasValueSatisfying(m ->
                assertThat(m.instrument().symbol()).isEqualTo("SOL/USDT"));
        assertThat(SimMarkets.find("DOGE/USDT")).isEmpty();
        assertThat(SimMarkets.instruments()).extracting(i -> i.symbol())
                .containsExactly("BTC/USDT", "ETH/USDT", "SOL/USDT");
    }

    // ---------------------------------------------------------------- clock and feed

    @Test
    void aScaledClockIsUtcAndNeedsAPositiveSpeed() {
        Instant base = Instant.parse("2026-05-01T00:00:00Z");
        Clock fixed = Clock.fixed(base.plusMillis(1500), ZoneOffset.UTC);
        Clock scaled = SimClock.scaled(fixed, base, T0, 2);
        assertThat(scaled.instant()).isEqualTo(T0.plusSeconds(3));
        assertThat(scaled.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(scaled.withZone(ZoneId.of("Europe/Paris")).instant()).isEqualTo(T0.plusSeconds(3));
        assertThat(SimClock.scaled(fixed, base, T0, 0.5).millis()).isEqualTo(T0.toEpochMilli() + 750);
        assertThatThrownBy(() -> SimClock.scaled(fixed, base, T0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimClock.scaled(fixed, base, T0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFeedNeedsATickIntervalOfAtLeastOneMillisecond() {
        assertThatThrownBy(() -> new SimPriceFeed(SimMarkets.ALL, 1, Duration.ZERO, T0.toEpochMilli()))
                .isInstanceOf(IllegalArgumentException.class);
        SimPriceFeed feed = new SimPriceFeed(SimMarkets.ALL, 1, Duration.ofMillis(1), T0.toEpochMilli());
        assertThat(feed.nextTickAt()).isEqualTo(T0.toEpochMilli());
        feed.advanceTo(T0.toEpochMilli() + 9, new MarketDataListener() {
            @Override public void onTick(Tick tick) { }
            @Override public void onCandle(Candle candle) { }
        });
        assertThat(feed.nextTickAt()).isEqualTo(T0.toEpochMilli() + 10);
        assertThatThrownBy(() -> feed.price("DOGE/USDT")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tradesAreAboutFiveHundredQuoteUnitsOnTheLotGridAndCandlesAddUpTheirVolume() {
        SimPriceFeed feed = new SimPriceFeed(List.of(SimMarkets.find("ETH/USDT").orElseThrow()), 5,
                Duration.ofMillis(250), T0.toEpochMilli());
        List<Tick> ticks = new ArrayList<>();
        List<Candle> candles = new ArrayList<>();
        feed.advanceTo(T0.toEpochMilli() + 600_000, new MarketDataListener() {
            @Override public void onTick(Tick tick) { ticks.add(tick); }
            @Override public void onCandle(Candle candle) { candles.add(candle); }
        });
        double meanValue = ticks.stream().mapToDouble(t -> t.price() * t.size()).average().orElseThrow();
        // lognormal sizes around 500 quote units: mean 500 * e^0.5, about 824
        assertThat(meanValue).isBetween(600.0, 1100.0);
        for (Tick t : ticks) {
            assertThat(BigDecimal.valueOf(t.size()).remainder(new BigDecimal("0.0001")).doubleValue())
                    .as("%s on the lot grid", t).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(t.size()).isGreaterThanOrEqualTo(0.0001);
        }
        Candle first = candles.getFirst();
        double minuteVolume = ticks.stream().filter(t -> t.timestamp() < first.closeTime()).mapToDouble(Tick::size).sum();
        assertThat(first.volume()).isCloseTo(minuteVolume, org.assertj.core.data.Offset.offset(1e-6));
        // ten minutes at 4% a day hardly move the price
        assertThat(feed.price("ETH/USDT")).isBetween(3000.0, 3400.0);
    }
}
