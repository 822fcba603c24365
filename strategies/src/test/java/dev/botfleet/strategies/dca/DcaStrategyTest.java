package dev.botfleet.strategies.dca;

import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DcaStrategyTest {
    /** The golden table's bot: BO 100, SO 200, d 1 %, scales 2, N 5, tp 1 % of total. */
    static Map<String, Object> golden(Object... more) {
        Map<String, Object> m = new LinkedHashMap<>(Map.of("baseOrderSize", "100", "safetyOrderSize", "200",
                "priceDeviation", "1", "safetyOrderStepScale", "2", "safetyOrderVolumeScale", "2",
                "maxSafetyOrders", 5, "takeProfitPercent", "1"));
        for (int i = 0; i < more.length; i += 2) m.put((String) more[i], more[i + 1]);
        return m;
    }

    static Harness bot(Map<String, Object> raw) {
        return Harness.of(DcaDefinition.definition(), DcaStrategy::new, raw).start();
    }

    static List<String> open(Harness h) {
        return h.open().stream().map(o -> o.side() + " " + o.quantity().toPlainString() + "@" + o.price().toPlainString())
                .toList();
    }

    @Test
    void safetyOrdersWalkTheLadderAndTheTakeProfitFollowsTheAverage() {
        Harness h = bot(golden());
        h.tick(1, 1000);                    // base order sent at market
        h.tick(2, 1000);                    // filled at 1000: 0.1 BTC
        assertThat(h.position()).isEqualByComparingTo("0.1");
        assertThat(open(h)).containsExactlyInAnyOrder("BUY 0.20202@990.00", "SELL 0.10000@1010.00");
        h.tick(3, 989.5);                   // SO1 fills at 990.00
        // avg = (100 + 0.20202·990) / 0.30202 = 993.3110…; TP 1003.2441… rounded up to the tick: 1003.25
        // (the golden table's 1003.24 is the same figure rounded to nearest, with unrounded quantities)
        assertThat(open(h)).containsExactlyInAnyOrder("BUY 0.41237@970.00", "SELL 0.30202@1003.25");
        h.tick(4, 969);                     // SO2 at 970.00: D₂ = 3 %
        assertThat(open(h)).containsExactlyInAnyOrder("BUY 0.86021@930.00", "SELL 0.71439@989.66");
        h.tick(5, 990);
        assertThat(h.deals).singleElement().satisfies(d -> {
            assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
            assertThat(d.exitPrice()).isEqualByComparingTo("989.66");
            assertThat(d.quantity()).isEqualByComparingTo("0.71439");
        });
        assertThat(h.position()).isZero();
        assertThat(h.open()).hasSize(1);  // ASAP: the next deal's base order is already on its way
        assertThat(h.open().getFirst().type()).isEqualTo(OrderType.MARKET);
        assertThat(h.activity).filteredOn(a -> a.equals("INFO Starting a DCA deal")).hasSize(2);
        assertThat(h.activity).noneMatch(a -> a.contains("next deal after"));   // no cooldown
    }

    @Test
    void maxActiveSafetyOrdersArePlacedInAdvance() {
        Harness h = bot(golden("maxActiveSafetyOrders", 3));
        h.tick(1, 1000).tick(2, 1000);
        assertThat(open(h)).containsExactlyInAnyOrder("BUY 0.20202@990.00", "BUY 0.41237@970.00", "BUY 0.86021@930.00",
                "SELL 0.10000@1010.00");
        h.tick(3, 985);   // SO1 fills, SO4 joins the window
        assertThat(open(h)).contains("BUY 1.88235@850.00").doesNotContain("BUY 0.20202@990.00");
    }

    @Test
    void takeProfitOnTheBaseOrderOnly() {
        Harness h = bot(golden("takeProfitType", "BASE"));
        h.tick(1, 1000).tick(2, 1000).tick(3, 989);
        // (cost 299.9998 + 100·1 %) / 0.30202 = 996.6226…, rounded up: 996.63 (golden 996.62 unrounded)
        assertThat(open(h)).contains("SELL 0.30202@996.63");
    }

    @Test
    void cooldownDelaysTheNextDeal() {
        Harness h = bot(golden("cooldownSeconds", 60, "maxSafetyOrders", 0));
        h.tick(1, 1000).tick(2, 1000).tick(3, 1011);   // TP at 1010 fills on the trade through it
        assertThat(h.deals).hasSize(1);
        assertThat(h.activity).contains("INFO Deal closed; next deal after 2026-01-01T00:01:03Z");
        h.tick(30, 1000).tick(62, 1000);
        assertThat(h.fills(OrderSide.BUY)).hasSize(1);
        h.tick(63, 1000).tick(64, 1000);             // 60 s after the close at 3 s
        assertThat(h.fills(OrderSide.BUY)).hasSize(2);
    }

    @Test
    void stopLossFromTheBaseOrderCancelsTheSafetyOrders() {
        Harness h = bot(golden("stopLossPercent", "5", "stopLossReference", "FIRST_ENTRY", "maxSafetyOrders", 2));
        h.tick(1, 1000).tick(2, 1000).tick(3, 985).tick(4, 965);   // SO1 and SO2 filled; ladder used up
        assertThat(h.open()).extracting(OrderSnapshot::side).containsExactly(OrderSide.SELL);
        h.tick(5, 950.5);      // 5 % below the base order 1000 is 950: not yet (average-based would be ~929)
        assertThat(h.deals).isEmpty();
        h.tick(6, 949.9).tick(7, 949);
        Deal d = h.deals.getFirst();
        assertThat(d.closeReason()).isEqualTo(CloseReason.STOP_LOSS);
        assertThat(d.exitPrice()).isEqualByComparingTo("949");
    }

    @Test
    void stopLossFromTheAverageEntryWaitsForTheAverageLevel() {
        Harness h = bot(golden("stopLossPercent", "5", "stopLossReference", "AVERAGE_ENTRY", "maxSafetyOrders", 2));
        h.tick(1, 1000).tick(2, 1000).tick(3, 985).tick(4, 965);   // SO1 and SO2 filled: the average is below 1000
        h.tick(5, 949).tick(6, 940);   // under 5 % below the base order, not under 5 % below the average (~929)
        assertThat(h.deals).isEmpty();
        h.tick(7, 928).tick(8, 927);
        assertThat(h.deals.getFirst().closeReason()).isEqualTo(CloseReason.STOP_LOSS);
    }

    @Test
    void rsiStartConditionWaitsForTheIndicator() {
        // candles are the only data here, so they are replayed through the exchange as in a backtest
        Harness h = Harness.onCandles(DcaDefinition.definition(), DcaStrategy::new,
                golden("startCondition", "RSI_BELOW", "rsiPeriod", 2, "rsiThreshold", "20")).start();
        h.closes(0, 1000, 1010, 1020, 1030);
        assertThat(h.fills).isEmpty();
        h.closes(4, 1000, 980, 985);             // RSI(2) drops below 20 at 980 → base order at the next trade
        assertThat(h.fills(OrderSide.BUY)).first().satisfies(f -> assertThat(f.price()).isEqualByComparingTo("985"));
    }

    @Test
    void trailingTakeProfitRidesTheMoveAndSellsAtMarketOnThePullback() {
        Harness h = bot(golden("trailingTakeProfitPercent", "0.5", "maxSafetyOrders", 1));
        h.tick(1, 1000).tick(2, 1000);
        assertThat(open(h)).containsExactly("BUY 0.20202@990.00");   // no resting take profit: it trails
        h.tick(3, 1010).tick(4, 1020).tick(5, 1015);                 // armed at 1010.00, peak 1020: trigger 1014.90
        assertThat(h.deals).isEmpty();
        h.tick(6, 1014.8).tick(7, 1014.5);
        assertThat(h.deals).singleElement().satisfies(d -> {
            assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
            assertThat(d.exitPrice()).isEqualByComparingTo("1014.5");
        });
        assertThat(h.latestOrders()).filteredOn(o -> o.price() != null && o.price().compareTo(
                new java.math.BigDecimal("990.00")) == 0).singleElement()
                .satisfies(o -> assertThat(o.status().isOpen()).isFalse());   // the safety order was canceled
    }

    @Test
    void takeProfitStepsAreRePlacedForTheGrownPosition() {
        Harness h = bot(golden("takeProfitPercent", "0", "takeProfitSteps", List.of(
                Map.of("amountPercent", 50, "profitPercent", 1), Map.of("amountPercent", 50, "profitPercent", 2))));
        h.tick(1, 1000).tick(2, 1000);
        assertThat(open(h)).containsExactlyInAnyOrder("BUY 0.20202@990.00", "SELL 0.05000@1010.00",
                "SELL 0.05000@1020.00");
        h.tick(3, 989);
        // 0.30202 held at average 993.3110…: halves 0.15101 at +1 % (1003.25) and +2 % (1013.18)
        assertThat(open(h)).containsExactlyInAnyOrder("BUY 0.41237@970.00", "SELL 0.15101@1003.25",
                "SELL 0.15101@1013.18");
    }

    @Test
    void aRestartKeepsTheDealCancelsTheSafetyOrdersAndRestoresTheTakeProfit() {
        Harness before = bot(golden());
        before.tick(1, 1000).tick(2, 1000);
        List<OrderSnapshot> open = before.open();
        assertThat(open).hasSize(2);   // SO1 and the take profit
        Map<String, java.math.BigDecimal> balances = new LinkedHashMap<>();
        before.sim.balances().forEach((asset, b) -> balances.put(asset, b.total()));
        var state = new dev.botfleet.engine.kernel.KernelState(before.kernel.nextSequence(), open, before.fills);
        Harness after = new Harness(new DcaStrategy(Harness.config(DcaDefinition.definition(), golden()), Harness.BTC),
                Harness.BTC, balances, state);
        after.sim.restore(open);
        after.start();
        assertThat(after.position()).isEqualByComparingTo("0.1");
        assertThat(open(after)).containsExactly("SELL 0.10000@1010.00");
        assertThat(after.activity).contains(
                "INFO DCA resumed an open deal: take profit and exits restored, safety orders canceled");
        after.tick(10, 985).tick(11, 1011);
        assertThat(after.fills(OrderSide.BUY)).isEmpty();          // no safety order left to fill
        assertThat(after.deals).singleElement().satisfies(d -> assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT));
    }

    @Test
    void aLadderReachingZeroIsRefusedNamingTheParameter() {
        var v = DcaDefinition.definition().validate(golden("maxSafetyOrders", 7));  // D₇ = 127 %
        assertThat(v.violations()).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("maxSafetyOrders");
            assertThat(x.message()).startsWith("puts the last safety order 127% below the base order");
        });
        assertThat(DcaDefinition.definition().validate(golden("maxActiveSafetyOrders", 6)).violations())
                .extracting(x -> x.field()).containsExactly("maxActiveSafetyOrders");
    }
}
