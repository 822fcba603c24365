package dev.botfleet.engine.backtest.freqtrade;

import static dev.botfleet.engine.backtest.freqtrade.Bars.at;
import static dev.botfleet.engine.backtest.freqtrade.Bars.bar;
import static dev.botfleet.engine.backtest.freqtrade.Bars.flat;
import static dev.botfleet.engine.backtest.freqtrade.Bars.hourly;
import static dev.botfleet.engine.backtest.freqtrade.Bars.longSignals;
import static dev.botfleet.engine.backtest.freqtrade.Bars.spot;
import static dev.botfleet.engine.backtest.freqtrade.PortfolioBacktestTest.pair;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** custom_stake_amount, confirm_trade_entry, confirm_trade_exit and leverage, as backtesting.py calls them. */
class PortfolioCallbacksTest {

    private static PortfolioResult run(FreqtradeSettings settings, PairData... pairs) {
        return new PortfolioBacktest(settings).run(List.of(pairs));
    }

    private static FreqtradeSettings withCallbacks(FreqtradeSettings.Builder builder, FreqtradeCallbacks callbacks) {
        return builder.callbacks(callbacks).build();
    }

    @Test
    void customStakeAmountReplacesTheStakeAndIsCutToTheAvailableBalance() {
        List<String> asked = new ArrayList<>();
        FreqtradeCallbacks callbacks = FreqtradeCallbacks.defaults().withCustomStakeAmount(
                (pair, time, rate, proposed, min, max, lev, tag, isShort) -> {
                    asked.add(pair + " rate " + rate + " proposed " + proposed + " max " + max);
                    return pair.equals("A/USDT") ? 300.0 : 5000.0;
                });
        FreqtradeSettings settings = withCallbacks(spot().stakeAmount(100).startingBalance(1000), callbacks);

        PortfolioResult result = run(settings, pair("A/USDT", 10, 4, new int[] {0}, new int[] {}),
                pair("B/USDT", 20, 4, new int[] {0}, new int[] {}));

        // A: proposed the fixed 100, max = available 1000 × 0.99 = 990; 300 is kept: 30 units at 10.
        // B: available = min((300 + 700) × 0.99 − 300, 700) = 690; 5000 is cut to 690: 34.5 units at 20.
        assertThat(asked).containsExactly("A/USDT rate 10.0 proposed 100.0 max 990.0",
                "B/USDT rate 20.0 proposed 100.0 max 690.0");
        assertThat(result.trades()).extracting(FreqtradeTrade::stakeAmount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("300"), new BigDecimal("690"));
        assertThat(result.tradesOf("B/USDT").getFirst().amount()).isEqualByComparingTo("34.5");
    }

    @Test
    void aCustomStakeOfZeroOrNullOpensNoTrade() {
        FreqtradeSettings zero = withCallbacks(spot(), FreqtradeCallbacks.defaults().withCustomStakeAmount(
                (pair, time, rate, proposed, min, max, lev, tag, isShort) -> 0.0));
        FreqtradeSettings none = withCallbacks(spot(), FreqtradeCallbacks.defaults().withCustomStakeAmount(
                (pair, time, rate, proposed, min, max, lev, tag, isShort) -> null));

        assertThat(run(zero, pair("A/USDT", 10, 4, new int[] {0}, new int[] {})).trades()).isEmpty();
        assertThat(run(none, pair("A/USDT", 10, 4, new int[] {0}, new int[] {})).trades()).isEmpty();
    }

    @Test
    void aRefusedEntryOpensNoTradeIsNotARejectedSignalAndLeavesTheSlotToTheNextPair() {
        List<String> asked = new ArrayList<>();
        FreqtradeCallbacks callbacks = FreqtradeCallbacks.defaults().withConfirmTradeEntry(
                (pair, type, amount, rate, time, tag, isShort) -> {
                    asked.add(pair + " " + type + " amount " + amount + " rate " + rate);
                    return !pair.equals("A/USDT");
                });
        FreqtradeSettings settings = withCallbacks(spot().stakeAmount(100).maxOpenTrades(1), callbacks);

        PortfolioResult result = run(settings, pair("A/USDT", 10, 4, new int[] {0}, new int[] {}),
                pair("B/USDT", 20, 4, new int[] {0}, new int[] {}));

        // Asked with the final amount: 100 / 10 = 10 units of A, 100 / 20 = 5 units of B.
        assertThat(asked).containsExactly("A/USDT LIMIT amount 10.0 rate 10.0", "B/USDT LIMIT amount 5.0 rate 20.0");
        assertThat(result.trades()).extracting(FreqtradeTrade::pair).containsExactly("B/USDT");
        assertThat(result.rejectedSignals()).isZero();
    }

    @Test
    void aRefusedExitSignalFallsThroughToTheStoplossOfTheSameCandle() {
        List<String> asked = new ArrayList<>();
        FreqtradeCallbacks callbacks = FreqtradeCallbacks.defaults().withConfirmTradeExit(
                (trade, type, amount, rate, reason, time) -> {
                    asked.add(reason + " at " + rate);
                    return !reason.equals("exit_signal");
                });
        FreqtradeSettings settings = withCallbacks(spot().stakeAmount(100).stoploss(-0.10), callbacks);
        // Entry at 10 on row 1 (stop 9). Row 2 opens at 10 and dips to 8 with the exit signal of row 1 in force:
        // the exit signal (at the open, 10) comes first and is refused, then the stoploss (at the stop, 9).
        PairData a = new PairData("A/USDT", hourly(flat(10), flat(10), bar(10, 10, 8, 9), flat(9)),
                longSignals(4, new int[] {0}, new int[] {1}));

        FreqtradeTrade trade = run(settings, a).trades().getFirst();

        assertThat(asked).containsExactly("exit_signal at 10.0", "stop_loss at 9.0");
        assertThat(trade.exitType()).isEqualTo(ExitType.STOP_LOSS);
        assertThat(trade.closeRate()).isEqualByComparingTo("9");
        assertThat(trade.closeTime()).isEqualTo(at(2));
    }

    @Test
    void aRefusedStoplossFallsThroughToTheRoiOfTheSameCandle() {
        List<String> asked = new ArrayList<>();
        FreqtradeCallbacks callbacks = FreqtradeCallbacks.defaults().withConfirmTradeExit(
                (trade, type, amount, rate, reason, time) -> {
                    asked.add(reason + " at " + rate);
                    return !reason.equals("stop_loss");
                });
        FreqtradeSettings settings = withCallbacks(spot().stakeAmount(100).stoploss(-0.10)
                .minimalRoi(RoiTable.of(java.util.Map.of(0, 0.05))), callbacks);
        // Entry at 10 on row 1 (stop 9, ROI 5 %). Row 2 opens at 10, reaches 11 and dips to 8: should_exit lists the
        // stop, then ROI (Freqtrade lists ROI whether or not the stop was hit); the stop is refused, ROI exits at 10.5.
        PairData a = new PairData("A/USDT", hourly(flat(10), flat(10), bar(10, 11, 8, 9), flat(9)),
                longSignals(4, new int[] {0}, new int[] {}));

        FreqtradeTrade trade = run(settings, a).trades().getFirst();

        assertThat(asked).containsExactly("stop_loss at 9.0", "roi at 10.5");
        assertThat(trade.exitType()).isEqualTo(ExitType.ROI);
        assertThat(trade.closeRate()).isEqualByComparingTo("10.5");
        assertThat(trade.closeTime()).isEqualTo(at(2));
    }

    @Test
    void forceExitsAreNeverConfirmed() {
        List<String> asked = new ArrayList<>();
        FreqtradeCallbacks callbacks = FreqtradeCallbacks.defaults().withConfirmTradeExit(
                (trade, type, amount, rate, reason, time) -> {
                    asked.add(reason);
                    return false;
                });
        FreqtradeSettings settings = withCallbacks(spot(), callbacks);
        PairData a = pair("A/USDT", 10, 4, new int[] {0}, new int[] {1, 2});

        FreqtradeTrade trade = run(settings, a).trades().getFirst();

        // The exit signals of rows 1 and 2 are refused on rows 2 and 3; the force exit at row 3 is not asked.
        assertThat(asked).containsExactly("exit_signal", "exit_signal");
        assertThat(trade.exitType()).isEqualTo(ExitType.FORCE_EXIT);
    }

    @Test
    void theLeverageCallbackIsClampedToOneAndTheMaximumAndIgnoredInSpot() {
        FreqtradeCallbacks callbacks = FreqtradeCallbacks.defaults().withLeverage(
                (pair, time, rate, proposed, max, tag, isShort) -> pair.equals("A/USDT") ? 3.0 : 50.0);
        FreqtradeSettings margin = withCallbacks(spot().stakeAmount(100).tradingMode(TradingMode.MARGIN)
                .maxLeverage(5), callbacks);
        FreqtradeSettings spot = withCallbacks(spot().stakeAmount(100), callbacks);
        PairData a = pair("A/USDT", 10, 4, new int[] {0}, new int[] {});
        PairData b = pair("B/USDT", 20, 4, new int[] {0}, new int[] {});

        PortfolioResult leveraged = run(margin, a, b);

        // A: ×3, amount 100 / 10 × 3 = 30. B: 50 is clamped to the max 5, amount 100 / 20 × 5 = 25.
        assertThat(leveraged.trades()).extracting(FreqtradeTrade::leverage).containsExactly(3.0, 5.0);
        assertThat(leveraged.tradesOf("A/USDT").getFirst().amount()).isEqualByComparingTo("30");
        assertThat(leveraged.tradesOf("B/USDT").getFirst().amount()).isEqualByComparingTo("25");
        assertThat(run(spot, a, b).trades()).extracting(FreqtradeTrade::leverage).containsExactly(1.0, 1.0);
    }
}
