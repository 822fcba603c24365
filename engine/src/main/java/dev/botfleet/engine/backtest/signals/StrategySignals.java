package dev.botfleet.engine.backtest.signals;

import dev.botfleet.engine.backtest.BacktestProgress;
import dev.botfleet.engine.backtest.BacktestResult;
import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.KernelReplay;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.strategy.IndicatorReporter;
import dev.botfleet.engine.strategy.SignalReporter;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a botfleet strategy into Freqtrade-style signal columns: runs it through the kernel (the realistic model, as
 * paper trading would) and records per candle whether it bought at market while flat ({@code enter_long}) or sold at
 * market while long ({@code exit_long}), plus the indicator values it reports after each candle. Used by the freqtrade
 * fill model (one pair), the multi-pair backtester (once per pair) and the bias analyses (on truncated data).
 *
 * <p>Only strategies that trade with market orders, one entry and one exit per deal, map onto signals; for any other
 * the result carries the refusal instead of throwing, so callers choose (the freqtrade model throws it).
 */
public final class StrategySignals {
    private StrategySignals() {
    }

    public static RecordedSignals record(BacktestSpec spec) {
        return record(spec, (done, total) -> { });
    }

    /** Records {@code spec}'s strategy on its candles; progress is reported as the kernel run's. */
    public static RecordedSignals record(BacktestSpec spec, BacktestProgress progress) {
        CandleSeries s = spec.candles();
        int n = s.size();
        Strategy[] made = new Strategy[1];
        StrategyFactory factory = spec.factory();
        // The same spec with a factory that keeps the instance it makes, to read its indicators after each candle.
        BacktestSpec watched = new BacktestSpec(spec.strategy(), (config, instrument) -> {
            made[0] = factory.create(config, instrument);
            return made[0];
        }, spec.config(), spec.instrument(), s, spec.fillModel(), spec.startingBalance(), spec.slippageTicks(),
                spec.stoploss(), spec.margin(), spec.funding());

        Recorder recorder = new Recorder(n, made);
        BacktestResult result = KernelReplay.run(watched, progress, recorder);
        String refusal = recorder.unsupported.isEmpty() ? null
                : "fillModel: strategy '" + spec.strategy() + "' " + recorder.unsupported.getFirst()
                + "; the freqtrade fill model only supports signal strategies that enter and exit with"
                + " market orders, one entry and one exit per deal (use the realistic fill model)";
        double stake = result.trades().stream()
                .mapToDouble(t -> t.quantity().doubleValue() * t.entryPrice().doubleValue()).average().orElse(0);
        return new RecordedSignals(spec.strategy(), s, recorder.enter, recorder.exit, recorder.tags,
                recorder.indicators, stake, result.stopReason(), result.failed(), result.warnings(), refusal,
                recorder.enterShort, recorder.exitShort);
    }

    /** Collects the signal columns and indicator columns while the kernel runs. */
    private static final class Recorder implements KernelReplay.Recorder {
        private final int n;
        private final Strategy[] strategy;
        final boolean[] enter;
        final boolean[] exit;
        /** The strategy's exit condition as a short entry, its entry condition as the short's exit. */
        final boolean[] enterShort;
        final boolean[] exitShort;
        final String[] tags;
        final List<String> unsupported = new ArrayList<>();
        final Map<String, double[]> indicators = new LinkedHashMap<>();

        Recorder(int n, Strategy[] strategy) {
            this.n = n;
            this.strategy = strategy;
            this.enter = new boolean[n];
            this.exit = new boolean[n];
            this.enterShort = new boolean[n];
            this.exitShort = new boolean[n];
            this.tags = new String[n];
        }

        @Override
        public void onSubmitted(int i, OrderSnapshot order, BigDecimal before) {
            if (order.type() != OrderType.MARKET) {
                unsupported.add("places " + order.side() + " " + order.type() + " orders");
                return;
            }
            if (order.side() == OrderSide.BUY && before.signum() == 0) enter[i] = true;
            else if (order.side() == OrderSide.SELL && before.signum() > 0) exit[i] = true;
            else if (order.side() == OrderSide.BUY) unsupported.add("adds to an open position");
            else unsupported.add("sells without a position");
        }

        @Override
        public void afterCandle(int i) {
            if (strategy[0] instanceof SignalReporter signals) {
                if (signals.hasShortSide()) {
                    enterShort[i] = signals.exitSignal();
                    exitShort[i] = signals.entrySignal();
                }
                // one enter_tag column, as Freqtrade's: the long's when it enters, else the short's
                if (enter[i] || signals.entrySignal()) tags[i] = signals.entryTag();
                else if (enterShort[i]) tags[i] = signals.exitTag();
            }
            if (!(strategy[0] instanceof IndicatorReporter reporter)) return;
            for (Map.Entry<String, Double> e : reporter.indicatorValues().entrySet()) {
                double[] column = indicators.computeIfAbsent(e.getKey(), k -> {
                    double[] c = new double[n];
                    Arrays.fill(c, Double.NaN);  // a column first reported late was not there before
                    return c;
                });
                Double v = e.getValue();
                column[i] = v == null ? Double.NaN : v;
            }
        }
    }
}
