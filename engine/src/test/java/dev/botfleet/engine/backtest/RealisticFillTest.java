package dev.botfleet.engine.backtest;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The realistic fill model on hand-built bars: bar replay order, trade-through limits, fees, slippage. */
class RealisticFillTest {
    private static final StrategyConfig NO_PARAMS = StrategyConfig.of(Map.of());

    /** Buys 1 with a limit at 99 after the first candle; on the fill, sells at 101 (take profit). */
    static final class LimitRoundTrip implements Strategy {
        private boolean placed;

        @Override
        public void onCandle(StrategyContext ctx, Candle candle) {
            if (!placed) {
                placed = true;
                ctx.submit(OrderRequest.limit(OrderSide.BUY, BigDecimal.ONE, new BigDecimal("99.00")));
            }
        }

        @Override
        public void onFill(StrategyContext ctx, OrderSnapshot order, Fill fill) {
            if (order.side() == OrderSide.BUY) {
                ctx.submit(OrderRequest.limit(OrderSide.SELL, BigDecimal.ONE, new BigDecimal("101.00"))
                        .closing(CloseReason.TAKE_PROFIT));
            }
        }
    }

    /** Buys 1 at market after the first candle, sells at market after the third. */
    static final class MarketRoundTrip implements Strategy {
        private int candles;

        @Override
        public void onCandle(StrategyContext ctx, Candle candle) {
            candles++;
            if (candles == 1) ctx.submit(OrderRequest.market(OrderSide.BUY, BigDecimal.ONE));
            if (candles == 3) ctx.submit(OrderRequest.market(OrderSide.SELL, BigDecimal.ONE).closing(CloseReason.SIGNAL));
        }
    }

    @Test
    void limitFillsOnlyWhenTradedThroughAtItsPriceWithMakerFee() {
        var candles = Fixtures.bars(
                new double[]{100, 101, 99.5, 100},   // buy limit 99 placed at this close
                new double[]{100, 100, 99, 99.5},    // touches 99 only: no fill
                new double[]{99.5, 99.8, 98.9, 99},  // trades through 99: filled at 99
                new double[]{99, 101.5, 98.8, 101},  // O-L-H-C (open nearer the low); through 101: sold at 101
                new double[]{101, 102, 100, 101});
        BacktestSpec spec = BacktestSpec.of("limit", (c, i) -> new LimitRoundTrip(), NO_PARAMS, Fixtures.TEST, candles,
                new BigDecimal("1000"));

        BacktestResult r = Backtester.run(spec);

        assertThat(r.trades()).hasSize(1);
        BacktestTrade t = r.trades().getFirst();
        assertThat(t.entryPrice()).isEqualByComparingTo("99");
        assertThat(t.exitPrice()).isEqualByComparingTo("101");
        assertThat(t.entryTime()).isEqualTo(Instant.ofEpochMilli(3 * 60_000L));  // the close of the bar it filled in
        assertThat(t.exitTime()).isEqualTo(Instant.ofEpochMilli(4 * 60_000L));
        assertThat(t.fees()).isEqualByComparingTo("0.200");               // maker 0.1% of 99 and of 101
        assertThat(t.pnl()).isEqualByComparingTo("1.800");
        assertThat(t.closeReason()).isEqualTo("TAKE_PROFIT");
        assertThat(r.finalBalances()).containsEntry("USD", new BigDecimal("1001.8")).containsEntry("TST", BigDecimal.ZERO);
        assertThat(r.equity().equity()).containsExactly(new double[]{1000, 1000, 1000 - 99.099 + 99, 1001.8, 1001.8},
                within(1e-9));
        assertThat(r.equity().exposed()).containsExactly(false, false, true, false, false);
        assertThat(r.metrics().exposure()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void highFirstWhenTheOpenIsNearerTheHigh() {
        // Bar 2: open 100.9 is nearer the high, so O-H-L-C: the sell at 101 cannot fill before the buy at 99 does.
        var candles = Fixtures.bars(
                new double[]{100, 100.5, 99.5, 100},
                new double[]{100.9, 101.5, 98.5, 100},
                new double[]{100, 101.5, 99.5, 101});
        BacktestSpec spec = BacktestSpec.of("limit", (c, i) -> new LimitRoundTrip(), NO_PARAMS, Fixtures.TEST, candles,
                new BigDecimal("1000"));

        BacktestResult r = Backtester.run(spec);

        // Filled in bar 1 (through 99 on its low); the exit only rests from that bar's close and fills in bar 2.
        assertThat(r.trades()).hasSize(1);
        assertThat(r.trades().getFirst().exitTime()).isEqualTo(Instant.ofEpochMilli(3 * 60_000L));
    }

    @Test
    void marketOrdersFillAtTheNextOpenPlusSlippageAsTaker() {
        var candles = Fixtures.bars(
                new double[]{100, 101, 99, 100},
                new double[]{100.5, 102, 100, 101},   // buy fills at the open 100.50 + 2 ticks
                new double[]{101, 103, 100, 102},     // sell decided at this close
                new double[]{102.5, 103, 101, 102});  // sell fills at 102.50 - 2 ticks
        BacktestSpec spec = new BacktestSpec("market", (c, i) -> new MarketRoundTrip(), NO_PARAMS, Fixtures.TEST,
                candles, FillModel.REALISTIC, new BigDecimal("1000"), 2, -1);

        BacktestResult r = Backtester.run(spec);

        BacktestTrade t = r.trades().getFirst();
        assertThat(t.entryPrice()).isEqualByComparingTo("100.52");
        assertThat(t.exitPrice()).isEqualByComparingTo("102.48");
        // taker 0.2% of 100.52 and of 102.48
        assertThat(t.fees()).isEqualByComparingTo("0.40600");
        assertThat(t.pnl()).isEqualByComparingTo("1.55400");
        assertThat(t.closeReason()).isEqualTo("SIGNAL");
    }
}
