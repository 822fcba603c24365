package dev.botfleet.engine.backtest.analysis;

import dev.botfleet.engine.indicator.Rsi;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.strategy.IndicatorReporter;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** An honest test strategy: RSI(14) of the close; buy 0.5 quote at market below 30, sell all above 70. Reports rsi. */
final class RsiReportingTestStrategy implements Strategy, IndicatorReporter {
    private final Rsi rsi = new Rsi(14);
    private final Instrument instrument;

    RsiReportingTestStrategy(Instrument instrument) {
        this.instrument = instrument;
    }

    @Override
    public void onCandle(StrategyContext ctx, Candle candle) {
        double value = rsi.update(candle.close());
        if (!rsi.isReady()) return;
        BigDecimal held = ctx.positionQuantity();
        if (held.signum() == 0 && value < 30) {
            BigDecimal qty = instrument.roundQuantity(
                    new BigDecimal("0.5").divide(BigDecimal.valueOf(candle.close()), 12, RoundingMode.DOWN));
            ctx.submit(OrderRequest.market(OrderSide.BUY, qty));
        } else if (held.signum() > 0 && value > 70) {
            ctx.submit(OrderRequest.market(OrderSide.SELL, held).closing(CloseReason.SIGNAL));
        }
    }

    @Override
    public Map<String, Double> indicatorValues() {
        return Map.of("rsi", rsi.value());
    }
}
