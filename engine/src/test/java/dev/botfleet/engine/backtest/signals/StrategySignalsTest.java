package dev.botfleet.engine.backtest.signals;

import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.analysis.TestData;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.strategy.IndicatorReporter;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategySignalsTest {
    /**
     * Buys 2 units at market on candles whose close is 9 or less while flat, sells all on closes of 12 or more while
     * long; reports "low" (1 on a close of 9 or less, else 0) only from candle 2 on.
     */
    static final class Threshold implements Strategy, IndicatorReporter {
        private int candles;
        private double low = Double.NaN;

        @Override
        public void onCandle(StrategyContext ctx, Candle candle) {
            candles++;
            low = candle.close() <= 9 ? 1 : 0;
            BigDecimal held = ctx.positionQuantity();
            if (held.signum() == 0 && candle.close() <= 9) {
                ctx.submit(OrderRequest.market(OrderSide.BUY, new BigDecimal("2")));
            } else if (held.signum() > 0 && candle.close() >= 12) {
                ctx.submit(OrderRequest.market(OrderSide.SELL, held).closing(CloseReason.SIGNAL));
            }
        }

        @Override
        public Map<String, Double> indicatorValues() {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("candles", (double) candles);
            if (candles > 2) values.put("low", low);
            return values;
        }
    }

    @Test
    void recordsEntriesExitsAndIndicatorColumnsPerCandle() {
        // Closes 10, 9, 8, 12, 13, 9, 10: enter on 1 (9, flat), 2 is 8 but long already; exit on 3 (12, long);
        // 4 is flat at 13; enter again on 5 (9); 6 holds.
        CandleSeries candles = TestData.closes(10, 9, 8, 12, 13, 9, 10);
        BacktestSpec spec = BacktestSpec.of("threshold", (c, i) -> new Threshold(), StrategyConfig.of(Map.of()),
                TestData.TEST, candles, new BigDecimal("1000"));

        RecordedSignals r = StrategySignals.record(spec);

        assertThat(r.mapsOntoSignals()).isTrue();
        assertThat(r.entryCandles()).containsExactly(1, 5);
        assertThat(r.exitCandles()).containsExactly(3);
        assertThat(r.enterLong()).containsExactly(false, true, false, false, false, true, false);
        assertThat(r.indicators().keySet()).containsExactly("candles", "low");
        assertThat(r.indicators().get("candles")).containsExactly(1, 2, 3, 4, 5, 6, 7);
        // "low" first reported after the 3rd candle (index 2): NaN before.
        assertThat(r.indicators().get("low")[0]).isNaN();
        assertThat(r.indicators().get("low")[1]).isNaN();
        assertThat(r.indicators().get("low")).endsWith(1, 0, 0, 1, 0);
        // The one closed deal: 2 units bought on candle 1, filled at the next trade (candle 2's open, 8): 2 × 8 = 16.
        // The deal entered on candle 5 is still open at the end and does not count.
        assertThat(r.averageStake()).isEqualTo(16.0);
        assertThat(r.enterTags()).containsOnlyNulls();
        assertThat(r.candles()).isSameAs(candles);
    }

    @Test
    void aStrategyThatAddsToItsDealIsRefusedNotThrown() {
        CandleSeries candles = TestData.closes(10, 11, 12);
        BacktestSpec spec = BacktestSpec.of("adder", (c, i) -> new Strategy() {
            @Override
            public void onCandle(StrategyContext ctx, Candle candle) {
                ctx.submit(OrderRequest.market(OrderSide.BUY, BigDecimal.ONE));  // every candle, long or not
            }
        }, StrategyConfig.of(Map.of()), TestData.TEST, candles, new BigDecimal("1000"));

        RecordedSignals r = StrategySignals.record(spec);

        assertThat(r.mapsOntoSignals()).isFalse();
        assertThat(r.refusal()).startsWith("fillModel: strategy 'adder' adds to an open position;");
        assertThat(r.indicators()).isEmpty();
        assertThatThrownBy(r::requireSignals).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(r.refusal());
    }
}
