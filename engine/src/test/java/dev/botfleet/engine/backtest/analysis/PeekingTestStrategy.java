package dev.botfleet.engine.backtest.analysis;

import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.strategy.IndicatorReporter;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test strategy given the candle series it runs on, so it can cheat. Entry: while flat, buy 1 unit when the NEXT
 * candle closes higher (lookahead bias, with {@code peek}) or when this candle closed higher than the previous one
 * (honest, without). Exit: while long, sell when this close is below the previous close (always honest). Reports
 * {@code nextClose} (the peeked value, NaN on the last candle or without peek) and {@code close} (honest).
 */
final class PeekingTestStrategy implements Strategy, IndicatorReporter {
    private final CandleSeries data;
    private final boolean peek;
    private double nextClose = Double.NaN;
    private double prevClose = Double.NaN;

    PeekingTestStrategy(CandleSeries data, boolean peek) {
        this.data = data;
        this.peek = peek;
    }

    @Override
    public void onCandle(StrategyContext ctx, Candle candle) {
        int i = data.indexOf(candle.openTime());
        double close = candle.close();
        nextClose = peek && i + 1 < data.size() ? data.close(i + 1) : Double.NaN;
        boolean flat = ctx.positionQuantity().signum() == 0;
        if (flat) {
            boolean up = peek ? nextClose > close : close > prevClose;
            if (up) ctx.submit(OrderRequest.market(OrderSide.BUY, BigDecimal.ONE));
        } else if (close < prevClose) {
            ctx.submit(OrderRequest.market(OrderSide.SELL, ctx.positionQuantity()).closing(CloseReason.SIGNAL));
        }
        prevClose = close;
    }

    @Override
    public Map<String, Double> indicatorValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("nextClose", nextClose);
        values.put("close", prevClose);  // after onCandle this is the candle's own close
        return values;
    }
}
