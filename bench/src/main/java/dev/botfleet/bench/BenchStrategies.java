package dev.botfleet.bench;

import dev.botfleet.engine.indicator.BollingerBands;
import dev.botfleet.engine.indicator.Rsi;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.StrategyConfig;

import java.math.BigDecimal;
import java.util.Map;

/** The strategies the benchmarks run. */
final class BenchStrategies {
    private BenchStrategies() {
    }

    /** Does nothing: measures the loop, the kernel and the exchange's bar replay. */
    static final class Idle implements Strategy {
    }

    /**
     * Buys 1 unit at market when RSI(period) is below {@code lower} and the close is under the lower Bollinger band
     * (20, 2); sells everything when RSI is above {@code upper} or the close is over the upper band.
     */
    static final class RsiBollinger implements Strategy {
        private static final BigDecimal ONE = BigDecimal.ONE;
        private final Rsi rsi;
        private final BollingerBands bands = new BollingerBands(20, 2);
        private final double lower;
        private final double upper;

        RsiBollinger(int period, double lower, double upper) {
            this.rsi = new Rsi(period);
            this.lower = lower;
            this.upper = upper;
        }

        static RsiBollinger of(StrategyConfig c) {
            return new RsiBollinger((int) c.integer("period"), c.decimal("lower").doubleValue(),
                    c.decimal("upper").doubleValue());
        }

        static StrategyConfig config(int period, double lower, double upper) {
            return StrategyConfig.of(Map.of("period", (long) period, "lower", BigDecimal.valueOf(lower),
                    "upper", BigDecimal.valueOf(upper)));
        }

        @Override
        public void onCandle(StrategyContext ctx, Candle candle) {
            double close = candle.close();
            double r = rsi.update(close);
            bands.update(close);
            if (!rsi.isReady() || !bands.isReady()) return;
            int held = ctx.positionQuantity().signum();
            if (held == 0 && r < lower && close < bands.lower()) {
                ctx.submit(OrderRequest.market(OrderSide.BUY, ONE));
            } else if (held > 0 && (r > upper || close > bands.upper())) {
                ctx.submit(OrderRequest.market(OrderSide.SELL, ctx.positionQuantity()).closing(CloseReason.SIGNAL));
            }
        }
    }
}
