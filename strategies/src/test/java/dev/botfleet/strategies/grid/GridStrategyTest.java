package dev.botfleet.strategies.grid;

import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GridStrategyTest {
    static Map<String, Object> grid(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>(Map.of("lowerPrice", "900", "upperPrice", "1100", "gridCount", 4,
                "quantityPerGrid", "100"));
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static GridStrategy strategy(Harness h) { return (GridStrategy) h.strategy; }

    static Harness bot(Map<String, Object> raw) {
        return Harness.of(GridDefinition.definition(), GridStrategy::new, raw).start();
    }

    static List<String> resting(Harness h) {
        return h.open().stream().filter(o -> o.type() == OrderType.LIMIT)
                .map(o -> o.side() + " " + o.quantity().toPlainString() + "@" + o.price().toPlainString()).toList();
    }

    @Test
    void buysBelowThePriceAndBuysBaseAtMarketForTheSellsAbove() {
        Harness h = bot(grid());
        h.tick(1, 1000);
        assertThat(strategy(h).levels()).containsExactly("900.00-950.00 OPEN_ORDER_PLACED",
                "950.00-1000.00 OPEN_ORDER_PLACED", "1000.00-1050.00 NOT_ACTIVE", "1050.00-1100.00 NOT_ACTIVE");
        // base for the two grids at or above 1000: 100/1000 + 100/1050 = 0.1 + 0.09523
        assertThat(h.open()).filteredOn(o -> o.type() == OrderType.MARKET).singleElement()
                .satisfies(o -> assertThat(o.quantity()).isEqualByComparingTo("0.19523"));
        assertThat(h.activity).contains("INFO Buying 0.19523 BTC at market for the 2 grids above the price");
        h.tick(2, 1000);
        assertThat(strategy(h).levels()).containsExactly("900.00-950.00 OPEN_ORDER_PLACED",
                "950.00-1000.00 OPEN_ORDER_PLACED", "1000.00-1050.00 CLOSE_ORDER_PLACED",
                "1050.00-1100.00 CLOSE_ORDER_PLACED");
        assertThat(resting(h)).containsExactlyInAnyOrder("BUY 0.11111@900.00", "BUY 0.10526@950.00",
                "SELL 0.10000@1050.00", "SELL 0.09523@1100.00");
    }

    @Test
    void aFilledBuySellsOneLineUpAndACompletedGridStartsOver() {
        Harness h = bot(grid());
        h.tick(1, 1000).tick(2, 1000);
        h.tick(3, 949);
        assertThat(strategy(h).levels().get(1)).isEqualTo("950.00-1000.00 CLOSE_ORDER_PLACED");
        assertThat(resting(h)).contains("SELL 0.10526@1000.00");
        h.tick(4, 1001);
        assertThat(strategy(h).completedGrids()).isEqualTo(1);
        // 0.10526 · (1000·0.999 − 950·1.001) = 105.15474 − 100.096997 = 5.057743 USDT
        assertThat(strategy(h).gridProfit()).isEqualByComparingTo("5.057743");
        assertThat(strategy(h).levels().get(1)).isEqualTo("950.00-1000.00 OPEN_ORDER_PLACED");
        assertThat(resting(h)).contains("BUY 0.10526@950.00");
        assertThat(h.activity).anyMatch(a -> a.startsWith("SUCCESS Grid 950.00 → 1000.00 completed: 5.06 USDT"));
    }

    @Test
    void geometricLinesHaveEqualRatios() {
        Harness h = bot(grid("lowerPrice", "100", "upperPrice", "121", "gridCount", 2, "gridType", "GEOMETRIC"));
        h.tick(1, 130);
        assertThat(strategy(h).levels()).containsExactly("100.00-110.00 OPEN_ORDER_PLACED",
                "110.00-121.00 OPEN_ORDER_PLACED");
    }

    @Test
    void baseSizedGridsUseTheSameQuantityOnEveryLine() {
        Harness h = bot(grid("quantityPerGrid", "0.05", "quantityCurrency", "BASE"));
        h.tick(1, 1120);
        assertThat(resting(h)).containsExactlyInAnyOrder("BUY 0.05000@900.00", "BUY 0.05000@950.00",
                "BUY 0.05000@1000.00", "BUY 0.05000@1050.00");
        // every grid is below the price: nothing to buy at market, not even an empty order
        assertThat(h.orders).allSatisfy(o -> assertThat(o.type()).isEqualTo(OrderType.LIMIT));
        assertThat(h.activity).noneMatch(a -> a.contains("at market"));
    }

    @Test
    void stopLossPriceSellsEverythingAndStopsTheBot() {
        Harness h = bot(grid("stopLossPrice", "850"));
        h.tick(1, 1000).tick(2, 1000).tick(3, 899);      // both buys filled as the price falls
        assertThat(h.position()).isPositive();
        h.tick(4, 850);
        assertThat(h.open()).extracting(OrderSnapshot::type).containsExactly(OrderType.MARKET);
        h.tick(5, 849);
        assertThat(h.position()).isZero();
        assertThat(h.deals.getLast().closeReason()).isEqualTo(CloseReason.STOP_LOSS);
        assertThat(h.stops).containsExactly("grid closed: stop loss");
        assertThat(h.kernel.isRunning()).isFalse();
    }

    @Test
    void takeProfitPriceClosesTheGrid() {
        Harness h = bot(grid("takeProfitPrice", "1150"));
        h.tick(1, 1000).tick(2, 1000).tick(3, 1150).tick(4, 1151);
        assertThat(h.position()).isZero();
        assertThat(h.stops).containsExactly("grid closed: take profit");
    }

    @Test
    void trailingUpMovesTheLowestBuyToTheTop() {
        Harness h = bot(grid("upperPrice", "1000", "gridCount", 2, "trailingUp", true));
        h.tick(1, 1000);
        assertThat(resting(h)).containsExactlyInAnyOrder("BUY 0.11111@900.00", "BUY 0.10526@950.00");
        h.tick(2, 1049.99);
        assertThat(strategy(h).levels()).hasSize(2).first().asString().startsWith("900.00");
        h.tick(3, 1050);
        assertThat(strategy(h).levels()).containsExactly("950.00-1000.00 OPEN_ORDER_PLACED",
                "1000.00-1050.00 OPEN_ORDER_PLACED");
        assertThat(resting(h)).containsExactlyInAnyOrder("BUY 0.10526@950.00", "BUY 0.10000@1000.00");
        assertThat(h.activity).contains("INFO Grid trailed up to 1050.00");
    }

    @Test
    void trailingDownMovesTheHighestSellToTheBottom() {
        Harness h = bot(grid("upperPrice", "1000", "gridCount", 2, "trailingDown", true));
        h.tick(1, 899).tick(2, 899);     // below the range: both grids bought at market, sells at 950 and 1000
        assertThat(resting(h)).containsExactlyInAnyOrder("SELL 0.11111@950.00", "SELL 0.10526@1000.00");
        h.tick(3, 850);
        assertThat(strategy(h).levels()).containsExactly("850.00-900.00 CLOSE_ORDER_PLACED",
                "900.00-950.00 CLOSE_ORDER_PLACED");
        assertThat(resting(h)).containsExactlyInAnyOrder("SELL 0.11111@950.00", "SELL 0.10526@900.00");
        assertThat(h.activity).contains("INFO Grid trailed down to 850.00");
    }

    @Test
    void boundsAreCheckedNamingTheParameter() {
        assertThat(GridDefinition.definition().validate(grid("upperPrice", "800")).violations())
                .extracting(v -> v.field() + ": " + v.message())
                .containsExactly("upperPrice: must be greater than lowerPrice (900)");
        assertThat(GridDefinition.definition().validate(grid("stopLossPrice", "950", "takeProfitPrice", "1000"))
                .violations()).extracting(v -> v.field())
                .containsExactly("stopLossPrice", "takeProfitPrice");
    }

    @Test
    void boundsAreStrict() {
        assertThat(GridDefinition.definition().validate(grid("upperPrice", "900")).violations())
                .extracting(v -> v.field()).containsExactly("upperPrice");
        assertThat(GridDefinition.definition().validate(grid("stopLossPrice", "900", "takeProfitPrice", "1100"))
                .violations()).extracting(v -> v.field() + ": " + v.message())
                .containsExactly("stopLossPrice: must be below lowerPrice (900)",
                        "takeProfitPrice: must be above upperPrice (1100)");
        assertThat(GridDefinition.definition().validate(grid("stopLossPrice", "899.99", "takeProfitPrice", "1100.01"))
                .violations()).isEmpty();
    }

    @Test
    void sellsOnlyHoldWhatTheGridBought() {
        Harness h = bot(grid());
        h.tick(1, 1000).tick(2, 1000).tick(3, 890);       // every buy fills
        BigDecimalSum sells = new BigDecimalSum();
        h.open().stream().filter(o -> o.side() == OrderSide.SELL).forEach(o -> sells.add(o.quantity()));
        assertThat(sells.total).isEqualByComparingTo(h.position());
    }

    static final class BigDecimalSum {
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;

        void add(java.math.BigDecimal d) { total = total.add(d); }
    }
}
