package dev.botfleet.engine.sim;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.Order;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.botfleet.engine.sim.SimExchangeTest.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/** STOP_MARKET orders on the simulated exchange: trigger, fill at the trigger or at the gap, taker fee. */
class SimStopTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final List<OrderEvent> events = new ArrayList<>();
    int seq;
    int bar;

    SimExchange sim(int slippageTicks) {
        SimExchange sim = new SimExchange(BTC, new SimFillModel(false, slippageTicks, 0),
                Map.of("USDT", new BigDecimal("100000"), "BTC", new BigDecimal("1")));
        sim.connect(events::add);
        return sim;
    }

    OrderSnapshot stop(OrderSide side, String trigger) {
        Order o = new Order("b", "b-" + (++seq), "sim", "BTC/USDT",
                OrderRequest.stopMarket(side, new BigDecimal("0.1"), new BigDecimal(trigger)), T0);
        o.apply(new OrderEvent.OrderSubmitted(o.clientOrderId(), T0));
        return o.snapshot();
    }

    Candle candle(double open, double high, double low, double close) {
        return new Candle("sim", "BTC/USDT", Timeframe.M1, T0.plusSeconds(60L * bar++).toEpochMilli(),
                open, high, low, close, 4);
    }

    static Tick tick(long s, double price) {
        return new Tick("sim", "BTC/USDT", T0.plusSeconds(s).toEpochMilli(), price, 1);
    }

    List<OrderFilled> fills() {
        return events.stream().filter(e -> e instanceof OrderFilled).map(e -> (OrderFilled) e).toList();
    }

    @Test
    void aStopSellCrossedInsideABarFillsAtTheTriggerAsTaker() {
        SimExchange sim = sim(0);
        sim.onCandle(candle(100, 101, 99, 100));
        sim.submit(stop(OrderSide.SELL, "95.00"));
        sim.onCandle(candle(100, 102, 90, 92));  // O-H-L-C: 100, 102, 90 (through 95), 92
        assertThat(fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(new BigDecimal("95.00"));
            assertThat(f.quantity()).isEqualByComparingTo("0.1");
            assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
            assertThat(f.fee()).isEqualByComparingTo("0.0095");  // 9.5 * 0.001 taker
        });
        assertThat(sim.balance("BTC").orElseThrow().total()).isEqualByComparingTo("0.9");
        assertThat(sim.balance("USDT").orElseThrow().total()).isEqualByComparingTo("100009.4905");
    }

    @Test
    void slippageMovesATriggerFillAgainstTheTaker() {
        SimExchange sim = sim(2);
        sim.onCandle(candle(100, 101, 99, 100));
        sim.submit(stop(OrderSide.SELL, "95.00"));
        sim.onCandle(candle(100, 102, 90, 92));
        assertThat(fills()).singleElement().extracting(OrderFilled::price).isEqualTo(new BigDecimal("94.98"));
    }

    @Test
    void aGapDownOpenBelowTheTriggerFillsAtTheOpen() {
        SimExchange sim = sim(0);
        sim.onCandle(candle(100, 101, 99, 100));
        sim.submit(stop(OrderSide.SELL, "95.00"));
        sim.onCandle(candle(90, 93, 88, 91));  // the previous close was 100: the market gapped past 95
        assertThat(fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(new BigDecimal("90.00"));
            assertThat(f.fee()).isEqualByComparingTo("0.009");
        });
    }

    @Test
    void aStopBuyCrossedInsideABarFillsAtTheTrigger() {
        SimExchange sim = sim(0);
        sim.onCandle(candle(100, 101, 99, 100));
        sim.submit(stop(OrderSide.BUY, "105.00"));
        sim.onCandle(candle(100, 110, 99, 108));  // O-L-H-C: 100, 99, 110 (through 105), 108
        assertThat(fills()).singleElement().satisfies(f -> {
            assertThat(f.side()).isEqualTo(OrderSide.BUY);
            assertThat(f.price()).isEqualTo(new BigDecimal("105.00"));
            assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
        });
        assertThat(sim.balance("USDT").orElseThrow().total()).isEqualByComparingTo("99989.4895");  // 10.5 + 0.0105
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("99989.4895");  // reserve freed
    }

    @Test
    void aGapUpOpenAboveABuyTriggerFillsAtTheOpen() {
        SimExchange sim = sim(1);
        sim.onCandle(candle(100, 101, 99, 100));
        sim.submit(stop(OrderSide.BUY, "105.00"));
        sim.onCandle(candle(107, 109, 106, 108));
        assertThat(fills()).singleElement().extracting(OrderFilled::price).isEqualTo(new BigDecimal("107.01"));
    }

    @Test
    void anUntriggeredStopStaysAcceptedWithItsReserve() {
        SimExchange sim = sim(0);
        sim.onCandle(candle(100, 101, 99, 100));
        OrderSnapshot sell = stop(OrderSide.SELL, "95.00");
        OrderSnapshot buy = stop(OrderSide.BUY, "105.00");
        sim.submit(sell);
        sim.submit(buy);
        sim.onCandle(candle(100, 104.99, 95.01, 100));
        assertThat(fills()).isEmpty();
        assertThat(sim.query(sell.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(sim.query(buy.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(sim.balance("BTC").orElseThrow().available()).isEqualByComparingTo("0.9");
        // a stop buy reserves at its trigger plus the market margin (1%), with the fee: 0.1 * 106.05 * 1.001
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("99989.384395");
    }

    @Test
    void cancelingAStopReleasesItsReserve() {
        SimExchange sim = sim(0);
        sim.onTick(tick(0, 100));
        OrderSnapshot sell = stop(OrderSide.SELL, "95.00");
        sim.submit(sell);
        sim.cancel(sell.clientOrderId());
        assertThat(events.getLast()).isInstanceOf(OrderEvent.OrderCanceled.class);
        assertThat(sim.balance("BTC").orElseThrow().available()).isEqualByComparingTo("1");
        sim.onTick(tick(1, 80));
        assertThat(fills()).isEmpty();
    }

    @Test
    void ticksAreContinuousExceptTheFirst() {
        SimExchange sim = sim(0);
        sim.submit(stop(OrderSide.SELL, "95.00"));
        sim.onTick(tick(0, 93));  // the first trade this exchange sees: no known path, fills at the trade
        assertThat(fills()).singleElement().extracting(OrderFilled::price).isEqualTo(new BigDecimal("93.00"));

        sim.submit(stop(OrderSide.SELL, "90.00"));
        sim.onTick(tick(1, 91));
        sim.onTick(tick(2, 85));  // 91 -> 85 passes through 90
        assertThat(fills()).hasSize(2).last().extracting(OrderFilled::price).isEqualTo(new BigDecimal("90.00"));
    }

    @Test
    void aStopPlacedAlreadyPastItsTriggerFillsAtTheNextTrade() {
        SimExchange sim = sim(0);
        sim.onTick(tick(0, 90));
        sim.submit(stop(OrderSide.SELL, "95.00"));
        sim.onTick(tick(1, 89));  // never traded through 95 after it arrived: no trigger price to be had
        assertThat(fills()).singleElement().extracting(OrderFilled::price).isEqualTo(new BigDecimal("89.00"));
    }

    @Test
    void aRestingLimitFarAwayDoesNotHideAStopFromTheQuietBand() {
        SimExchange sim = sim(0);
        sim.onTick(tick(0, 100));
        sim.submit(limitSell("200.00"));
        sim.submit(stop(OrderSide.SELL, "95.00"));
        sim.onTick(tick(1, 99));
        assertThat(fills()).isEmpty();
        sim.onTick(tick(2, 94));
        assertThat(fills()).singleElement().extracting(OrderFilled::price).isEqualTo(new BigDecimal("95.00"));
    }

    /** A plain resting limit next to the stops. */
    OrderSnapshot limitSell(String price) {
        Order o = new Order("b", "b-" + (++seq), "sim", "BTC/USDT",
                OrderRequest.limit(OrderSide.SELL, new BigDecimal("0.1"), new BigDecimal(price)), T0);
        o.apply(new OrderEvent.OrderSubmitted(o.clientOrderId(), T0));
        return o.snapshot();
    }
}
