package dev.botfleet.engine.backtest.freqtrade;

import static dev.botfleet.engine.backtest.freqtrade.Bars.at;
import static dev.botfleet.engine.backtest.freqtrade.Bars.bar;
import static dev.botfleet.engine.backtest.freqtrade.Bars.flat;
import static dev.botfleet.engine.backtest.freqtrade.Bars.hourly;
import static dev.botfleet.engine.backtest.freqtrade.Bars.longSignals;
import static dev.botfleet.engine.backtest.freqtrade.Bars.rows;
import static dev.botfleet.engine.backtest.freqtrade.Bars.spot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exit pricing and accounting rules the reference scenarios exercise only lightly (they run with zero fees). */
class FreqtradeExitRulesTest {

    private static final SignalColumns ENTER_ON_ROW_0 = longSignals(5, new int[] {0}, new int[] {});

    private static FreqtradeTrade onlyTrade(FreqtradeSettings settings, CandleColumns candles, SignalColumns signals) {
        FreqtradeResult result = new FreqtradeBacktest(settings).run(candles, signals);
        assertThat(result.trades()).hasSize(1);
        return result.trades().getFirst();
    }

    @Test
    void aStopExitsAtExactlyTheStopPriceHoweverDeepTheCandle() {
        CandleColumns candles = hourly(flat(100), bar(100, 101, 99, 100), bar(95, 96, 50, 60), flat(60), flat(60));

        FreqtradeTrade trade = onlyTrade(spot().stoploss(-0.10).build(), candles, ENTER_ON_ROW_0);

        assertThat(trade.exitType()).isEqualTo(ExitType.STOP_LOSS);
        assertThat(trade.closeRate()).isEqualByComparingTo("90");
        assertThat(trade.closeTime()).isEqualTo(at(2));
    }

    @Test
    void aCandleThatGapsBelowTheStopExitsAtItsOpen() {
        CandleColumns candles = hourly(flat(100), bar(100, 101, 99, 100), bar(80, 85, 70, 75), flat(75), flat(75));

        FreqtradeTrade trade = onlyTrade(spot().stoploss(-0.10).build(), candles, ENTER_ON_ROW_0);

        assertThat(trade.exitType()).isEqualTo(ExitType.STOP_LOSS);
        assertThat(trade.closeRate()).isEqualByComparingTo("80");
    }

    @Test
    void theStopIsRoundedUpToThePriceTickForLongs() {
        CandleColumns candles = hourly(flat(100.005), bar(100.005, 101, 99, 100), bar(97, 98, 90, 91), flat(91),
                flat(91));
        FreqtradeSettings settings = spot().stoploss(-0.0333).priceTick(new BigDecimal("0.01")).build();

        FreqtradeTrade trade = onlyTrade(settings, candles, ENTER_ON_ROW_0);

        // 100.005 × (1 − 0.0333) = 96.6748335, rounded up to the tick.
        assertThat(trade.closeRate()).isEqualByComparingTo("96.68");
    }

    @Test
    void roiExitsAtThePriceThatYieldsTheRoiAfterBothFees() {
        CandleColumns candles = hourly(flat(100), bar(100, 105, 99, 104), flat(104), flat(104), flat(104));
        FreqtradeSettings settings = spot().fee(0.001).minimalRoi(RoiTable.of(Map.of(0, 0.01))).build();

        FreqtradeTrade trade = onlyTrade(settings, candles, ENTER_ON_ROW_0);

        assertThat(trade.exitType()).isEqualTo(ExitType.ROI);
        assertThat(trade.closeTime()).isEqualTo(at(1)); // on the entry candle
        double close = trade.closeRate().doubleValue();
        // close × (1 − fee) − open × (1 + fee) = open × roi: the ROI is earned on the open rate, net of fees.
        assertThat(close * 0.999 - 100 * 1.001).isCloseTo(1.0, offset(1e-9));
        assertThat(trade.profitAbs()).isEqualByComparingTo("1");
        assertThat(trade.profitRatio()).isCloseTo(1 / 100.1, offset(1e-15));
        assertThat(trade.feeOpen()).isEqualByComparingTo("0.1");
        assertThat(trade.feeClose().doubleValue()).isCloseTo(close * 0.001, offset(1e-12));
    }

    @Test
    void aStoplossExitLosesTheStopPlusBothFees() {
        CandleColumns candles = hourly(flat(100), bar(100, 101, 99, 100), bar(95, 96, 50, 60), flat(60), flat(60));

        FreqtradeTrade trade = onlyTrade(spot().fee(0.001).stoploss(-0.10).build(), candles, ENTER_ON_ROW_0);

        // close value 90 × 0.999 = 89.91, entry value 100 × 1.001 = 100.1.
        assertThat(trade.profitAbs()).isEqualByComparingTo("-10.19");
        assertThat(trade.profitRatio()).isCloseTo(-10.19 / 100.1, offset(1e-15));
    }

    @Test
    void roiOfMinusOneOnACandleBoundaryExitsAtTheOpen() {
        CandleColumns candles = hourly(flat(100), bar(100, 101, 99, 100), bar(100, 101, 99, 100),
                bar(97, 98, 92, 95), flat(95));
        FreqtradeSettings settings = spot().minimalRoi(RoiTable.of(Map.of(0, 0.5, 120, -1.0))).build();

        FreqtradeTrade trade = onlyTrade(settings, candles, ENTER_ON_ROW_0);

        assertThat(trade.exitType()).isEqualTo(ExitType.ROI);
        assertThat(trade.closeTime()).isEqualTo(at(3));
        assertThat(trade.closeRate()).isEqualByComparingTo("97");
    }

    @Test
    void roiOfMinusOneStillInForceLaterExitsAtTheOpen() {
        // The entry signal in force on row 3 suppresses ROI there, so the -1 step (from 120 min) acts on row 4.
        CandleColumns candles = hourly(flat(100), bar(100, 101, 99, 100), bar(100, 101, 99, 100),
                bar(100, 101, 99, 100), bar(97, 98, 92, 95), flat(95));
        SignalColumns signals = longSignals(6, new int[] {0, 2}, new int[] {});
        FreqtradeSettings settings = spot().minimalRoi(RoiTable.of(Map.of(0, 0.5, 120, -1.0)))
                .ignoreRoiIfEntrySignal(true).build();

        FreqtradeTrade trade = onlyTrade(settings, candles, signals);

        assertThat(trade.exitType()).isEqualTo(ExitType.ROI);
        assertThat(trade.closeTime()).isEqualTo(at(4));
        assertThat(trade.closeRate()).isEqualByComparingTo("97");
    }

    @Test
    void anExitSignalTogetherWithAnEntrySignalDoesNotExit() {
        CandleColumns candles = hourly(flat(100), flat(100), flat(101), flat(102), flat(103), flat(104));
        SignalColumns signals = longSignals(6, new int[] {0, 1}, new int[] {1, 3});

        FreqtradeTrade trade = onlyTrade(spot().build(), candles, signals);

        assertThat(trade.exitType()).isEqualTo(ExitType.EXIT_SIGNAL);
        assertThat(trade.closeTime()).isEqualTo(at(4));
    }

    @Test
    void roiOfMinusOneBetweenCandleBoundariesExitsAtTheLow() {
        CandleColumns candles = hourly(flat(100), bar(100, 101, 99, 100), bar(100, 101, 99, 100),
                bar(97, 98, 92, 95), flat(95));
        FreqtradeSettings settings = spot().minimalRoi(RoiTable.of(Map.of(0, 0.5, 90, -1.0))).build();

        FreqtradeTrade trade = onlyTrade(settings, candles, ENTER_ON_ROW_0);

        assertThat(trade.exitType()).isEqualTo(ExitType.ROI);
        assertThat(trade.closeTime()).isEqualTo(at(3));
        assertThat(trade.closeRate()).isEqualByComparingTo("92");
    }

    @Test
    void aNewRoiStepStartingAtACandleThatOpensAboveItExitsAtTheOpen() {
        CandleColumns candles = hourly(flat(100), bar(100, 101, 99, 100), bar(105, 106, 104, 105), flat(105),
                flat(105));
        FreqtradeSettings settings = spot().minimalRoi(RoiTable.of(Map.of(0, 0.5, 60, 0.01))).build();

        FreqtradeTrade trade = onlyTrade(settings, candles, ENTER_ON_ROW_0);

        assertThat(trade.exitType()).isEqualTo(ExitType.ROI);
        assertThat(trade.closeRate()).isEqualByComparingTo("105"); // not the 101 the ROI price formula gives
    }

    @Test
    void roiNeedsProfitStrictlyAboveTheStep() {
        CandleColumns candles = hourly(flat(100), bar(100, 101, 99, 100), flat(100), flat(100), flat(100));
        FreqtradeSettings settings = spot().minimalRoi(RoiTable.of(Map.of(0, 0.01))).build();

        assertThat(onlyTrade(settings, candles, ENTER_ON_ROW_0).exitType()).isEqualTo(ExitType.FORCE_EXIT);
    }

    @Test
    void exitProfitOnlyIgnoresExitSignalsAtALoss() {
        CandleColumns candles = hourly(flat(100), flat(100), flat(100), flat(95), flat(105), flat(105));
        SignalColumns signals = longSignals(6, new int[] {0}, new int[] {2, 3});

        FreqtradeTrade withFilter = onlyTrade(spot().exitProfitOnly(true).build(), candles, signals);
        assertThat(withFilter.closeTime()).isEqualTo(at(4));
        assertThat(withFilter.closeRate()).isEqualByComparingTo("105");

        FreqtradeTrade without = onlyTrade(spot().build(), candles, signals);
        assertThat(without.closeTime()).isEqualTo(at(3));
    }

    @Test
    void ignoreRoiIfEntrySignalHoldsWhileTheEntrySignalPersists() {
        CandleColumns candles = hourly(flat(100), bar(100, 101, 99, 100), bar(100, 110, 99, 105),
                bar(105, 110, 104, 105), flat(105));
        SignalColumns signals = longSignals(5, new int[] {0, 1}, new int[] {});
        RoiTable roi = RoiTable.of(Map.of(0, 0.05));

        FreqtradeTrade ignoring = onlyTrade(spot().minimalRoi(roi).ignoreRoiIfEntrySignal(true).build(), candles,
                signals);
        assertThat(ignoring.closeTime()).isEqualTo(at(3));

        FreqtradeTrade plain = onlyTrade(spot().minimalRoi(roi).build(), candles, signals);
        assertThat(plain.closeTime()).isEqualTo(at(2));
    }

    @Test
    void theExitTagBecomesTheExitReason() {
        CandleColumns candles = hourly(flat(100), flat(100), flat(100), flat(101), flat(101));
        String[] exitTags = {null, null, "rsi_high", null, null};
        SignalColumns signals = new SignalColumns(rows(5, 0), rows(5, 2), null, null, null, exitTags);

        FreqtradeTrade trade = onlyTrade(spot().build(), candles, signals);

        assertThat(trade.exitType()).isEqualTo(ExitType.EXIT_SIGNAL);
        assertThat(trade.exitReason()).isEqualTo("rsi_high");
        assertThat(trade.closeRate()).isEqualByComparingTo("101");
    }

    @Test
    void aCustomExitLeavesAtTheOpenWithItsReason() {
        CandleColumns candles = hourly(flat(100), flat(100), flat(102), flat(103), flat(104));
        FreqtradeCallbacks callbacks = FreqtradeCallbacks.defaults()
                .withCustomExit((trade, time, rate, profit) -> time == at(2) ? "too_slow" : null);

        FreqtradeTrade trade = onlyTrade(spot().callbacks(callbacks).build(), candles, ENTER_ON_ROW_0);

        assertThat(trade.exitType()).isEqualTo(ExitType.CUSTOM_EXIT);
        assertThat(trade.exitReason()).isEqualTo("too_slow");
        assertThat(trade.closeTime()).isEqualTo(at(2));
        assertThat(trade.closeRate()).isEqualByComparingTo("102");
    }

    @Test
    void anUnfillableExitOrderTimesOutAndIsPlacedAgain() {
        CandleColumns candles = hourly(flat(100), flat(100), flat(100), flat(100), bar(100, 120, 99, 110),
                flat(110));
        SignalColumns signals = longSignals(6, new int[] {0}, new int[] {1, 2, 3, 4});
        FreqtradeCallbacks callbacks = FreqtradeCallbacks.defaults()
                .withCustomExitPrice((trade, time, proposed, profit, reason) -> 115.0);
        FreqtradeSettings settings = spot().exitTimeout(java.time.Duration.ofMinutes(30)).callbacks(callbacks).build();

        FreqtradeResult result = new FreqtradeBacktest(settings).run(candles, signals);

        FreqtradeTrade trade = result.trades().getFirst();
        assertThat(trade.closeTime()).isEqualTo(at(4)); // the first candle whose range reaches 115
        assertThat(trade.closeRate()).isEqualByComparingTo("115");
        assertThat(result.timedOutExitOrders()).isEqualTo(2);
    }

    @Test
    void openTradesAreForceExitedAtTheLastOpenAndUnfilledEntriesDropped() {
        CandleColumns candles = hourly(flat(100), flat(100), bar(101, 103, 100, 102));
        FreqtradeSettings settings = spot().build();
        assertThat(onlyTrade(settings, candles, longSignals(3, new int[] {0}, new int[] {})).closeRate())
                .isEqualByComparingTo("101");

        FreqtradeSettings neverFills = spot().callbacks(FreqtradeCallbacks.defaults()
                .withCustomEntryPrice((time, proposed, tag, isShort) -> 50.0)).build();
        assertThat(new FreqtradeBacktest(neverFills).run(candles, longSignals(3, new int[] {0}, new int[] {}))
                .trades()).isEmpty();
    }
}
