package dev.botfleet.strategies.dca;

import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import static dev.botfleet.strategies.dca.DcaStrategyTest.bot;
import static dev.botfleet.strategies.dca.DcaStrategyTest.golden;
import static org.assertj.core.api.Assertions.assertThat;

/** When a DCA deal starts, and its exits, on candles. RSI(2) of the closes 1000, 1010, 1000 is exactly 50. */
class DcaStartTest {
    static boolean baseOrderSent(Harness h) {
        return h.orders.stream().anyMatch(o -> o.type() == OrderType.MARKET && o.side() == OrderSide.BUY);
    }

    @Test
    void rsiBelowStartsOnlyStrictlyBelowTheThreshold() {
        Harness h = bot(golden("startCondition", "RSI_BELOW", "rsiPeriod", 2, "rsiThreshold", "50"));
        h.closes(0, 1000, 1010, 1000);
        assertThat(baseOrderSent(h)).as("RSI 50 is not below 50").isFalse();
        h.close(3, 990);
        assertThat(baseOrderSent(h)).isTrue();
    }

    @Test
    void rsiAboveStartsOnlyStrictlyAboveTheThreshold() {
        Harness h = bot(golden("startCondition", "RSI_ABOVE", "rsiPeriod", 2, "rsiThreshold", "50"));
        h.closes(0, 1000, 1010);
        assertThat(baseOrderSent(h)).as("RSI not ready yet").isFalse();
        h.close(2, 1000);
        assertThat(baseOrderSent(h)).as("RSI 50 is not above 50").isFalse();
        h.close(3, 1010);                        // RSI 75
        assertThat(baseOrderSent(h)).isTrue();
    }

    @Test
    void asapStartsOnTheFirstCandleWhateverTheTimeframe() {
        Harness h = bot(golden("timeframe", "5m"));
        h.close(0, 1000);                        // a 1m candle: the 5m candle is not complete, ASAP does not wait
        assertThat(baseOrderSent(h)).isTrue();
    }

    @Test
    void theStopLossWorksOnCandles() {
        // candles are the only data: they are replayed through the exchange, as in a backtest
        Harness h = Harness.onCandles(DcaDefinition.definition(), DcaStrategy::new,
                golden("stopLossPercent", "5", "maxSafetyOrders", 0)).start();
        h.closes(0, 1000, 1000);                 // base order sent, then filled at the next open
        assertThat(h.position()).isEqualByComparingTo("0.1");
        h.closes(2, 949, 949);                   // the close 949 is below 950: sold at the next open
        assertThat(h.deals).singleElement().satisfies(d -> {
            assertThat(d.closeReason()).isEqualTo(CloseReason.STOP_LOSS);
            assertThat(d.exitPrice()).isEqualByComparingTo("949");
        });
    }
}
