package dev.botfleet.strategies.signal;

import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.analysis.IndicatorDrift;
import dev.botfleet.engine.backtest.analysis.LookaheadAnalysis;
import dev.botfleet.engine.backtest.analysis.LookaheadResult;
import dev.botfleet.engine.backtest.analysis.RecursiveAnalysis;
import dev.botfleet.engine.backtest.analysis.RecursiveResult;
import dev.botfleet.engine.backtest.signals.RecordedSignals;
import dev.botfleet.engine.backtest.signals.StrategySignals;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.strategy.StrategyFactory;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's signal strategies through the lookahead and recursive checks, on a deterministic swinging market. */
class SignalBiasChecksTest {
    /** 600 1m candles: a slow trend plus two waves (periods ~44 and ~13 candles), so RSI swings through 30 and 70. */
    private static final CandleSeries WAVES = waves(600);

    private static CandleSeries waves(int n) {
        CandleSeries.Builder b = new CandleSeries.Builder(Timeframe.M1, n);
        for (int t = 0; t < n; t++) {
            double close = 20_000 + 2 * t + 400 * Math.sin(t / 7.0) + 120 * Math.sin(t / 2.1);
            double open = t == 0 ? close : 20_000 + 2 * (t - 1) + 400 * Math.sin((t - 1) / 7.0)
                    + 120 * Math.sin((t - 1) / 2.1);
            b.add(t * 60_000L, open, Math.max(open, close) + 5, Math.min(open, close) - 5, close, 10);
        }
        return b.build();
    }

    private static BacktestSpec spec(StrategyDefinition definition, StrategyFactory factory, Map<String, ?> raw) {
        return BacktestSpec.of(definition.id(), factory, Harness.config(definition, raw), Harness.BTC, WAVES,
                new BigDecimal("100000"));
    }

    @Test
    void rsiUsesOnlyThePast() {
        BacktestSpec spec = spec(RsiStrategy.definition(), RsiStrategy::new, Map.of("minProfitPercent", "0"));
        RecordedSignals full = StrategySignals.record(spec);
        int entries = full.entryCandles().length;
        int exits = full.exitCandles().length;
        assertThat(entries).as("the market gives the check something to do").isGreaterThanOrEqualTo(3);

        LookaheadResult r = LookaheadAnalysis.run(spec, 20);

        assertThat(r.signalsChecked()).isEqualTo(Math.min(entries, 20) + Math.min(exits, 20));
        assertThat(r.hasBias()).isFalse();
        assertThat(r.biasedEntrySignals()).isEmpty();
        assertThat(r.biasedExitSignals()).isEmpty();
        assertThat(r.biasedIndicators()).isEmpty();
    }

    @Test
    void theSlowEmaOfEmaCrossNeedsMoreStartupCandlesThanTheFastOne() {
        BacktestSpec spec = spec(EmaCrossStrategy.definition(), EmaCrossStrategy::new,
                Map.of("fastPeriod", 5, "slowPeriod", 50));

        RecursiveResult r = RecursiveAnalysis.run(spec, List.of(60, 120, 240, 480), 0.01);

        IndicatorDrift fast = r.indicators().get(0);
        IndicatorDrift slow = r.indicators().get(1);
        assertThat(fast.indicator()).isEqualTo("emaFast");
        assertThat(slow.indicator()).isEqualTo("emaSlow");
        // A 50-candle EMA keeps (49/51)^k of its seed error after k updates: (49/51)^10 ≈ 0.67 with 60 startup
        // candles, (49/51)^190 ≈ 5e-4 with 240. The 5-candle one keeps (4/6)^55 ≈ 2e-10 already with 60.
        double slow60 = Math.abs(slow.differencePercent().get(60));
        double slow120 = Math.abs(slow.differencePercent().get(120));
        double slow240 = Math.abs(slow.differencePercent().get(240));
        assertThat(slow60).isGreaterThan(0.01).isGreaterThan(slow120);
        assertThat(slow120).isGreaterThan(slow240);
        assertThat(slow.differencePercent().get(480)).isZero();
        assertThat(slow.flagged()).isTrue();
        assertThat(Math.abs(fast.differencePercent().get(60))).isLessThan(1e-6);
        assertThat(fast.flagged()).isFalse();
        assertThat(r.flaggedIndicators()).containsExactly("emaSlow");
    }
}
