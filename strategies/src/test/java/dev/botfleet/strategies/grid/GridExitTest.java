package dev.botfleet.strategies.grid;

import dev.botfleet.engine.kernel.KernelState;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.botfleet.strategies.grid.GridStrategyTest.bot;
import static dev.botfleet.strategies.grid.GridStrategyTest.grid;
import static dev.botfleet.strategies.grid.GridStrategyTest.resting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid's stop-loss and take-profit prices: the trigger itself fires, the closing market sell is sent until it has
 * sold everything, and the bot stops only when it is flat with no order of its own still working. The grid is
 * 900 / 950 / 1000 / 1050 / 1100, 100 USDT per grid.
 */
class GridExitTest {
    static boolean marketSell(OrderSnapshot o) {
        return o.type() == OrderType.MARKET && o.side() == OrderSide.SELL;
    }

    /** Started at 1000 (the 1000 and 1050 grids bought at market, sells resting), then 899: every buy filled. */
    static Harness holdingEveryGrid(Object... params) {
        Harness h = bot(grid(params));
        h.tick(1, 1000).tick(2, 1000).tick(3, 899);
        assertThat(h.position()).isEqualByComparingTo("0.41160");   // 0.10000 + 0.09523 + 0.11111 + 0.10526
        return h;
    }

    @Test
    void theStopLossFiresAtExactlyItsPriceAndCancelsTheGrid() {
        Harness h = holdingEveryGrid("stopLossPrice", "850");
        h.tick(4, 850.01);
        assertThat(h.open()).noneMatch(GridExitTest::marketSell);
        h.tick(5, 850);
        assertThat(h.activity).contains("WARNING Stop-loss price reached: closing the grid");
        assertThat(h.open()).singleElement().satisfies(o -> {
            assertThat(marketSell(o)).isTrue();
            assertThat(o.quantity()).isEqualByComparingTo("0.41160");
            assertThat(o.closeReason()).isEqualTo(CloseReason.STOP_LOSS);
        });
    }

    @Test
    void theTakeProfitFiresAtExactlyItsPriceAndSellsWhatTheGridHolds() {
        Harness h = bot(grid("takeProfitPrice", "1150"));
        // the 1050 grid's sell at 1100 is rejected twice, so its base is still held when the price reaches 1150
        h.exchange.rejectNext(o -> o.side() == OrderSide.SELL && "1100.00".equals(o.price().toPlainString()));
        h.exchange.rejectNext(o -> o.side() == OrderSide.SELL && "1100.00".equals(o.price().toPlainString()));
        h.tick(1, 1000).tick(2, 1000);
        assertThat(resting(h)).containsExactlyInAnyOrder("BUY 0.11111@900.00", "BUY 0.10526@950.00",
                "SELL 0.10000@1050.00");
        h.tick(3, 1150);           // the 1050 sell fills; the 1100 sell, placed again, is canceled by the close
        assertThat(h.activity).contains("WARNING Take-profit price reached: closing the grid");
        assertThat(h.open()).singleElement().satisfies(o -> {
            assertThat(marketSell(o)).isTrue();
            assertThat(o.quantity()).isEqualByComparingTo("0.09523");
        });
        h.tick(4, 1151);
        assertThat(h.position()).isZero();
        assertThat(h.deals.getLast().closeReason()).isEqualTo(CloseReason.TAKE_PROFIT);
        assertThat(h.stops).containsExactly("grid closed: take profit");
    }

    @Test
    void aRejectedCloseIsSentAgainOnTheNextPrice() {
        Harness h = holdingEveryGrid("stopLossPrice", "850");
        h.exchange.rejectNext(GridExitTest::marketSell);
        h.tick(4, 849);
        assertThat(h.latestOrders()).filteredOn(GridExitTest::marketSell).singleElement()
                .satisfies(o -> assertThat(o.reason()).isEqualTo("rejected by the exchange"));
        assertThat(h.open()).isEmpty();
        assertThat(h.kernel.isRunning()).isTrue();
        h.tick(5, 848);
        assertThat(h.open()).singleElement().matches(GridExitTest::marketSell);
        h.tick(6, 847);
        assertThat(h.position()).isZero();
        assertThat(h.stops).containsExactly("grid closed: stop loss");
    }

    @Test
    void aCloseReportedFilledBetweenTradesStopsTheBotAtOnce() {
        Harness h = holdingEveryGrid("stopLossPrice", "850");
        h.tick(4, 849);
        h.exchange.hold(e -> e instanceof OrderEvent.OrderFilled);
        h.tick(5, 848);            // the exchange fills the close; its report arrives after the trade
        assertThat(h.stops).isEmpty();
        h.deliverHeld();
        assertThat(h.position()).isZero();
        assertThat(h.stops).containsExactly("grid closed: stop loss");
    }

    @Test
    void aGridBuyThatFilledBeforeItsCancelIsSoldToo() {
        Harness h = bot(grid("stopLossPrice", "850"));
        h.tick(1, 1000).tick(2, 1000);
        h.exchange.hold(e -> e instanceof OrderEvent.OrderFilled);
        h.tick(3, 940);            // the 950 buy fills on the exchange; the bot does not know yet
        h.tick(4, 849);            // so does the 900 buy; then the stop loss: their cancels come too late
        assertThat(h.open()).filteredOn(GridExitTest::marketSell).singleElement()
                .satisfies(o -> assertThat(o.quantity()).isEqualByComparingTo("0.19523"));
        h.deliverHeld();           // 0.10526 + 0.11111 more: no sell is placed for them, the grid is closing
        assertThat(h.position()).isEqualByComparingTo("0.41160");
        assertThat(h.open()).singleElement().matches(GridExitTest::marketSell);
        h.tick(5, 848);            // the close sells 0.19523: not flat, so the rest goes at market; the bot goes on
        assertThat(h.position()).isEqualByComparingTo("0.21637");
        assertThat(h.stops).isEmpty();
        assertThat(h.open()).singleElement().satisfies(o -> {
            assertThat(marketSell(o)).isTrue();
            assertThat(o.quantity()).isEqualByComparingTo("0.21637");
        });
        h.tick(6, 847);
        assertThat(h.position()).isZero();
        assertThat(h.stops).containsExactly("grid closed: stop loss");
        assertThat(h.orders).filteredOn(o -> o.type() == OrderType.LIMIT && o.side() == OrderSide.SELL)
                .extracting(o -> o.price().toPlainString()).containsOnly("1050.00", "1100.00");
    }

    @Test
    void theStartsMarketBuyFilledBeforeTheStopIsSoldBeforeTheBotStops() {
        Harness h = bot(grid("stopLossPrice", "850"));
        h.tick(1, 1000);           // the market buy for the 1000 and 1050 grids is on its way
        h.exchange.hold(e -> e instanceof OrderEvent.OrderFilled);
        h.tick(2, 849);            // it and both buys fill on the exchange, reported later; the stop loss fires meanwhile
        assertThat(h.position()).isZero();
        assertThat(h.stops).as("flat, but the market buy is still working").isEmpty();
        h.deliverHeld();
        assertThat(h.position()).isEqualByComparingTo("0.41160");
        assertThat(h.open()).isEmpty();   // its grids' sells are not placed: the grid is closing
        h.tick(3, 848);
        assertThat(h.open()).singleElement().matches(GridExitTest::marketSell);
        h.tick(4, 847);
        assertThat(h.position()).isZero();
        assertThat(h.stops).containsExactly("grid closed: stop loss");
    }

    @Test
    void aCloseTheRiskChecksDenyStopsTheBotNamingWhatIsLeftUnsold() {
        Harness before = bot(grid("stopLossPrice", "850"));
        before.tick(1, 1000).tick(2, 1000);             // 0.19523 BTC bought at market
        // restarted on an account whose BTC is gone (withdrawn by hand), while the journal still holds the position
        Harness h = new Harness(GridDealsTest.strategy(grid("stopLossPrice", "850")), Harness.BTC,
                Harness.usdt("100000"), new KernelState(before.kernel.nextSequence(), List.of(), before.fills)).start();
        h.tick(10, 1000);
        assertThat(h.position()).isEqualByComparingTo("0.19523");
        h.tick(11, 849);                                // the 900 and 950 buys fill, then the stop loss fires
        assertThat(h.position()).isEqualByComparingTo("0.41160");
        assertThat(h.stops).singleElement().asString().startsWith("grid closed, 0.41160 left unsold: ");
        assertThat(h.kernel.isRunning()).isFalse();
    }
}
