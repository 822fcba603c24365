package dev.botfleet.engine.backtest;

import dev.botfleet.engine.indicator.Rsi;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.StrategyFactory;
import dev.botfleet.engine.strategy.definition.StrategyConfig;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** A small signal strategy for tests: buys a fixed quote stake with a market order when RSI < lower, sells all when RSI > upper. */
final class RsiTestStrategy implements Strategy {
    static final StrategyFactory FACTORY = RsiTestStrategy::new;

    private final Rsi rsi;
    private final double lower;
    private final double upper;
    private final BigDecimal stake;
    private final Instrument instrument;

    RsiTestStrategy(StrategyConfig config, Instrument instrument) {
        this.rsi = new Rsi((int) config.integer("period"));
        this.lower = config.decimal("lower").doubleValue();
        this.upper = config.decimal("upper").doubleValue();
        this.stake = config.decimal("stake");
        this.instrument = instrument;
    }

    static StrategyConfig config(int period, int lower, int upper, String stake) {
        return StrategyConfig.of(Map.of("period", (long) period, "lower", BigDecimal.valueOf(lower),
                "upper", BigDecimal.valueOf(upper), "stake", new BigDecimal(stake)));
    }

    @Override
    public void onCandle(StrategyContext ctx, Candle candle) {
        double value = rsi.update(candle.close());
        if (!rsi.isReady()) return;
        BigDecimal held = ctx.positionQuantity();
        if (held.signum() == 0 && value < lower) {
            BigDecimal qty = instrument.roundQuantity(stake.divide(BigDecimal.valueOf(candle.close()), 12, RoundingMode.DOWN));
            ctx.submit(OrderRequest.market(OrderSide.BUY, qty));
        } else if (held.signum() > 0 && value > upper) {
            ctx.submit(OrderRequest.market(OrderSide.SELL, held).closing(CloseReason.SIGNAL));
        }
    }
}
