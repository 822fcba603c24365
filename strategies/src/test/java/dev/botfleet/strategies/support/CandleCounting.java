package dev.botfleet.strategies.support;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.MarketAlert;
import dev.botfleet.engine.market.QuietBand;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.DealPolicy;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.Warmup;

/** A strategy as it is, that counts the candles it is handed (to show which candles a run skipped). */
final class CandleCounting implements Strategy {
    private final Strategy strategy;
    private final Runnable counted;

    CandleCounting(Strategy strategy, Runnable counted) {
        this.strategy = strategy;
        this.counted = counted;
    }

    @Override public void onStart(StrategyContext ctx) { strategy.onStart(ctx); }

    @Override public void onTick(StrategyContext ctx, Tick tick) { strategy.onTick(ctx, tick); }

    @Override public void quietBand(StrategyContext ctx, QuietBand band) { strategy.quietBand(ctx, band); }

    @Override
    public void onCandle(StrategyContext ctx, Candle candle) {
        counted.run();
        strategy.onCandle(ctx, candle);
    }

    @Override public Warmup warmup() { return strategy.warmup(); }

    @Override public void onHistory(StrategyContext ctx, Candle candle) { strategy.onHistory(ctx, candle); }

    @Override
    public void onOrderUpdate(StrategyContext ctx, OrderSnapshot order, OrderEvent event) {
        strategy.onOrderUpdate(ctx, order, event);
    }

    @Override public void onFill(StrategyContext ctx, OrderSnapshot order, Fill fill) { strategy.onFill(ctx, order, fill); }

    @Override public void onTimer(StrategyContext ctx, String name) { strategy.onTimer(ctx, name); }

    @Override public void onMarketAlert(StrategyContext ctx, MarketAlert alert) { strategy.onMarketAlert(ctx, alert); }

    @Override public void onStop(StrategyContext ctx) { strategy.onStop(ctx); }

    @Override public DealPolicy dealPolicy() { return strategy.dealPolicy(); }
}
