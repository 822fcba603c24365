package dev.botfleet.strategies.reload;

import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.dca.DcaDefinition;
import dev.botfleet.strategies.dca.DcaStrategy;
import dev.botfleet.strategies.grid.GridDefinition;
import dev.botfleet.strategies.grid.GridStrategy;
import dev.botfleet.strategies.scalper.Scalper;
import dev.botfleet.strategies.scalper.ScalperDefinition;
import dev.botfleet.strategies.signal.RsiStrategy;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hot reload of running strategies on the real kernel: new values at the next turn, position and deal kept. */
class ReconfigureStrategiesTest {

    static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static void reconfigure(Harness h, StrategyDefinition d, Map<String, Object> raw) {
        h.kernel.reconfigure(Harness.config(d, raw));
    }

    static List<String> resting(Harness h) {
        return h.open().stream().filter(o -> o.type() == OrderType.LIMIT && o.status() != OrderStatus.PENDING_CANCEL)
                .map(o -> o.side() + " " + o.quantity().toPlainString() + "@" + o.price().toPlainString()).toList();
    }

    static List<String> ids(Harness h) {
        return h.open().stream().map(OrderSnapshot::clientOrderId).toList();
    }

    @Test
    void aScalperRePricesItsRestingEntryAndThenItsExitKeepingThePosition() {
        Map<String, Object> raw = Map.of("quantity", "0.01", "buyPrice", "900", "sellPrice", "1000");
        Harness h = Harness.of(ScalperDefinition.definition(), Scalper::new, raw).start();
        h.tick(1, 950);
        String entry = ids(h).getFirst();
        assertThat(resting(h)).containsExactly("BUY 0.01000@900.00");

        reconfigure(h, ScalperDefinition.definition(), with(raw, "buyPrice", "920", "quantity", "0.02"));
        assertThat(h.latestOrders()).filteredOn(o -> o.clientOrderId().equals(entry))
                .singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELED));
        assertThat(resting(h)).containsExactly("BUY 0.02000@920.00");
        assertThat(h.stops).isEmpty();               // the cancel it asked for did not end the plan

        h.tick(2, 919);                              // the new price fills
        assertThat(h.position()).isEqualByComparingTo("0.02");
        assertThat(resting(h)).containsExactly("SELL 0.02000@1000.00");

        reconfigure(h, ScalperDefinition.definition(), with(raw, "buyPrice", "920", "quantity", "0.02",
                "sellPrice", "990"));
        assertThat(h.position()).isEqualByComparingTo("0.02");   // the position is kept, only its exit moves
        assertThat(resting(h)).containsExactly("SELL 0.02000@990.00");
        h.tick(3, 991);
        assertThat(h.deals).singleElement().satisfies(d -> assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT));
        assertThat(h.fills(OrderSide.SELL)).singleElement()
                .satisfies(f -> assertThat(f.price()).isEqualByComparingTo("990"));
        assertThat(resting(h)).containsExactly("BUY 0.02000@920.00");  // next cycle on the new config
    }

    @Test
    void aScalperWhoseOrderAlreadyHasTheNewPriceKeepsIt() {
        Map<String, Object> raw = Map.of("quantity", "0.01", "buyPrice", "900", "sellPrice", "1000");
        Harness h = Harness.of(ScalperDefinition.definition(), Scalper::new, raw).start();
        String entry = ids(h).getFirst();
        reconfigure(h, ScalperDefinition.definition(), with(raw, "sellPrice", "1100", "infiniteLoop", false));
        assertThat(ids(h)).containsExactly(entry);  // only the exit price changed: the entry rests on
        h.tick(1, 899).tick(2, 1001);
        assertThat(h.position()).isEqualByComparingTo("0.01");   // 1000 no longer exits
        h.tick(3, 1101);
        assertThat(h.stops).containsExactly("one round trip completed");
    }

    @Test
    void aGridKeepsItsOrdersAndInventoryAndSizesItsNextBuysOnTheNewAmount() {
        Map<String, Object> raw = Map.of("lowerPrice", "900", "upperPrice", "1100", "gridCount", 4,
                "quantityPerGrid", "100");
        Harness h = Harness.of(GridDefinition.definition(), GridStrategy::new, raw).start();
        h.tick(1, 1000).tick(2, 1000);
        List<String> before = ids(h);
        var position = h.position();
        GridStrategy grid = (GridStrategy) h.strategy;
        List<String> levels = grid.levels();

        reconfigure(h, GridDefinition.definition(), with(raw, "quantityPerGrid", "200", "stopLossPrice", "850"));
        assertThat(ids(h)).isEqualTo(before);
        assertThat(h.position()).isEqualByComparingTo(position);
        assertThat(grid.levels()).isEqualTo(levels);

        h.tick(3, 949).tick(4, 1001);                // the 950 grid buys (old size) and sells: one grid completed
        assertThat(grid.completedGrids()).isEqualTo(1);
        assertThat(resting(h)).contains("BUY 0.21052@950.00");   // re-armed at 200 USDT
        h.tick(5, 849);                               // the new stop loss
        assertThat(h.activity).contains("WARNING Stop-loss price reached: closing the grid");
    }

    @Test
    void aDcaDealKeepsItsLadderAndSafetyOrdersWhileItsTakeProfitMovesAtOnce() {
        Map<String, Object> raw = Map.of("baseOrderSize", "100", "safetyOrderSize", "200", "priceDeviation", "1",
                "safetyOrderStepScale", "2", "safetyOrderVolumeScale", "2", "maxSafetyOrders", 5,
                "maxActiveSafetyOrders", 3, "takeProfitPercent", "1");
        Harness h = Harness.of(DcaDefinition.definition(), DcaStrategy::new, raw).start();
        h.tick(1, 1000).tick(2, 1000);
        List<String> safety = h.open().stream().filter(o -> o.side() == OrderSide.BUY)
                .map(OrderSnapshot::clientOrderId).toList();
        assertThat(safety).hasSize(3);
        assertThat(resting(h)).contains("SELL 0.10000@1010.00");

        reconfigure(h, DcaDefinition.definition(), with(raw, "takeProfitPercent", "2", "safetyOrderSize", "400"));
        assertThat(h.position()).isEqualByComparingTo("0.1");
        assertThat(h.open().stream().filter(o -> o.side() == OrderSide.BUY).map(OrderSnapshot::clientOrderId))
                .containsExactlyElementsOf(safety);
        assertThat(resting(h)).contains("SELL 0.10000@1020.00").doesNotContain("SELL 0.10000@1010.00");
        assertThat(h.activity).contains("INFO The new safety-order ladder applies from the next deal");

        h.tick(3, 985);                               // SO1 fills; SO4 joins on the deal's own ladder (200 · 2³)
        assertThat(resting(h)).contains("BUY 1.88235@850.00");
        h.tick(4, 1100);                              // take profit: the deal closes
        assertThat(h.deals).singleElement().satisfies(d -> assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT));
        h.tick(5, 1000).tick(6, 1000);                // the next deal runs on the new ladder: SO1 is 400 USDT
        assertThat(resting(h)).contains("BUY 0.40404@990.00");
    }

    @Test
    void aSignalStrategyTakesNewExitsForItsOpenDeal() {
        Map<String, Object> raw = Map.of("rsiPeriod", 2, "oversold", "99", "overbought", "100",
                "takeProfitPercent", "5");
        Harness h = Harness.onCandles(RsiStrategy.definition(), RsiStrategy::new, raw).start();
        h.closes(1, 999, 998, 997, 996, 995, 994);           // falling closes: RSI 0, below 99: buy at market
        h.close(7, 994);                                     // which fills on the next candle
        assertThat(h.position()).isPositive();
        var position = h.position();
        reconfigure(h, RsiStrategy.definition(), with(raw, "takeProfitPercent", "0", "stopLossPercent", "1"));
        assertThat(resting(h)).isEmpty();             // the take profit is gone
        assertThat(h.position()).isEqualByComparingTo(position);
        h.close(8, 900).close(9, 900);                // more than 1 % below the entry: the new stop loss
        assertThat(h.deals).singleElement().satisfies(d -> assertThat(d.closeReason()).isEqualTo(CloseReason.STOP_LOSS));
    }
}
