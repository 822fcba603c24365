package dev.botfleet.strategies.grid;

import dev.botfleet.engine.kernel.KernelState;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import static dev.botfleet.strategies.grid.GridStrategyTest.bot;
import static dev.botfleet.strategies.grid.GridStrategyTest.grid;
import static dev.botfleet.strategies.grid.GridStrategyTest.resting;
import static dev.botfleet.strategies.grid.GridStrategyTest.strategy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the grid keeps its orders working when the exchange does not simply fill them: rejected, canceled by hand,
 * reported late. The grid is 900 / 950 / 1000 / 1050 / 1100, 100 USDT per grid.
 */
class GridOrdersTest {
    static String id(Harness h, OrderSide side, String price) {
        return h.open().stream().filter(o -> o.side() == side && o.price() != null
                && o.price().toPlainString().equals(price)).findFirst().orElseThrow().clientOrderId();
    }

    @Test
    void fillsReportedBetweenTradesAreActedOnAtOnce() {
        Harness h = bot(grid());
        h.tick(1, 1000);
        h.exchange.hold(e -> e instanceof OrderEvent.OrderFilled);
        h.tick(2, 1000);                 // the market buy fills; the report comes after the trade
        assertThat(resting(h)).containsExactlyInAnyOrder("BUY 0.11111@900.00", "BUY 0.10526@950.00");
        h.deliverHeld();                 // the grids it bought rest their sells without waiting for a price
        assertThat(resting(h)).containsExactlyInAnyOrder("BUY 0.11111@900.00", "BUY 0.10526@950.00",
                "SELL 0.10000@1050.00", "SELL 0.09523@1100.00");
        h.exchange.hold(e -> e instanceof OrderEvent.OrderFilled);
        h.tick(3, 949);                  // the 950 buy fills
        h.deliverHeld();
        assertThat(resting(h)).contains("SELL 0.10526@1000.00").doesNotContain("BUY 0.10526@950.00");
        h.exchange.hold(e -> e instanceof OrderEvent.OrderFilled);
        h.tick(4, 1001);                 // its sell fills
        h.deliverHeld();                 // the completed grid rests its buy again at once (the price is above it)
        assertThat(strategy(h).completedGrids()).isEqualTo(1);
        assertThat(resting(h)).contains("BUY 0.10526@950.00").doesNotContain("SELL 0.10526@1000.00");
    }

    @Test
    void aGridBoughtAtMarketStartsOverLikeAnyOther() {
        Harness h = bot(grid());
        h.tick(1, 1000).tick(2, 1000);
        h.tick(3, 1051);                 // the 1000 grid, bought by the start's market buy, sells at 1050
        assertThat(strategy(h).completedGrids()).isEqualTo(1);
        assertThat(resting(h)).contains("BUY 0.10000@1000.00");
    }

    @Test
    void aBuyCanceledByHandRestsAgainOnlyOnceThePriceIsAboveItsLine() {
        Harness h = bot(grid());
        h.tick(1, 1000).tick(2, 1000);
        h.kernel.cancel(id(h, OrderSide.BUY, "950.00"));
        assertThat(strategy(h).levels().get(1)).isEqualTo("950.00-1000.00 NOT_ACTIVE");
        h.tick(3, 950);                  // at the line, not above it: a buy there would take the market
        assertThat(resting(h)).doesNotContain("BUY 0.10526@950.00");
        h.tick(4, 950.01);
        assertThat(resting(h)).contains("BUY 0.10526@950.00");
    }

    @Test
    void aRejectedSellIsPlacedAgain() {
        Harness h = bot(grid());
        h.tick(1, 1000).tick(2, 1000);
        h.exchange.rejectNext(o -> o.side() == OrderSide.SELL);
        h.tick(3, 949);                  // the 950 buy fills; its sell at 1000 is rejected, and sent again
        assertThat(h.latestOrders()).filteredOn(o -> o.status() == OrderStatus.REJECTED).singleElement()
                .satisfies(o -> assertThat(o.price()).isEqualByComparingTo("1000"));
        assertThat(resting(h)).contains("SELL 0.10526@1000.00");
        assertThat(strategy(h).levels().get(1)).isEqualTo("950.00-1000.00 CLOSE_ORDER_PLACED");
    }

    @Test
    void aPartlyFilledBuyCanceledByHandSellsWhatItGot() {
        // each trade lets our orders fill 0.02 of its 1000 volume
        Harness h = new Harness(GridDealsTest.strategy(grid("quantityPerGrid", "0.05", "quantityCurrency", "BASE")),
                Harness.BTC, Harness.usdt("100000"), KernelState.EMPTY, new SimFillModel(false, 0, 0.00002)).start();
        h.tick(1, 1120);
        h.tick(2, 1049);                 // the 1050 buy gets 0.02 of its 0.05
        h.kernel.cancel(id(h, OrderSide.BUY, "1050.00"));
        h.tick(3, 1049);
        assertThat(resting(h)).contains("SELL 0.02000@1100.00");
    }

    @Test
    void aRejectedMarketBuyAtStartLeavesTheUpperGridsToBuyWhenThePriceIsAboveThem() {
        Harness h = bot(grid());
        h.exchange.rejectNext(o -> o.type() == OrderType.MARKET);
        h.tick(1, 1000);
        assertThat(h.position()).isZero();
        assertThat(resting(h)).containsExactlyInAnyOrder("BUY 0.11111@900.00", "BUY 0.10526@950.00");
        h.tick(2, 1000.01);
        assertThat(resting(h)).containsExactlyInAnyOrder("BUY 0.11111@900.00", "BUY 0.10526@950.00",
                "BUY 0.10000@1000.00");
    }

    @Test
    void aMarketBuyTheRiskChecksDenyLeavesTheUpperGridsToBuyWhenThePriceIsAboveThem() {
        // 2 grids 900-1000-1100; at 850 both are above the price: a 0.21111 BTC market buy, more than 150 USDT buys
        Harness h = new Harness(GridDealsTest.strategy(grid("upperPrice", "1100", "gridCount", 2)), Harness.BTC,
                Harness.usdt("150")).start();
        h.tick(1, 850);
        assertThat(h.latestOrders()).singleElement().satisfies(o -> {
            assertThat(o.type()).isEqualTo(OrderType.MARKET);
            assertThat(o.status()).isEqualTo(OrderStatus.DENIED);
        });
        h.tick(2, 900.01);
        assertThat(resting(h)).containsExactly("BUY 0.11111@900.00");
    }

    @Test
    void aGridTooNarrowForTheTickSizeStopsTheBotAtStart() {
        // lines 1000.00, 1000.005, 1000.01, 1000.015, 1000.02 on a 0.01 tick: two of them coincide
        Harness h = bot(grid("lowerPrice", "1000", "upperPrice", "1000.02"));
        h.tick(1, 1000.01);
        assertThat(h.activity).anyMatch(a -> a.startsWith("ERROR Grid ") && a.endsWith(
                " is too narrow for the tick size or its order is below the minimum; the bot stops"));
        assertThat(h.stops).containsExactly("grid does not fit the instrument");
        assertThat(h.orders).isEmpty();
    }

    @Test
    void aGridOrderBelowTheMinimumStopsTheBotAtStart() {
        Harness h = bot(grid("quantityPerGrid", "4"));   // 4 USDT, the minimum order is 5
        h.tick(1, 1000);
        assertThat(h.activity).contains("ERROR Grid 900.00-950.00 is too narrow for the tick size or its order is "
                + "below the minimum; the bot stops");
        assertThat(h.stops).containsExactly("grid does not fit the instrument");
        assertThat(h.orders).isEmpty();
    }
}
