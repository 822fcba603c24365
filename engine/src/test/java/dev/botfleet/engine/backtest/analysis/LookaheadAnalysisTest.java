package dev.botfleet.engine.backtest.analysis;

import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.data.CandleSeries;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LookaheadAnalysisTest {
    /*
     * Closes by candle: 0:10 1:11 2:12 3:11 4:10 5:11 6:12 7:13 8:12 9:12.
     * Peeking entry (flat, next close higher): candle 0 (11 > 10) buys; 1, 2 rise; 3 closes below 2 (11 < 12) and
     * sells; 4 is flat and 5 closes higher (11 > 10): buys; 5..7 rise; 8 closes below 7 (12 < 13): sells; 9 has no
     * next candle. Entries {0, 4}, exits {3, 8}.
     * Cut after 0 or 4, that candle is the last, there is no next close, so no entry: both entries are biased. Cut
     * after 3 or 8 the exit still happens (it only uses the past), but nextClose at 3 and 8 (10 and 12 on all data)
     * is NaN on the cut data: that indicator is biased, "close" is not.
     */
    private static final CandleSeries ZIGZAG = TestData.closes(10, 11, 12, 11, 10, 11, 12, 13, 12, 12);

    private static BacktestSpec spec(CandleSeries candles, boolean peek) {
        return BacktestSpec.of("peek", (config, instrument) -> new PeekingTestStrategy(candles, peek),
                StrategyConfig.of(Map.of()), TestData.TEST, candles, new BigDecimal("1000"));
    }

    @Test
    void aStrategyThatReadsTheNextCloseIsFlaggedAtItsEntrySignals() {
        LookaheadResult r = LookaheadAnalysis.run(spec(ZIGZAG, true), 20, cut -> spec(cut, true));

        assertThat(r.hasBias()).isTrue();
        assertThat(r.signalsChecked()).isEqualTo(4);
        assertThat(r.biasedEntrySignals()).containsExactly(new SignalRef(0, 0), new SignalRef(4, 4 * 60_000L));
        assertThat(r.biasedExitSignals()).isEmpty();
        assertThat(r.biasedIndicators()).containsExactly("nextClose");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void theSameRulesOnThePastOnlyAreNotFlagged() {
        // Honest entry (this close above the previous): 1 buys, 3 sells, 5 buys, 8 sells.
        LookaheadResult r = LookaheadAnalysis.run(spec(ZIGZAG, false), 20, cut -> spec(cut, false));

        assertThat(r.hasBias()).isFalse();
        assertThat(r.signalsChecked()).isEqualTo(4);
        assertThat(r.biasedEntrySignals()).isEmpty();
        assertThat(r.biasedExitSignals()).isEmpty();
        assertThat(r.biasedIndicators()).isEmpty();
    }

    @Test
    void anHonestRsiStrategyOnRealCandlesIsNotFlagged() {
        CandleSeries ada = TestData.candles("ADA_BTC-5m.json");
        BacktestSpec spec = BacktestSpec.of("rsi", (config, instrument) -> new RsiReportingTestStrategy(instrument),
                StrategyConfig.of(Map.of()), TestData.ADA_BTC, ada, BigDecimal.ONE);

        LookaheadResult r = LookaheadAnalysis.run(spec, 5);

        assertThat(r.hasBias()).isFalse();
        assertThat(r.signalsChecked()).isEqualTo(10);  // 5 entries and 5 exits: ADA has more than 5 deals
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("checked the first 5 of "));
    }

    @Test
    void onlyTheFirstTargetTradesSignalsAreChecked() {
        LookaheadResult r = LookaheadAnalysis.run(spec(ZIGZAG, true), 1, cut -> spec(cut, true));

        // Entry 0 and exit 3 only: entry 4 and exit 8 are left unchecked, and said so.
        assertThat(r.signalsChecked()).isEqualTo(2);
        assertThat(r.biasedEntrySignals()).containsExactly(new SignalRef(0, 0));
        assertThat(r.warnings()).containsExactly("checked the first 1 of 2 entry signals (targetTrades)",
                "checked the first 1 of 2 exit signals (targetTrades)");
    }

    @Test
    void saysSoWhenThereIsNothingToCompare() {
        BacktestSpec idle = BacktestSpec.of("idle", (config, instrument) -> new Strategy() {
        }, StrategyConfig.of(Map.of()), TestData.TEST, ZIGZAG, new BigDecimal("1000"));

        LookaheadResult r = LookaheadAnalysis.run(idle, 20);

        assertThat(r.hasBias()).isFalse();
        assertThat(r.signalsChecked()).isZero();
        assertThat(r.warnings()).containsExactly("no entry or exit signal in 10 candles: nothing to check",
                "the strategy reports no indicators (IndicatorReporter): only its signals are compared");
    }

    @Test
    void refusesStrategiesThatDoNotMapOntoSignalsAndBadLimits() {
        CandleSeries flat = TestData.closes(10, 10, 10);
        BacktestSpec limits = BacktestSpec.of("limits", (config, instrument) -> new Strategy() {
            @Override
            public void onCandle(StrategyContext ctx, Candle candle) {
                if (ctx.openOrders().isEmpty()) {
                    ctx.submit(OrderRequest.limit(OrderSide.BUY, BigDecimal.ONE, new BigDecimal("9")));
                }
            }
        }, StrategyConfig.of(Map.of()), TestData.TEST, flat, new BigDecimal("1000"));

        assertThatThrownBy(() -> LookaheadAnalysis.run(limits, 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fillModel: strategy 'limits' places BUY LIMIT orders; the freqtrade fill model only"
                        + " supports signal strategies that enter and exit with market orders, one entry and one exit"
                        + " per deal (use the realistic fill model)");
        assertThatThrownBy(() -> LookaheadAnalysis.run(spec(ZIGZAG, true), 0))
                .hasMessage("targetTrades: must be at least 1, was 0");
    }
}
