package dev.botfleet.engine.position;

import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static dev.botfleet.engine.position.PositionTest.BTC;
import static dev.botfleet.engine.position.PositionTest.T;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-lot deal policies, worked by hand: each expected number is computed in the comment above it. */
class LotDealsTest {
    /** Feeds fills to a tracker the way the kernel does (position first), collecting the deals. */
    static final class Book {
        final Position position = new Position("b", BTC);
        final DealTracker tracker;
        final List<Deal> deals = new ArrayList<>();
        final List<OrderFilled> fills = new ArrayList<>();

        Book(DealPolicy policy) {
            tracker = new DealTracker("b", "BTC/USDT", "USDT", "BTC", policy);
        }

        List<Deal> apply(OrderFilled f, CloseReason reason) {
            fills.add(f);
            BigDecimal before = position.quantity();
            BigDecimal realized = position.apply(f);
            List<Deal> done = tracker.completed(f, before, position.quantity(), realized, reason);
            deals.addAll(done);
            return done;
        }

        List<Deal> apply(OrderFilled f) { return apply(f, null); }

        /** A second tracker rebuilt from the fills so far, as a restarted kernel does. */
        Book replayed() {
            Book b = new Book(tracker.policy());
            for (OrderFilled f : fills) b.apply(f);
            return b;
        }
    }

    static int seq;

    /** A fill of its own order. */
    static OrderFilled fill(OrderSide side, String qty, String price, String fee, String feeCurrency) {
        return fill("o" + (++seq), side, qty, price, fee, feeCurrency);
    }

    static OrderFilled fill(String orderId, OrderSide side, String qty, String price, String fee, String feeCurrency) {
        return new OrderFilled(orderId, "t" + (++seq), side, new BigDecimal(price), new BigDecimal(qty),
                new BigDecimal(fee), feeCurrency, Liquidity.MAKER, T.plusSeconds(seq));
    }

    static OrderFilled buy(String qty, String price, String fee) { return fill(OrderSide.BUY, qty, price, fee, "USDT"); }

    static OrderFilled sell(String qty, String price, String fee) { return fill(OrderSide.SELL, qty, price, fee, "USDT"); }

    @Test
    void aLotClosedByOneExitIsADealNetOfBothFees() {
        Book b = new Book(DealPolicy.PER_LOT);
        assertThat(b.apply(buy("2", "100", "0.2"))).isEmpty();
        List<Deal> done = b.apply(sell("2", "110", "0.22"), CloseReason.TAKE_PROFIT);
        // (110 - 100) * 2 - 0.2 - 0.22 = 19.58
        assertThat(done).singleElement().satisfies(d -> {
            assertThat(d.pnl()).isEqualByComparingTo("19.58");
            assertThat(d.fees()).isEqualByComparingTo("0.42");
            assertThat(d.quantity()).isEqualByComparingTo("2");
            assertThat(d.entryPrice()).isEqualByComparingTo("100");
            assertThat(d.exitPrice()).isEqualByComparingTo("110");
            assertThat(d.direction()).isEqualTo(Deal.Direction.LONG);
            assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
        });
        assertThat(b.tracker.isOpen()).isFalse();
    }

    @Test
    void dealsAreCountedWhileThePositionNeverReturnsToZero() {
        Book lots = new Book(DealPolicy.PER_LOT);
        Book flat = new Book(DealPolicy.FLAT_POSITION);
        for (Book b : List.of(lots, flat)) {
            b.apply(buy("1", "100", "0"));
            b.apply(buy("1", "90", "0"));
            b.apply(sell("1", "95", "0"));
            b.apply(buy("1", "85", "0"));
            b.apply(sell("1", "90", "0"));
        }
        assertThat(flat.deals).isEmpty();
        // FIFO: the lot at 100 closes at 95 (-5), the lot at 90 closes at 90 (0); the lot at 85 stays open
        assertThat(lots.deals).extracting(Deal::pnl).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("-5"), BigDecimal.ZERO);
        assertThat(lots.tracker.openLots()).containsExactly("LONG 1/1@85");
    }

    @Test
    void nearestClosesTheLotBoughtJustBelowTheExitWhateverTheOrderOfTheExits() {
        Book fifo = new Book(DealPolicy.PER_LOT);
        Book nearest = new Book(DealPolicy.PER_LOT_NEAREST);
        for (Book b : List.of(fifo, nearest)) {
            b.apply(buy("1", "1050", "0"));    // grids bought as the price falls: 1050, then 1000
            b.apply(buy("1", "1000", "0"));
            b.apply(sell("1", "1100", "0"));   // the 1050 grid's sell first, then the 1000 grid's
            b.apply(sell("1", "1050", "0"));
        }
        // each grid: +50
        assertThat(nearest.deals).extracting(d -> d.entryPrice().toPlainString() + "→" + d.exitPrice().toPlainString())
                .containsExactly("1050→1100", "1000→1050");
        assertThat(nearest.deals).allSatisfy(d -> assertThat(d.pnl()).isEqualByComparingTo("50"));
        // FIFO pairs by age instead: 1050→1100 and 1000→1050 only by luck of order; here the first sell closes 1050
        assertThat(fifo.deals).extracting(Deal::pnl).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("50"), new BigDecimal("50"));

        Book b = new Book(DealPolicy.PER_LOT);
        b.apply(buy("1", "1050", "0"));
        b.apply(buy("1", "1000", "0"));
        // FIFO: the sell at 1050 closes the older lot at 1050 (0), the sell at 1100 the lot at 1000 (+100)
        b.apply(sell("1", "1050", "0"));
        b.apply(sell("1", "1100", "0"));
        assertThat(b.deals).extracting(Deal::pnl).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(BigDecimal.ZERO, new BigDecimal("100"));
        Book n = new Book(DealPolicy.PER_LOT_NEAREST);
        n.apply(buy("1", "1050", "0"));
        n.apply(buy("1", "1000", "0"));
        n.apply(sell("1", "1050", "0"));
        n.apply(sell("1", "1100", "0"));
        assertThat(n.deals).allSatisfy(d -> assertThat(d.pnl()).isEqualByComparingTo("50"));
    }

    @Test
    void nearestMirrorsForShortsAndFallsBackToOldestAtALoss() {
        Book b = new Book(DealPolicy.PER_LOT_NEAREST);
        b.apply(sell("1", "100", "0"));
        b.apply(sell("1", "110", "0"));
        // bought back at 105: the only short above 105 is the one at 110
        assertThat(b.apply(buy("1", "105", "0"))).singleElement()
                .satisfies(d -> assertThat(d.entryPrice()).isEqualByComparingTo("110"));
        // bought back at 120, above every entry: the oldest (here the only) lot, at a loss of 20
        assertThat(b.apply(buy("1", "120", "0"))).singleElement()
                .satisfies(d -> assertThat(d.pnl()).isEqualByComparingTo("-20"));
    }

    @Test
    void partialFillsOfOneEntryOrderAreOneLot() {
        Book b = new Book(DealPolicy.PER_LOT);
        b.apply(fill("buy-1", OrderSide.BUY, "0.5", "100", "0.05", "USDT"));
        b.apply(fill("buy-1", OrderSide.BUY, "1.5", "102", "0.153", "USDT"));
        assertThat(b.tracker.openLots()).containsExactly("LONG 2/2@101.5");
        assertThat(b.apply(sell("1.5", "110", "0"))).isEmpty();
        // cost 50 + 153 = 203; exits 165 + 0.5 · 104 = 217; 217 − 203 − 0.203 = 13.797
        assertThat(b.apply(sell("0.5", "104", "0"))).singleElement()
                .satisfies(d -> assertThat(d.pnl()).isEqualByComparingTo("13.797"));
    }

    @Test
    void aLotClosedInPiecesCompletesWithItsLastPiece() {
        Book b = new Book(DealPolicy.PER_LOT);
        b.apply(buy("2", "100", "0.2"));
        assertThat(b.apply(sell("0.5", "110", "0.055"))).isEmpty();
        assertThat(b.apply(sell("1", "120", "0.12"))).isEmpty();
        assertThat(b.tracker.openLots()).containsExactly("LONG 0.5/2@100");
        List<Deal> done = b.apply(sell("0.5", "100", "0.05"));
        // exits: 55 + 120 + 50 = 225 for 2 -> 112.5; pnl 225 - 200 - (0.2 + 0.055 + 0.12 + 0.05) = 24.575
        assertThat(done).singleElement().satisfies(d -> {
            assertThat(d.exitPrice()).isEqualByComparingTo("112.5");
            assertThat(d.pnl()).isEqualByComparingTo("24.575");
            assertThat(d.fees()).isEqualByComparingTo("0.425");
        });
    }

    @Test
    void oneExitClosingSeveralLotsSplitsItsFeeByQuantity() {
        Book b = new Book(DealPolicy.PER_LOT);
        b.apply(buy("1", "100", "0"));
        b.apply(buy("3", "80", "0"));
        List<Deal> done = b.apply(sell("4", "90", "0.4"), CloseReason.STOP_LOSS);
        // lot 1: (90 - 100) * 1 - 0.1 = -10.1; lot 2: (90 - 80) * 3 - 0.3 = 29.7
        assertThat(done).extracting(Deal::pnl).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("-10.1"), new BigDecimal("29.7"));
        assertThat(done).extracting(Deal::closeReason).containsOnly(CloseReason.STOP_LOSS);
        // the deals add up to what the position realized
        assertThat(done.get(0).pnl().add(done.get(1).pnl())).isEqualByComparingTo(b.position.realizedPnl());
    }

    @Test
    void aFlipClosesTheLotsAndOpensOneTheOtherWay() {
        Book b = new Book(DealPolicy.PER_LOT);
        b.apply(buy("1", "100", "0"));
        // sells 3 at 110 with fee 0.3: 1 closes the lot (+10 - 0.1), 2 open a short carrying fee 0.2
        assertThat(b.apply(sell("3", "110", "0.3"))).singleElement()
                .satisfies(d -> assertThat(d.pnl()).isEqualByComparingTo("9.9"));
        assertThat(b.tracker.openLots()).containsExactly("SHORT 2/2@110");
        assertThat(b.apply(buy("2", "105", "0"))).singleElement().satisfies(d -> {
            // (110 - 105) * 2 - 0.2 = 9.8
            assertThat(d.pnl()).isEqualByComparingTo("9.8");
            assertThat(d.direction()).isEqualTo(Deal.Direction.SHORT);
        });
    }

    @Test
    void aBaseAssetFeeShrinksTheLotsLikeThePosition() {
        Book b = new Book(DealPolicy.PER_LOT);
        b.apply(fill(OrderSide.BUY, "1", "100", "0.001", "BTC"));
        assertThat(b.tracker.openLots()).containsExactly("LONG 0.999/1@100");
        assertThat(b.apply(sell("0.999", "110", "0"))).singleElement()
                // 0.999 * 110 - 100 = 9.89: the fee's base was given away at no proceeds
                .satisfies(d -> assertThat(d.pnl()).isEqualByComparingTo("9.89"));
        assertThat(b.position.isFlat()).isTrue();
    }

    @Test
    void replayingTheFillsRebuildsTheSameOpenLots() {
        for (DealPolicy policy : List.of(DealPolicy.PER_LOT, DealPolicy.PER_LOT_NEAREST)) {
            Book b = new Book(policy);
            b.apply(buy("1", "100", "0.1"));
            b.apply(buy("2", "90", "0.18"));
            b.apply(sell("1.5", "95", "0.1425"));
            b.apply(buy("0.5", "80", "0.04"));
            Book again = b.replayed();
            assertThat(again.tracker.openLots()).as(policy.name()).isEqualTo(b.tracker.openLots()).isNotEmpty();
            // and both complete the same deals from here on
            OrderFilled exit = sell("2", "100", "0.2");
            List<Deal> live = b.apply(exit);
            assertThat(again.apply(exit)).as(policy.name()).isEqualTo(live).isNotEmpty();
            assertThat(again.tracker.openLots()).isEqualTo(b.tracker.openLots());
        }
    }
}
