package dev.botfleet.engine.position;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.botfleet.engine.position.LotDealsTest.Book;
import static dev.botfleet.engine.position.LotDealsTest.buy;
import static dev.botfleet.engine.position.LotDealsTest.sell;
import static org.assertj.core.api.Assertions.assertThat;

/** The open deal marked at a price, worked by hand: closed deals' PnL + the open one's = the cash flows + the mark. */
class OpenDealTest {

    @Test
    void flatPolicyMarksTheWholeOpenDealWithItsPartialExitAndFees() {
        Book b = new Book(DealPolicy.FLAT_POSITION);
        b.apply(buy("1", "100", "0.1"));
        b.apply(buy("1", "90", "0.09"));
        b.apply(sell("1", "110", "0.11"));
        OpenDeal open = b.tracker.openDeal(new BigDecimal("105"));
        // entry (100 + 90) / 2 = 95; partial exit (110 - 95) * 1 = 15; open 1 at 105: +10; fees 0.3 -> 24.7
        assertThat(open.quantity()).isEqualByComparingTo("1");
        assertThat(open.entryPrice()).isEqualByComparingTo("95");
        assertThat(open.unrealizedPnl()).isEqualByComparingTo("24.7");
        assertThat(open.direction()).isEqualTo(Deal.Direction.LONG);
        assertThat(open.openedAt()).isEqualTo(b.fills.getFirst().timestamp());
        // cash: -100 - 90 + 110 - 0.3 = -80.3, plus 1 held at 105 = 24.7
        b.apply(sell("1", "105", "0"));
        assertThat(b.tracker.openDeal(new BigDecimal("105"))).isNull();
        assertThat(b.deals).singleElement().satisfies(d -> assertThat(d.pnl()).isEqualByComparingTo("24.7"));
    }

    @Test
    void perLotMarksOnlyTheLotsStillOpenAtTheirAverageEntry() {
        Book b = new Book(DealPolicy.PER_LOT);
        b.apply(buy("1", "100", "0.1"));
        b.apply(buy("2", "90", "0.18"));
        b.apply(sell("1", "95", "0.095"));  // closes the lot at 100: -5 - 0.1 - 0.095 = -5.195
        OpenDeal open = b.tracker.openDeal(new BigDecimal("93"));
        // the lot at 90 is open: 2 * (93 - 90) - 0.18 = 5.82
        assertThat(open.quantity()).isEqualByComparingTo("2");
        assertThat(open.entryPrice()).isEqualByComparingTo("90");
        assertThat(open.unrealizedPnl()).isEqualByComparingTo("5.82");
        assertThat(open.openedAt()).isEqualTo(b.fills.get(1).timestamp());
        // cash -100 - 180 + 95 - 0.375 = -185.375; held 2 at 93 = 186 -> 0.625 = -5.195 + 5.82
        assertThat(b.deals.getFirst().pnl().add(open.unrealizedPnl())).isEqualByComparingTo("0.625");
    }

    @Test
    void nothingOpenIsNull() {
        Book b = new Book(DealPolicy.PER_LOT_NEAREST);
        assertThat(b.tracker.openDeal(BigDecimal.TEN)).isNull();
        b.apply(buy("1", "100", "0"));
        b.apply(sell("1", "101", "0"));
        assertThat(b.tracker.openDeal(BigDecimal.TEN)).isNull();
    }
}
