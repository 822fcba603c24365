package dev.botfleet.engine.sim;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.Order;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.botfleet.engine.sim.SimExchangeTest.BTC;
import static dev.botfleet.engine.sim.SimExchangeTest.T0;
import static dev.botfleet.engine.sim.SimExchangeTest.limit;
import static dev.botfleet.engine.sim.SimExchangeTest.tick;
import static org.assertj.core.api.Assertions.assertThat;

/** Who fills, at what price and how much, trade by trade and bar by bar. */
class SimMatchingTest {
    final List<OrderEvent> events = new ArrayList<>();
    int seq;

    SimExchange sim(SimFillModel model) {
        SimExchange sim = new SimExchange(BTC, model, Map.of("USDT", new BigDecimal("1000000"),
                "BTC", new BigDecimal("10")));
        sim.connect(events::add);
        return sim;
    }

    OrderSnapshot submit(SimExchange sim, OrderRequest r) {
        Order o = new Order("b", "b-" + (++seq), "sim", "BTC/USDT", r, T0);
        o.apply(new OrderEvent.OrderSubmitted(o.clientOrderId(), T0));
        sim.submit(o.snapshot());
        return o.snapshot();
    }

    List<OrderFilled> fills() {
        return events.stream().filter(e -> e instanceof OrderFilled).map(e -> (OrderFilled) e).toList();
    }

    static Candle bar(double open, double high, double low, double close, double volume) {
        return new Candle("sim", "BTC/USDT", Timeframe.M1, T0.toEpochMilli(), open, high, low, close, volume);
    }

    // ---------------------------------------------------------------- limits marketable on arrival

    @Test
    void aSellLimitBelowTheMarketTakesLiquidityAtTheNextTradePrice() {
        SimExchange sim = sim(SimFillModel.DEFAULT);
        sim.onTick(tick(0, 64000, 1));
        OrderSnapshot sell = submit(sim, limit(OrderSide.SELL, "0.1", "63900.00"));
        sim.onTick(tick(1, 63950, 1));
        assertThat(fills()).singleElement().satisfies(f -> {
            assertThat(f.clientOrderId()).isEqualTo(sell.clientOrderId());
            assertThat(f.price()).isEqualByComparingTo("63950.00");   // better than its limit
            assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
            assertThat(f.side()).isEqualTo(OrderSide.SELL);
            assertThat(f.fee()).isEqualByComparingTo("6.395");       // 6395 * 0.001
        });
        // 10 - 0.1 BTC; 1000000 + 6395 - 6.395 USDT
        assertThat(sim.balance("BTC").orElseThrow().total()).isEqualByComparingTo("9.9");
        assertThat(sim.balance("USDT").orElseThrow().total()).isEqualByComparingTo("1006388.605");
        assertThat(sim.balance("BTC").orElseThrow().available()).isEqualByComparingTo("9.9");
    }

    @Test
    void aCrossingSellWhoseNextTradeIsBelowItsLimitRestsAndLaterFillsAsMaker() {
        SimExchange sim = sim(SimFillModel.DEFAULT);
        sim.onTick(tick(0, 64000, 1));
        submit(sim, limit(OrderSide.SELL, "0.1", "63900.00"));
        sim.onTick(tick(1, 63800, 1));   // never worse than its limit: no fill
        assertThat(fills()).isEmpty();
        sim.onTick(tick(2, 63950, 1));   // now resting: filled at its limit, as maker
        assertThat(fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo("63900.00");
            assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
        });
    }

    @Test
    void aLimitExactlyAtTheLastTradeIsMarketableAndFillsAtThatPrice() {
        SimExchange buySim = sim(SimFillModel.DEFAULT);
        buySim.onTick(tick(0, 64000, 1));
        submit(buySim, limit(OrderSide.BUY, "0.1", "64000.00"));
        buySim.onTick(tick(1, 64000, 1));
        assertThat(fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo("64000.00");
            assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
        });

        events.clear();
        SimExchange sellSim = sim(SimFillModel.DEFAULT);
        sellSim.onTick(tick(0, 64000, 1));
        submit(sellSim, limit(OrderSide.SELL, "0.1", "64000.00"));
        sellSim.onTick(tick(1, 64000, 1));
        assertThat(fills()).singleElement().satisfies(f -> assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER));
    }

    @Test
    void anIocThatDoesNotCrossIsCanceledAtTheTimeOfTheTradeAndReleasesItsReserve() {
        SimExchange sim = sim(SimFillModel.DEFAULT);
        sim.onTick(tick(0, 64000, 1));
        OrderSnapshot ioc = submit(sim, limit(OrderSide.BUY, "0.1", "64000.00").withTimeInForce(TimeInForce.IOC));
        sim.onTick(tick(5, 64010, 1));
        assertThat(fills()).isEmpty();
        assertThat(events.getLast()).isEqualTo(new OrderEvent.OrderCanceled(ioc.clientOrderId(), T0.plusSeconds(5)));
        assertThat(sim.query(ioc.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("1000000");
    }

    @Test
    void aMarketSellNeverFillsBelowOneTick() {
        SimExchange sim = sim(new SimFillModel(false, 5, 0));
        sim.onTick(tick(0, 0.05, 1));
        submit(sim, OrderRequest.market(OrderSide.SELL, new BigDecimal("1")));
        sim.onTick(tick(1, 0.05, 1));   // 0.05 - 5 ticks = 0: the price floor is one tick
        assertThat(fills()).singleElement().satisfies(f -> assertThat(f.price()).isEqualByComparingTo("0.01"));
    }

    @Test
    void aMarketOrderBeforeAnyTradeIsRejected() {
        SimExchange sim = sim(SimFillModel.DEFAULT);
        OrderSnapshot o = submit(sim, OrderRequest.market(OrderSide.BUY, new BigDecimal("0.1")));
        assertThat(events).singleElement().isEqualTo(new OrderEvent.OrderRejected(o.clientOrderId(),
                "no market price yet for a market order", T0));
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("1000000");
    }

    @Test
    void aRestingLimitIgnoresTradesAtOrOnTheWrongSideOfItsPriceEvenWhenOtherOrdersAreMatched() {
        // a market order arriving with each trade makes the exchange look at every resting order
        SimExchange sim = sim(SimFillModel.DEFAULT);
        sim.onTick(tick(0, 64000, 1));
        OrderSnapshot buy = submit(sim, limit(OrderSide.BUY, "0.1", "63900.00"));
        OrderSnapshot sell = submit(sim, limit(OrderSide.SELL, "0.1", "64100.00"));
        for (double price : new double[]{63900, 64100, 64000}) {
            submit(sim, OrderRequest.market(OrderSide.BUY, new BigDecimal("0.001")));
            sim.onTick(tick(1, price, 1));
        }
        assertThat(fills()).extracting(OrderFilled::clientOrderId).doesNotContain(buy.clientOrderId(),
                sell.clientOrderId()).hasSize(3);
    }

    @Test
    void withTouchATradeAtOneOrdersPriceFillsThatOrderOnly() {
        SimExchange sim = sim(new SimFillModel(true, 0, 0));
        sim.onTick(tick(0, 64000, 1));
        OrderSnapshot buy = submit(sim, limit(OrderSide.BUY, "0.1", "63900.00"));
        OrderSnapshot sell = submit(sim, limit(OrderSide.SELL, "0.1", "64100.00"));
        sim.onTick(tick(1, 64100, 1));
        assertThat(fills()).extracting(OrderFilled::clientOrderId).containsExactly(sell.clientOrderId());
        sim.onTick(tick(2, 63900, 1));
        assertThat(fills()).extracting(OrderFilled::clientOrderId).containsExactly(sell.clientOrderId(),
                buy.clientOrderId());
    }

    // ---------------------------------------------------------------- volume

    @Test
    void oneTradesVolumeIsSharedByTheOrdersInArrivalOrder() {
        SimExchange sim = sim(new SimFillModel(false, 0, 0.5));
        sim.onTick(tick(0, 64000, 1));
        OrderSnapshot first = submit(sim, limit(OrderSide.BUY, "0.3", "63000.00"));
        OrderSnapshot second = submit(sim, limit(OrderSide.BUY, "0.3", "63000.00"));
        sim.onTick(tick(1, 62999, 1.0));   // half of 1.0 = 0.5 for both together
        assertThat(fills()).extracting(OrderFilled::clientOrderId, f -> f.quantity().stripTrailingZeros().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.clientOrderId(), "0.3"),
                        org.assertj.core.groups.Tuple.tuple(second.clientOrderId(), "0.2"));
        sim.onTick(tick(2, 62999, 1.0));
        assertThat(fills()).hasSize(3).last().satisfies(f -> {
            assertThat(f.clientOrderId()).isEqualTo(second.clientOrderId());
            assertThat(f.quantity()).isEqualByComparingTo("0.1");
        });
    }

    @Test
    void aTradeTooSmallForOneLotFillsNothing() {
        SimExchange sim = sim(new SimFillModel(false, 0, 0.5));
        sim.onTick(tick(0, 64000, 1));
        OrderSnapshot buy = submit(sim, limit(OrderSide.BUY, "0.1", "63000.00"));
        sim.onTick(tick(1, 62999, 0.000015));   // half is 0.0000075 BTC, under the 0.00001 lot
        assertThat(fills()).isEmpty();
        assertThat(sim.query(buy.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    // ---------------------------------------------------------------- bars

    @Test
    void aBarWhoseOpenIsNearerTheHighIsWalkedOpenHighLowClose() {
        SimExchange sim = sim(SimFillModel.DEFAULT);
        sim.onTick(tick(0, 100, 1));
        submit(sim, limit(OrderSide.BUY, "0.1", "95.00"));
        submit(sim, limit(OrderSide.SELL, "0.1", "105.00"));
        sim.onCandle(bar(104, 110, 90, 100, 4));   // 14 to the low, 6 to the high
        assertThat(fills()).extracting(OrderFilled::side).containsExactly(OrderSide.SELL, OrderSide.BUY);
    }

    @Test
    void aBarWhoseOpenIsHalfwayIsWalkedHighFirst() {
        SimExchange sim = sim(SimFillModel.DEFAULT);
        sim.onTick(tick(0, 100, 1));
        submit(sim, limit(OrderSide.BUY, "0.1", "95.00"));
        submit(sim, limit(OrderSide.SELL, "0.1", "105.00"));
        sim.onCandle(bar(100, 110, 90, 100, 4));   // 10 to the low, 10 to the high
        assertThat(fills()).extracting(OrderFilled::side).containsExactly(OrderSide.SELL, OrderSide.BUY);
    }

    @Test
    void theCloseIsTheLastTradeOfTheBar() {
        SimExchange sim = sim(SimFillModel.DEFAULT);
        sim.onTick(tick(0, 100, 1));
        submit(sim, limit(OrderSide.BUY, "0.1", "95.00"));
        sim.onCandle(bar(100, 105, 94, 96, 4));
        assertThat(fills()).singleElement().satisfies(f -> assertThat(f.price()).isEqualByComparingTo("95"));
        assertThat(sim.lastPrice()).isEqualTo(96.0);
    }

    @Test
    void eachOfTheFourTradesOfABarCarriesAQuarterOfItsVolume() {
        SimExchange sim = sim(new SimFillModel(false, 0, 1.0));
        sim.onTick(tick(0, 100, 1));
        submit(sim, limit(OrderSide.BUY, "1", "95.00"));
        // walked open 100, high 100, low 90, close 92; 0.4 / 4 = 0.1 per trade, two trades below 95
        sim.onCandle(bar(100, 100, 90, 92, 0.4));
        assertThat(fills()).extracting(f -> f.quantity().stripTrailingZeros().toPlainString())
                .containsExactly("0.1", "0.1");
    }

    // ---------------------------------------------------------------- stops

    @Test
    void aTradeExactlyAtAStopsTriggerTriggersIt() {
        SimExchange sim = sim(SimFillModel.DEFAULT);
        sim.onTick(tick(0, 64000, 1));
        submit(sim, OrderRequest.stopMarket(OrderSide.SELL, new BigDecimal("0.1"), new BigDecimal("63000.00")));
        submit(sim, OrderRequest.stopMarket(OrderSide.BUY, new BigDecimal("0.1"), new BigDecimal("65000.00")));
        sim.onTick(tick(1, 63000, 1));
        assertThat(fills()).singleElement().satisfies(f -> {
            assertThat(f.side()).isEqualTo(OrderSide.SELL);
            assertThat(f.price()).isEqualByComparingTo("63000.00");
        });
        sim.onTick(tick(2, 65000, 1));
        assertThat(fills()).hasSize(2).last().satisfies(f -> {
            assertThat(f.side()).isEqualTo(OrderSide.BUY);
            assertThat(f.price()).isEqualByComparingTo("65000.00");
        });
    }

    @Test
    void aStopPlacedWithTheLastTradeExactlyAtItsTriggerFillsAtTheNextTradesPrice() {
        // the last trade was already at the trigger, so the next one did not move through it
        SimExchange sim = sim(SimFillModel.DEFAULT);
        sim.onTick(tick(0, 64000, 1));
        submit(sim, OrderRequest.stopMarket(OrderSide.BUY, new BigDecimal("0.1"), new BigDecimal("64000.00")));
        sim.onTick(tick(1, 64050, 1));
        assertThat(fills()).singleElement().satisfies(f -> assertThat(f.price()).isEqualByComparingTo("64050.00"));

        events.clear();
        SimExchange down = sim(SimFillModel.DEFAULT);
        down.onTick(tick(0, 64000, 1));
        submit(down, OrderRequest.stopMarket(OrderSide.SELL, new BigDecimal("0.1"), new BigDecimal("64000.00")));
        down.onTick(tick(1, 63950, 1));
        assertThat(fills()).singleElement().satisfies(f -> assertThat(f.price()).isEqualByComparingTo("63950.00"));
    }

    @Test
    void aTriggeredStopLimitedByVolumeKeepsFillingAsAMarketOrderWhereverThePriceGoes() {
        SimExchange sim = sim(new SimFillModel(false, 0, 0.5));
        sim.onTick(tick(0, 64000, 1));
        OrderSnapshot stop = submit(sim, OrderRequest.stopMarket(OrderSide.SELL, new BigDecimal("1"),
                new BigDecimal("63000.00")));
        sim.onTick(tick(1, 62900, 1));   // triggers; half of 1 fills
        assertThat(fills()).singleElement().satisfies(f -> assertThat(f.quantity()).isEqualByComparingTo("0.5"));
        sim.onTick(tick(2, 63500, 1));   // back above the trigger: the rest still fills, at this trade
        assertThat(fills()).hasSize(2).last().satisfies(f -> {
            assertThat(f.quantity()).isEqualByComparingTo("0.5");
            assertThat(f.price()).isEqualByComparingTo("63500.00");
            assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
        });
        assertThat(sim.query(stop.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }
}
