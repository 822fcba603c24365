package dev.botfleet.engine.position;

import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.position.LotDealsTest.Book;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.botfleet.engine.position.LotDealsTest.buy;
import static dev.botfleet.engine.position.LotDealsTest.fill;
import static dev.botfleet.engine.position.LotDealsTest.sell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deals cut by {@link DealPolicy#FLAT_POSITION} (the default), and the tie rule of {@link DealPolicy#PER_LOT_NEAREST};
 * each expected number is computed in the comment above it.
 */
class FlatDealsTest {

    @Test
    void addingToAnOpenPositionIsOneDealAveragedByBaseQuantity() {
        Book b = new Book(DealPolicy.FLAT_POSITION);
        OrderFilled first = buy("1", "100", "0.1");
        assertThat(b.apply(first)).isEmpty();
        assertThat(b.tracker.isOpen()).isTrue();
        assertThat(b.apply(buy("3", "200", "0.2"))).isEmpty();
        OrderFilled exit = sell("4", "300", "0.3");
        List<Deal> done = b.apply(exit, CloseReason.TAKE_PROFIT);

        assertThat(done).singleElement().satisfies(d -> {
            assertThat(d.direction()).isEqualTo(Deal.Direction.LONG);
            assertThat(d.quantity()).isEqualByComparingTo("4");
            // (100 + 600) / 4
            assertThat(d.entryPrice()).isEqualByComparingTo("175");
            assertThat(d.exitPrice()).isEqualByComparingTo("300");
            // 1200 - 700 - 0.6
            assertThat(d.pnl()).isEqualByComparingTo("499.4");
            assertThat(d.fees()).isEqualByComparingTo("0.6");
            assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
            assertThat(d.openedAt()).isEqualTo(first.timestamp());
            assertThat(d.closedAt()).isEqualTo(exit.timestamp());
            assertThat(d.botId()).isEqualTo("b");
            assertThat(d.symbol()).isEqualTo("BTC/USDT");
            assertThat(d.isWin()).isTrue();
        });
        assertThat(b.tracker.isOpen()).isFalse();
        assertThat(b.position.isFlat()).isTrue();
    }

    @Test
    void closingInPiecesEndsTheDealWithTheLastPieceAtTheAverageExit() {
        Book b = new Book(DealPolicy.FLAT_POSITION);
        b.apply(buy("2", "100", "0"));
        assertThat(b.apply(sell("1", "110", "0"))).isEmpty();
        assertThat(b.tracker.isOpen()).isTrue();
        List<Deal> done = b.apply(sell("1", "120", "0"));
        assertThat(done).singleElement().satisfies(d -> {
            assertThat(d.quantity()).isEqualByComparingTo("2");   // the largest position reached
            assertThat(d.exitPrice()).isEqualByComparingTo("115");
            // 10 + 20
            assertThat(d.pnl()).isEqualByComparingTo("30");
            assertThat(d.closeReason()).isEqualTo(CloseReason.SIGNAL);   // no reason given
        });
    }

    @Test
    void theLargestPositionIsTheDealsQuantityEvenIfItShrankBetweenEntries() {
        Book b = new Book(DealPolicy.FLAT_POSITION);
        b.apply(buy("3", "100", "0"));
        b.apply(sell("2", "100", "0"));
        b.apply(buy("1", "100", "0"));
        assertThat(b.apply(sell("2", "100", "0"))).singleElement()
                .satisfies(d -> assertThat(d.quantity()).isEqualByComparingTo("3"));
    }

    @Test
    void flippingThroughZeroClosesTheDealAndOpensTheNextAtTheFillPrice() {
        Book b = new Book(DealPolicy.FLAT_POSITION);
        b.apply(buy("1", "100", "0.1"));
        OrderFilled flip = sell("3", "110", "0.33");
        List<Deal> first = b.apply(flip);
        assertThat(first).singleElement().satisfies(d -> {
            assertThat(d.direction()).isEqualTo(Deal.Direction.LONG);
            assertThat(d.quantity()).isEqualByComparingTo("1");
            assertThat(d.exitPrice()).isEqualByComparingTo("110");   // only the closing part counts
            // 10 - 0.1 - 0.33: the flip's whole fee stays with the deal it closed
            assertThat(d.pnl()).isEqualByComparingTo("9.57");
            assertThat(d.fees()).isEqualByComparingTo("0.43");
        });
        assertThat(b.tracker.isOpen()).isTrue();
        assertThat(b.position.quantity()).isEqualByComparingTo("-2");

        OrderFilled cover = buy("2", "105", "0.21");
        assertThat(b.apply(cover)).singleElement().satisfies(d -> {
            assertThat(d.direction()).isEqualTo(Deal.Direction.SHORT);
            assertThat(d.quantity()).isEqualByComparingTo("2");
            assertThat(d.entryPrice()).isEqualByComparingTo("110");
            assertThat(d.exitPrice()).isEqualByComparingTo("105");
            // (110 - 105) * 2 - 0.21
            assertThat(d.pnl()).isEqualByComparingTo("9.79");
            assertThat(d.fees()).isEqualByComparingTo("0.21");
            assertThat(d.openedAt()).isEqualTo(flip.timestamp());
            assertThat(d.closedAt()).isEqualTo(cover.timestamp());
        });
        assertThat(b.tracker.isOpen()).isFalse();
    }

    @Test
    void aShortDealGrowsWithSellsAndLosesWhenBoughtBackHigher() {
        Book b = new Book(DealPolicy.FLAT_POSITION);
        b.apply(sell("1", "100", "0"));
        b.apply(sell("1", "90", "0"));
        assertThat(b.apply(buy("2", "99", "0"))).singleElement().satisfies(d -> {
            assertThat(d.direction()).isEqualTo(Deal.Direction.SHORT);
            assertThat(d.entryPrice()).isEqualByComparingTo("95");
            // (95 - 99) * 2
            assertThat(d.pnl()).isEqualByComparingTo("-8");
            assertThat(d.isWin()).isFalse();
        });
    }

    @Test
    void feesInAnotherCurrencyAreNotTheDealsFees() {
        Book b = new Book(DealPolicy.FLAT_POSITION);
        b.apply(fill(OrderSide.BUY, "1", "100", "0.05", "BNB"));
        assertThat(b.apply(fill(OrderSide.SELL, "1", "100", "0.05", "BNB"))).singleElement().satisfies(d -> {
            assertThat(d.fees()).isEqualByComparingTo("0");
            assertThat(d.pnl()).isEqualByComparingTo("0");
            assertThat(d.isWin()).isFalse();
        });
    }

    @Test
    void theFirstOfSeveralCompletedDealsIsWhatOnFillReports() {
        DealTracker lots = new DealTracker("b", "BTC/USDT", "USDT", "BTC", DealPolicy.PER_LOT);
        BigDecimal zero = BigDecimal.ZERO;
        lots.onFill(buy("1", "100", "0"), zero, zero, zero, null);
        lots.onFill(buy("1", "101", "0"), zero, zero, zero, null);
        assertThat(lots.onFill(sell("2", "110", "0"), zero, zero, zero, CloseReason.MANUAL))
                .hasValueSatisfying(d -> assertThat(d.entryPrice()).isEqualByComparingTo("100"));
        assertThat(lots.onFill(buy("1", "100", "0"), zero, zero, zero, null)).isEmpty();
        assertThat(lots.policy()).isEqualTo(DealPolicy.PER_LOT);
        assertThat(lots.openLots()).containsExactly("LONG 1/1@100");
    }

    @Test
    void theFlatPolicyHasNoLots() {
        DealTracker flat = new DealTracker("b", "BTC/USDT", "USDT");
        assertThat(flat.policy()).isEqualTo(DealPolicy.FLAT_POSITION);
        assertThat(flat.openLots()).isEmpty();
        assertThat(DealPolicy.FLAT_POSITION.perLot()).isFalse();
        assertThat(DealPolicy.PER_LOT.perLot()).isTrue();
        assertThat(DealPolicy.PER_LOT_NEAREST.perLot()).isTrue();
    }

    @Test
    void amongLongLotsBoughtAtTheSamePriceTheOlderIsClosedFirst() {
        Book b = new Book(DealPolicy.PER_LOT_NEAREST);
        OrderFilled older = buy("1", "100", "0");
        b.apply(older);
        b.apply(buy("2", "100", "0"));
        assertThat(b.apply(sell("1", "110", "0"))).singleElement().satisfies(d -> {
            assertThat(d.quantity()).isEqualByComparingTo("1");
            assertThat(d.openedAt()).isEqualTo(older.timestamp());
        });
        assertThat(b.tracker.openLots()).containsExactly("LONG 2/2@100");
    }

    @Test
    void amongShortLotsSoldAtTheSamePriceTheOlderIsClosedFirst() {
        Book b = new Book(DealPolicy.PER_LOT_NEAREST);
        OrderFilled older = sell("1", "100", "0");
        b.apply(older);
        b.apply(sell("2", "100", "0"));
        assertThat(b.apply(buy("1", "90", "0"))).singleElement().satisfies(d -> {
            assertThat(d.quantity()).isEqualByComparingTo("1");
            assertThat(d.openedAt()).isEqualTo(older.timestamp());
            assertThat(d.direction()).isEqualTo(Deal.Direction.SHORT);
        });
        assertThat(b.tracker.openLots()).containsExactly("SHORT 2/2@100");
    }

    @Test
    void nearestSkipsALotThatWouldCloseAtExactlyItsEntry() {
        Book b = new Book(DealPolicy.PER_LOT_NEAREST);
        b.apply(buy("1", "90", "0"));
        b.apply(buy("1", "100", "0"));
        // selling at 100: the lot bought at 100 would make nothing, the one at 90 is the nearest profitable
        assertThat(b.apply(sell("1", "100", "0"))).singleElement()
                .satisfies(d -> assertThat(d.entryPrice()).isEqualByComparingTo("90"));

        Book s = new Book(DealPolicy.PER_LOT_NEAREST);
        s.apply(sell("1", "110", "0"));
        s.apply(sell("1", "100", "0"));
        assertThat(s.apply(buy("1", "100", "0"))).singleElement()
                .satisfies(d -> assertThat(d.entryPrice()).isEqualByComparingTo("110"));
    }

    @Test
    void aBaseAssetFeeShrinksTheOldestShortLotNotTheCheapest() {
        Book b = new Book(DealPolicy.PER_LOT_NEAREST);
        b.apply(sell("1", "100", "0"));
        b.apply(fill(OrderSide.SELL, "1", "90", "0.1", "BTC"));
        assertThat(b.tracker.openLots()).containsExactly("SHORT 0.9/1@100", "SHORT 1/1@90");
    }
}
