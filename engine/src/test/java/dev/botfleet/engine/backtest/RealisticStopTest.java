package dev.botfleet.engine.backtest;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The realistic fill model's stop rule: a resting STOP_MARKET fills at its trigger inside a bar, at the open on a gap. */
class RealisticStopTest {
    private static final StrategyConfig NO_PARAMS = StrategyConfig.of(Map.of());

    /** Buys 1 at market after the first candle; once filled, rests a stop-loss sell at 95. */
    static final class StopLossAfterEntry implements Strategy {
        private boolean entered;

        @Override
        public void onCandle(StrategyContext ctx, Candle candle) {
            if (!entered) {
                entered = true;
                ctx.submit(OrderRequest.market(OrderSide.BUY, BigDecimal.ONE));
            }
        }

        @Override
        public void onFill(StrategyContext ctx, OrderSnapshot order, Fill fill) {
            if (order.side() == OrderSide.BUY) {
                ctx.submit(OrderRequest.stopMarket(OrderSide.SELL, BigDecimal.ONE, new BigDecimal("95.00"))
                        .closing(CloseReason.STOP_LOSS));
            }
        }
    }

    static BacktestResult run(double[]... bars) {
        BacktestSpec spec = new BacktestSpec("stop", (c, i) -> new StopLossAfterEntry(), NO_PARAMS, Fixtures.TEST,
                Fixtures.bars(bars), FillModel.REALISTIC, new BigDecimal("1000"), 0, -1);
        return Backtester.run(spec);
    }

    @Test
    void aBarThatTradesThroughTheTriggerFillsTheStopAtTheTrigger() {
        BacktestResult r = run(
                new double[]{100, 101, 99, 100},     // market buy placed at this close
                new double[]{100, 101, 99.5, 100},   // bought at the open, 100; the stop rests from this close
                new double[]{100, 101, 94, 96},      // O-H-L-C: 101 -> 94 passes 95: sold at 95
                new double[]{96, 97, 95, 96});

        assertThat(r.warnings()).isEmpty();
        assertThat(r.trades()).singleElement().satisfies(t -> {
            assertThat(t.entryPrice()).isEqualByComparingTo("100");
            assertThat(t.exitPrice()).isEqualByComparingTo("95.00");
            assertThat(t.exitTime()).isEqualTo(Instant.ofEpochMilli(3 * 60_000L));
            assertThat(t.fees()).isEqualByComparingTo("0.390");   // taker 0.2% of 100 and of 95
            assertThat(t.pnl()).isEqualByComparingTo("-5.390");
            assertThat(t.closeReason()).isEqualTo("STOP_LOSS");
        });
        assertThat(r.finalBalances()).containsEntry("USD", new BigDecimal("994.61")).containsEntry("TST", BigDecimal.ZERO);
    }

    @Test
    void aGapDownThroughTheTriggerFillsTheStopAtTheOpen() {
        BacktestResult r = run(
                new double[]{100, 101, 99, 100},
                new double[]{100, 101, 99.5, 100},
                new double[]{90, 92, 89, 91},        // opens at 90, below 95: the stop fills at the open
                new double[]{91, 92, 90, 91});

        assertThat(r.trades()).singleElement().satisfies(t -> {
            assertThat(t.exitPrice()).isEqualByComparingTo("90.00");
            assertThat(t.fees()).isEqualByComparingTo("0.380");   // taker 0.2% of 100 and of 90
            assertThat(t.pnl()).isEqualByComparingTo("-10.380");
            assertThat(t.closeReason()).isEqualTo("STOP_LOSS");
        });
        assertThat(r.finalBalances()).containsEntry("USD", new BigDecimal("989.62"));
    }

    @Test
    void theFreqtradeFillModelRefusesStops() {
        BacktestSpec spec = new BacktestSpec("stop", (c, i) -> new StopLossAfterEntry(), NO_PARAMS, Fixtures.TEST,
                Fixtures.bars(new double[]{100, 101, 99, 100}, new double[]{100, 101, 99.5, 100}),
                FillModel.FREQTRADE, new BigDecimal("1000"), 0, -1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Backtester.run(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("places SELL " + OrderType.STOP_MARKET + " orders");
    }
}
