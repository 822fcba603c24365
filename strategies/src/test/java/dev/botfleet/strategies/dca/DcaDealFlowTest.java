package dev.botfleet.strategies.dca;

import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.botfleet.strategies.dca.DcaStrategyTest.bot;
import static dev.botfleet.strategies.dca.DcaStrategyTest.golden;
import static dev.botfleet.strategies.dca.DcaStrategyTest.open;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DCA deal's edges: safety orders pulled when an exit fires, orders the exchange rejects or the instrument cannot
 * take. The bot is the golden table's (BO 100, SO 200, d 1 %, scales 2, tp 1 %) unless a test says otherwise.
 */
class DcaDealFlowTest {
    static DcaStrategy strategy(Harness h) { return (DcaStrategy) h.strategy; }

    static List<String> restingBuys(Harness h) {
        return h.open().stream().filter(o -> o.side() == OrderSide.BUY && o.status() != OrderStatus.PENDING_CANCEL)
                .map(o -> o.quantity().toPlainString() + "@" + o.price().toPlainString()).toList();
    }

    /** Three safety orders resting, then SO1 and SO2 filled (SO4 and SO5 joined), then 949: the stop loss fires. */
    static Harness stoppedOutWithSafetyOrdersResting(Harness h) {
        h.tick(1, 1000).tick(2, 1000);
        assertThat(strategy(h).safetyOrders()).containsValues(1, 2, 3).hasSize(3);
        h.tick(3, 985);                                  // SO1 at 990 fills; SO4 joins at 850
        assertThat(restingBuys(h)).containsExactlyInAnyOrder("0.41237@970.00", "0.86021@930.00", "1.88235@850.00");
        h.tick(4, 949);                                  // SO2 at 970 fills, SO5 joins at 690; 949 ≤ 950: stop loss
        return h;
    }

    @Test
    void theSafetyOrdersArePulledTheMomentTheStopLossFires() {
        Harness h = stoppedOutWithSafetyOrdersResting(bot(golden("stopLossPercent", "5",
                "stopLossReference", "FIRST_ENTRY", "maxActiveSafetyOrders", 3)));
        assertThat(h.open()).singleElement().satisfies(o -> {
            assertThat(o.type()).isEqualTo(OrderType.MARKET);
            assertThat(o.side()).isEqualTo(OrderSide.SELL);
        });
        assertThat(h.latestOrders()).filteredOn(o -> o.side() == OrderSide.BUY && o.type() == OrderType.LIMIT)
                .extracting(o -> o.price().toPlainString() + " " + o.status())
                .containsExactly("990.00 ACCEPTED", "970.00 ACCEPTED", "930.00 CANCELED", "850.00 CANCELED",
                        "690.00 CANCELED");   // (fills do not update this list: 990 and 970 filled)
        assertThat(strategy(h).safetyOrders()).isEmpty();
        h.tick(5, 948);
        assertThat(h.deals).singleElement().satisfies(d -> assertThat(d.closeReason()).isEqualTo(CloseReason.STOP_LOSS));
        assertThat(h.fills(OrderSide.BUY)).hasSize(3);   // base, SO1, SO2: nothing bought while closing
    }

    @Test
    void theNextDealPlacesItsWholeWindowEvenIfTheOldCancelsAreConfirmedLate() {
        Harness h = bot(golden("stopLossPercent", "5", "stopLossReference", "FIRST_ENTRY", "maxActiveSafetyOrders", 3));
        h.exchange.hold(e -> e instanceof OrderEvent.OrderCanceled);
        stoppedOutWithSafetyOrdersResting(h);
        h.tick(5, 948);                                  // closed; the next deal's base order goes out
        h.tick(6, 948);                                  // and fills at 948: SO1..SO3 at -1 %, -3 %, -7 %
        assertThat(restingBuys(h)).containsExactlyInAnyOrder("0.21310@938.52", "0.43499@919.56", "0.90739@881.64");
        h.deliverHeld();
        assertThat(restingBuys(h)).containsExactlyInAnyOrder("0.21310@938.52", "0.43499@919.56", "0.90739@881.64");
        assertThat(strategy(h).safetyOrders()).containsValues(1, 2, 3).hasSize(3);
    }

    @Test
    void aRejectedBaseOrderIsSentAgainOnTheNextPrice() {
        Harness h = bot(golden());
        h.exchange.rejectNext(o -> o.type() == OrderType.MARKET);
        h.tick(1, 1000);
        assertThat(h.latestOrders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.REJECTED));
        h.tick(2, 1000);
        assertThat(h.open()).singleElement().satisfies(o -> assertThat(o.type()).isEqualTo(OrderType.MARKET));
        h.tick(3, 1000);
        assertThat(h.position()).isEqualByComparingTo("0.1");
        assertThat(open(h)).containsExactlyInAnyOrder("BUY 0.20202@990.00", "SELL 0.10000@1010.00");
        assertThat(h.activity).filteredOn(a -> a.equals("INFO Starting a DCA deal")).hasSize(2);
    }

    @Test
    void aBaseOrderBelowTheMinimumStopsTheBot() {
        Harness h = bot(golden("baseOrderSize", "4"));   // the minimum order is 5 USDT
        h.tick(1, 1000);
        assertThat(h.activity).contains("ERROR The base order of 4 USDT is below the minimum order; the bot stops");
        assertThat(h.stops).containsExactly("base order below the exchange minimum");
        assertThat(h.orders).isEmpty();
    }

    @Test
    void aSafetyOrderBelowTheMinimumIsSkippedAndTheNextOneRests() {
        Harness h = bot(golden("safetyOrderSize", "4"));  // SO1 4 USDT (too small), SO2 8 USDT
        h.tick(1, 1000).tick(2, 1000);
        assertThat(h.activity).contains("WARNING Safety order 1 skipped: below the minimum order");
        assertThat(open(h)).containsExactlyInAnyOrder("BUY 0.00824@970.00", "SELL 0.10000@1010.00");
        assertThat(strategy(h).safetyOrders()).containsValues(2).hasSize(1);
    }

    @Test
    void safetyOrdersDeeperThanOneTickAreSkippedWithoutStoppingTheBot() {
        // base at 5.00; d 90 %, s 0.1: SO1..SO4 at 90, 99, 99.9, 99.99 % below: 0.50, 0.05, 0.005, 0.0005; the last
        // two round down to 0.00 on a 0.01 tick
        Harness h = bot(golden("priceDeviation", "90", "safetyOrderStepScale", "0.1", "maxSafetyOrders", 4,
                "maxActiveSafetyOrders", 4));
        h.tick(1, 5).tick(2, 5);
        assertThat(h.position()).isEqualByComparingTo("20");
        assertThat(h.activity).contains("WARNING Safety order 3 skipped: its price rounds down to zero",
                "WARNING Safety order 4 skipped: its price rounds down to zero");
        assertThat(open(h)).containsExactlyInAnyOrder("BUY 400.00000@0.50", "BUY 8000.00000@0.05",
                "SELL 20.00000@5.05");
        assertThat(h.stops).isEmpty();
        h.tick(3, 5.06);
        assertThat(h.deals).singleElement().satisfies(d -> assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT));
    }

    @Test
    void theLastSafetyOrderMayNotReachAHundredPercent() {
        var v = DcaDefinition.definition().validate(golden("priceDeviation", "20", "safetyOrderStepScale", "1"));
        assertThat(v.violations()).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("maxSafetyOrders");
            assertThat(x.message()).startsWith("puts the last safety order 100% below the base order");
        });
        assertThat(DcaDefinition.definition().validate(golden("priceDeviation", "19.9", "safetyOrderStepScale", "1"))
                .violations()).isEmpty();
    }
}
