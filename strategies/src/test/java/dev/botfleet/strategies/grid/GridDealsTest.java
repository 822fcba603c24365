package dev.botfleet.strategies.grid;

import dev.botfleet.engine.kernel.KernelState;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.botfleet.strategies.grid.GridStrategyTest.grid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a grid's fills become deals (the grid's deal policy), on the real kernel and simulated exchange. The grid is
 * 900 / 950 / 1000 / 1050 / 1100, 100 USDT per grid; resting orders fill as maker at their limit price.
 */
class GridDealsTest {
    static final BigDecimal FEE = Harness.BTC.makerFee();

    static Harness bot(Map<String, Object> raw) {
        return new Harness(strategy(raw), Harness.BTC, Harness.usdt("100000")).start();
    }

    static GridStrategy strategy(Map<String, Object> raw) {
        return new GridStrategy(Harness.config(GridDefinition.definition(), raw), Harness.BTC);
    }

    /** A grid pair's profit: (sell − buy) · qty, less the maker fee of both sides. */
    static BigDecimal pairPnl(String buy, String sell, BigDecimal qty) {
        BigDecimal b = new BigDecimal(buy);
        BigDecimal s = new BigDecimal(sell);
        return s.subtract(b).multiply(qty).subtract(b.multiply(qty).multiply(FEE)).subtract(s.multiply(qty).multiply(FEE));
    }

    static String pair(Deal d) {
        return d.entryPrice().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + "→"
                + d.exitPrice().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    @Test
    void aBuyAtOneLineSoldAtTheNextIsOneDealNetOfBothFees() {
        Harness h = bot(grid());
        h.tick(1, 1120);                 // above the range: four buys rest
        h.tick(2, 1049).tick(3, 999);    // the 1050 and 1000 buys fill; their sells rest at 1100 and 1050
        assertThat(h.deals).isEmpty();
        h.tick(4, 1051);                 // the 1000 grid sells at 1050; the 1050 grid still holds base
        assertThat(h.position()).isEqualByComparingTo("0.09523");
        Fill buy = h.fills(OrderSide.BUY).get(1);
        Fill sell = h.fills(OrderSide.SELL).getFirst();
        assertThat(buy.price()).isEqualByComparingTo("1000");
        // 100 / 1000 = 0.1; (1050 − 1000) · 0.1 − 0.1 · (1000 + 1050) · 0.001 = 5 − 0.205
        assertThat(h.deals).singleElement().satisfies(d -> {
            assertThat(d.pnl()).isEqualByComparingTo("4.795");
            assertThat(d.pnl()).isEqualByComparingTo(sell.price().subtract(buy.price()).multiply(buy.quantity())
                    .subtract(buy.fee()).subtract(sell.fee()));
            assertThat(d.quantity()).isEqualByComparingTo("0.1");
            assertThat(pair(d)).isEqualTo("1000.00→1050.00");
            assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
        });
        assertThat(h.deals.getFirst().pnl()).isEqualByComparingTo(((GridStrategy) h.strategy).gridProfit());
    }

    @Test
    void interleavedGridsEachMakeTheirOwnDeal() {
        Harness h = bot(grid());
        h.tick(1, 1120).tick(2, 1049).tick(3, 999);   // 1050 and 1000 bought
        h.tick(4, 1051);                              // the 1000 grid sells at 1050; 1050 still held
        assertThat(h.deals).extracting(GridDealsTest::pair).containsExactly("1000.00→1050.00");
        h.tick(5, 949);                               // 1000 (again) and 950 bought
        h.tick(6, 1101);                              // every held grid sells one line up
        GridStrategy grid = (GridStrategy) h.strategy;
        assertThat(grid.completedGrids()).isEqualTo(4);
        assertThat(h.deals).extracting(GridDealsTest::pair).containsExactlyInAnyOrder("1000.00→1050.00",
                "950.00→1000.00", "1000.00→1050.00", "1050.00→1100.00");
        for (Deal d : h.deals) {
            assertThat(d.pnl()).as(pair(d)).isEqualByComparingTo(pairPnl(d.entryPrice().toPlainString(),
                    d.exitPrice().toPlainString(), d.quantity()));
        }
        BigDecimal total = h.deals.stream().map(Deal::pnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo(grid.gridProfit());
        assertThat(h.position()).isZero();   // back to flat here, yet four deals, not one
    }

    @Test
    void partlyFilledOrdersMakeOneDealWhenTheLotIsFullySold() {
        // each trade lets our orders fill 0.02 of its 1000 volume: a 0.05 order fills in 0.02 + 0.02 + 0.01
        Harness h = new Harness(strategy(grid("quantityPerGrid", "0.05", "quantityCurrency", "BASE")), Harness.BTC,
                Harness.usdt("100000"), KernelState.EMPTY, new SimFillModel(false, 0, 0.00002)).start();
        h.tick(1, 1120);
        h.tick(2, 1049).tick(3, 1049).tick(4, 1049);
        assertThat(h.fills(OrderSide.BUY)).hasSize(3);
        h.tick(5, 999).tick(6, 999).tick(7, 999);    // the 1000 grid, also in three pieces
        assertThat(h.fills(OrderSide.BUY)).hasSize(6);
        h.tick(8, 1051).tick(9, 1051);
        assertThat(h.fills(OrderSide.SELL)).hasSize(2);
        assertThat(h.deals).as("0.01 of the lot is still held").isEmpty();
        h.tick(10, 1051);
        // (1050 − 1000) · 0.05 − 0.05 · (1000 + 1050) · 0.001 = 2.5 − 0.1025; the 1050 grid still holds 0.05
        assertThat(h.deals).singleElement().satisfies(d -> {
            assertThat(d.pnl()).isEqualByComparingTo("2.3975");
            assertThat(d.quantity()).isEqualByComparingTo("0.05");
            assertThat(pair(d)).isEqualTo("1000.00→1050.00");
        });
        assertThat(h.position()).isEqualByComparingTo("0.05");
    }

    @Test
    void aRestartMidGridRebuildsTheLotsFromTheFills() {
        Harness straight = bot(grid());
        straight.tick(1, 1120).tick(2, 1049).tick(3, 999);

        Harness before = bot(grid());
        before.tick(1, 1120).tick(2, 1049).tick(3, 999);   // 1050 and 1000 held
        List<OrderSnapshot> open = before.open();
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        before.sim.balances().forEach((asset, b) -> balances.put(asset, b.total()));
        KernelState state = new KernelState(before.kernel.nextSequence(), open, before.fills);
        Harness after = new Harness(strategy(grid()), Harness.BTC, balances, state);
        after.sim.restore(open);
        after.start();
        assertThat(after.position()).isEqualByComparingTo(before.position());

        for (Harness h : List.of(straight, after)) h.tick(10, 999).tick(11, 1101);
        assertThat(after.deals).extracting(GridDealsTest::pair)
                .containsExactlyInAnyOrder("1000.00→1050.00", "1050.00→1100.00");
        // the restarted bot's deals carry the entry prices and entry fees of the fills from before the restart
        assertThat(after.deals).containsExactlyInAnyOrderElementsOf(straight.deals);
        for (Deal d : after.deals) {
            assertThat(d.pnl()).as(pair(d)).isEqualByComparingTo(pairPnl(d.entryPrice().toPlainString(),
                    d.exitPrice().toPlainString(), d.quantity()));
        }
    }
}
