package dev.botfleet.engine.backtest;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EquityCurveTest {

    @Test
    void downsamplingKeepsEachBucketsLowAndTheLastPoint() {
        long[] t = new long[10];
        double[] e = {10, 9, 11, 12, 5, 13, 14, 15, 16, 17};
        for (int i = 0; i < 10; i++) t[i] = i;
        EquityCurve c = new EquityCurve(t, e, new boolean[10]);

        EquityCurve d = c.downsample(4);  // buckets of 3: [10,9,11] [12,5,13] [14,15,16] [17]

        assertThat(d.equity()).containsExactly(9, 5, 14, 17);
        assertThat(d.time()).containsExactly(1, 4, 6, 9);
        assertThat(c.downsample(10)).isSameAs(c);
    }

    @Test
    void deniedOrdersAreReportedAsWarnings() {
        // Buys 1,000 units at ~100 with 1,000 USD: the risk checks deny it for want of balance.
        Strategy greedy = new Strategy() {
            @Override
            public void onCandle(StrategyContext ctx, Candle candle) {
                if (ctx.openOrders().isEmpty()) ctx.submit(OrderRequest.limit(OrderSide.BUY, new BigDecimal("1000"),
                        new BigDecimal("99.00")));
            }
        };
        BacktestSpec spec = BacktestSpec.of("greedy", (c, i) -> greedy, StrategyConfig.of(Map.of()), Fixtures.TEST,
                Fixtures.bars(new double[]{100, 101, 99.5, 100}, new double[]{100, 101, 99.5, 100}),
                new BigDecimal("1000"));

        BacktestResult r = Backtester.run(spec);

        assertThat(r.trades()).isEmpty();
        assertThat(r.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w).contains("order denied (INSUFFICIENT_BALANCE)"));
    }
}
