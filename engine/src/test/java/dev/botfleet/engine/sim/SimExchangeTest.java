package dev.botfleet.engine.sim;

import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
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
import dev.botfleet.engine.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SimExchangeTest {
    static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final List<OrderEvent> events = new ArrayList<>();
    int seq;

    SimExchange sim(SimFillModel model) {
        SimExchange sim = new SimExchange(BTC, model, Map.of("USDT", new BigDecimal("100000"),
                "BTC", new BigDecimal("1")));
        sim.connect(events::add);
        return sim;
    }

    OrderSnapshot order(OrderRequest r) {
        Order o = new Order("b", "b-" + (++seq), "sim", "BTC/USDT", r, T0);
        o.apply(new OrderEvent.OrderSubmitted(o.clientOrderId(), T0));
        return o.snapshot();
    }

    static OrderRequest limit(OrderSide side, String qty, String price) {
        return OrderRequest.limit(side, new BigDecimal(qty), new BigDecimal(price));
    }

    static Tick tick(long s, double price, double size) {
        return new Tick("sim", "BTC/USDT", T0.plusSeconds(s).toEpochMilli(), price, size);
    }

    List<OrderFilled> fills() {
        return events.stream().filter(e -> e instanceof OrderFilled).map(e -> (OrderFilled) e).toList();
    }

    @Test
    void submitIsIdempotentByClientOrderId() {
        SimExchange sim = sim(SimFillModel.DEFAULT);
        sim.onTick(tick(0, 64000, 1));
        OrderSnapshot o = order(limit(OrderSide.BUY, "0.1", "63000.00"));
        sim.submit(o);
        sim.submit(o);
        assertThat(events).hasSize(1).first().isInstanceOf(OrderEvent.OrderAccepted.class);
        // reserved once: 100000 - 0.1 * 63000 * 1.001
        assertThat(sim.balance("USDT").orElseThrow().available()).isEqualByComparingTo("93693.7");
        sim.onTick(tick(1, 62000, 5));
        assertThat(fills()).hasSize(1);
    }

    @Test
    void touchFillIsConfigurable() {
        SimExchange strict = sim(SimFillModel.DEFAULT);
        strict.onTick(tick(0, 64000, 1));
        strict.submit(order(limit(OrderSide.SELL, "0.1", "64100.00")));
        strict.onTick(tick(1, 64100, 1));
        assertThat(fills()).isEmpty();

        events.clear();
        SimExchange touch = sim(new SimFillModel(true, 0, 0));
        touch.onTick(tick(0, 64000, 1));
        touch.submit(order(limit(OrderSide.SELL, "0.1", "64100.00")));
        touch.onTick(tick(1, 64100, 1));
        assertThat(fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo("64100");
            assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
            assertThat(f.fee()).isEqualByComparingTo("6.41");   // 6410 * 0.001
        });
    }

    @Test
    void volumeLimitedFillsArePartial() {
        SimExchange sim = sim(new SimFillModel(false, 0, 0.5));
        sim.onTick(tick(0, 64000, 1));
        OrderSnapshot o = order(limit(OrderSide.BUY, "1.0", "63000.00"));
        sim.submit(o);
        sim.onTick(tick(1, 62999, 0.8));   // half of 0.8 = 0.4
        sim.onTick(tick(2, 62999, 0.8));   // 0.4 more
        sim.onTick(tick(3, 62999, 2.0));   // the last 0.2
        assertThat(fills()).extracting(f -> f.quantity().stripTrailingZeros().toPlainString())
                .containsExactly("0.4", "0.4", "0.2");
        assertThat(fills()).extracting(OrderFilled::tradeId).doesNotHaveDuplicates();
        OrderReport r = sim.query(o.clientOrderId()).orElseThrow();
        assertThat(r.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(r.fills()).hasSize(3);
        assertThat(sim.balance("BTC").orElseThrow().total()).isEqualByComparingTo("2.0");
    }

    @Test
    void iocRemainderIsCanceledAfterTheFirstTrade() {
        SimExchange sim = sim(new SimFillModel(false, 0, 0.5));
        sim.onTick(tick(0, 64000, 1));
        OrderSnapshot o = order(limit(OrderSide.BUY, "1.0", "64000.00").withTimeInForce(TimeInForce.IOC));
        sim.submit(o);
        sim.onTick(tick(1, 63990, 1.0));
        assertThat(fills()).singleElement().satisfies(f -> {
            assertThat(f.quantity()).isEqualByComparingTo("0.5");
            assertThat(f.price()).isEqualByComparingTo("63990");   // marketable on arrival: the trade price
            assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
        });
        assertThat(events.getLast()).isInstanceOf(OrderEvent.OrderCanceled.class);
        assertThat(sim.balance("USDT").orElseThrow().available())
                .isEqualByComparingTo(sim.balance("USDT").orElseThrow().total());
    }

    @Test
    void insufficientBalanceIsRejectedWithTheExchangeReason() {
        SimExchange sim = sim(SimFillModel.DEFAULT);
        OrderSnapshot o = order(limit(OrderSide.SELL, "2", "64000.00"));
        sim.submit(o);
        assertThat(events).singleElement().isInstanceOfSatisfying(OrderEvent.OrderRejected.class,
                r -> assertThat(r.reason()).startsWith("insufficient balance: BTC available 1"));
        assertThat(sim.query(o.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void cancelOfAFilledOrderIsRefused() {
        SimExchange sim = sim(SimFillModel.DEFAULT);
        sim.onTick(tick(0, 64000, 1));
        OrderSnapshot o = order(limit(OrderSide.BUY, "0.1", "63000.00"));
        sim.submit(o);
        sim.onTick(tick(1, 62000, 1));
        sim.cancel(o.clientOrderId());
        assertThat(events.getLast()).isInstanceOf(OrderEvent.OrderCancelRejected.class);
        sim.cancel("nope");
        assertThat(events.getLast()).isInstanceOf(OrderEvent.OrderCancelRejected.class);
    }

    @Test
    void candlesAreWalkedOpenLowHighCloseWhenTheOpenIsNearerTheLow() {
        SimExchange sim = sim(SimFillModel.DEFAULT);
        sim.onTick(tick(0, 100, 1));
        // a buy at 95 and a sell at 105: the low comes first, so the buy fills first
        sim.submit(order(limit(OrderSide.SELL, "0.1", "105.00")));
        sim.submit(order(limit(OrderSide.BUY, "0.1", "95.00")));
        Candle c = new Candle("sim", "BTC/USDT", Timeframe.M1, T0.toEpochMilli(), 99, 110, 90, 100, 4);
        sim.onCandle(c);
        assertThat(fills()).extracting(f -> f.side()).containsExactly(OrderSide.BUY, OrderSide.SELL);
        assertThat(fills()).allSatisfy(f -> assertThat(f.timestamp()).isEqualTo(c.closeInstant()));
    }

    @Test
    void restoreReRestsAcknowledgedOpenOrdersOnly() {
        SimExchange before = sim(SimFillModel.DEFAULT);
        before.onTick(tick(0, 64000, 1));
        Order acked = new Order("b", "b-1", "sim", "BTC/USDT", limit(OrderSide.BUY, "0.1", "63000.00"), T0);
        acked.apply(new OrderEvent.OrderSubmitted("b-1", T0));
        acked.apply(new OrderEvent.OrderAccepted("b-1", "sim-b-1", T0));
        Order unacked = new Order("b", "b-2", "sim", "BTC/USDT", limit(OrderSide.BUY, "0.1", "62000.00"), T0);
        unacked.apply(new OrderEvent.OrderSubmitted("b-2", T0));

        SimExchange after = sim(SimFillModel.DEFAULT);
        after.restore(List.of(acked.snapshot(), unacked.snapshot()));
        assertThat(after.query("b-1")).isPresent();
        assertThat(after.query("b-2")).isEmpty();
        assertThat(events).isEmpty();
        // 100000 - 0.1 * 63000 * 1.001 reserved again
        assertThat(after.balance("USDT").orElseThrow().available()).isEqualByComparingTo("93693.7");
        after.onTick(tick(1, 62999, 1));
        assertThat(fills()).singleElement().satisfies(f -> assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER));
    }

    /** The quiet band (trades that cannot fill skip the order walk) must fill exactly what the walk would. */
    @Test
    void onlyTradesThroughARestingLimitFillItWhateverElseRests() {
        SimExchange sim = sim(SimFillModel.DEFAULT);
        sim.onTick(tick(0, 64000, 1));
        OrderSnapshot lowBuy = order(limit(OrderSide.BUY, "0.1", "63800.00"));
        OrderSnapshot highBuy = order(limit(OrderSide.BUY, "0.1", "63900.00"));
        OrderSnapshot lowSell = order(limit(OrderSide.SELL, "0.1", "64100.00"));
        OrderSnapshot highSell = order(limit(OrderSide.SELL, "0.1", "64200.00"));
        for (OrderSnapshot o : List.of(lowBuy, highBuy, lowSell, highSell)) sim.submit(o);
        sim.onTick(tick(1, 64000, 1));
        sim.onTick(tick(2, 63900, 1));   // at the highest buy: no fill without touch
        sim.onTick(tick(3, 64100, 1));   // at the lowest sell: no fill without touch
        assertThat(fills()).isEmpty();
        sim.onTick(tick(4, 63850, 1));   // through the higher buy only
        assertThat(fills()).extracting(OrderFilled::clientOrderId).containsExactly(highBuy.clientOrderId());
        sim.onTick(tick(5, 63850, 1));   // the band moved down to the lower buy: quiet again
        sim.onTick(tick(6, 64150, 1));   // through the lower sell only
        assertThat(fills()).extracting(OrderFilled::clientOrderId)
                .containsExactly(highBuy.clientOrderId(), lowSell.clientOrderId());
        // a market order fills at the next trade even inside the band
        sim.submit(order(OrderRequest.market(OrderSide.BUY, new BigDecimal("0.1"))));
        sim.onTick(tick(7, 64000, 1));
        assertThat(fills()).hasSize(3).last().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo("64000.00");
            assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
        });
        sim.onTick(tick(8, 63700, 1));   // through the last buy
        sim.onTick(tick(9, 64300, 1));   // through the last sell
        assertThat(fills()).extracting(OrderFilled::clientOrderId).endsWith(lowBuy.clientOrderId(),
                highSell.clientOrderId());
        assertThat(fills()).hasSize(5);
    }

    @Test
    void withTouchFillsATradeAtTheBandEdgeFills() {
        SimExchange sim = sim(new SimFillModel(true, 0, 0));
        sim.onTick(tick(0, 64000, 1));
        OrderSnapshot buy = order(limit(OrderSide.BUY, "0.1", "63900.00"));
        OrderSnapshot sell = order(limit(OrderSide.SELL, "0.1", "64100.00"));
        sim.submit(buy);
        sim.submit(sell);
        sim.onTick(tick(1, 64000, 1));
        sim.onTick(tick(2, 63900, 1));
        sim.onTick(tick(3, 64100, 1));
        assertThat(fills()).extracting(OrderFilled::clientOrderId).containsExactly(buy.clientOrderId(),
                sell.clientOrderId());
    }

    @Test
    void theExchangeKnowsItsWorkingOrdersAndItsLastClosedOnes() {
        SimExchange sim = sim(SimFillModel.DEFAULT);
        long second = 0;
        sim.onTick(tick(second++, 64000, 1));
        OrderSnapshot resting = order(limit(OrderSide.BUY, "0.1", "50000.00"));
        sim.submit(resting);
        List<OrderSnapshot> closed = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            OrderSnapshot o;
            switch (i % 3) {
                case 0 -> {  // canceled
                    o = order(limit(OrderSide.BUY, "0.001", "60000.00"));
                    sim.submit(o);
                    sim.cancel(o.clientOrderId());
                }
                case 1 -> {  // rejected: the account holds 1 BTC
                    o = order(limit(OrderSide.SELL, "5", "70000.00"));
                    sim.submit(o);
                }
                default -> {  // filled by the next trade
                    o = order(limit(OrderSide.BUY, "0.001", "64000.00"));
                    sim.submit(o);
                    sim.onTick(tick(second++, 64000, 1));
                }
            }
            closed.add(o);
        }
        assertThat(fills()).hasSize(100);

        assertThat(sim.knownOrders()).isEqualTo(1 + SimExchange.CLOSED_KEPT);
        assertThat(sim.query(resting.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
        List<OrderSnapshot> forgotten = closed.subList(0, 300 - SimExchange.CLOSED_KEPT);
        List<OrderSnapshot> kept = closed.subList(300 - SimExchange.CLOSED_KEPT, 300);
        for (OrderSnapshot o : forgotten) assertThat(sim.query(o.clientOrderId())).as(o.clientOrderId()).isEmpty();
        for (OrderSnapshot o : kept) {
            assertThat(sim.query(o.clientOrderId())).as(o.clientOrderId()).get()
                    .satisfies(r -> assertThat(r.status().isTerminal()).isTrue());
        }

        // a second submit of a closed order it still knows changes nothing
        events.clear();
        sim.submit(kept.getFirst());
        sim.submit(kept.getLast());
        assertThat(events).isEmpty();
        // one it forgot is a new order, as a venue takes an id that is no longer open
        sim.submit(forgotten.getFirst());
        assertThat(events).singleElement().isInstanceOf(OrderEvent.OrderAccepted.class);
    }
}
