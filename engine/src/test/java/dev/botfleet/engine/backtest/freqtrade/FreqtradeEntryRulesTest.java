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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entry-side rules the reference scenarios exercise only lightly. */
class FreqtradeEntryRulesTest {

    private static FreqtradeResult run(FreqtradeSettings settings, CandleColumns candles, SignalColumns signals) {
        return new FreqtradeBacktest(settings).run(candles, signals);
    }

    @Test
    void aSignalEntersAtTheNextCandlesOpen() {
        CandleColumns candles = hourly(flat(100), bar(101, 102, 100, 101), flat(103), flat(104));
        FreqtradeResult result = run(spot().build(), candles, longSignals(4, new int[] {0}, new int[] {}));

        FreqtradeTrade trade = result.trades().getFirst();
        assertThat(trade.openTime()).isEqualTo(at(1));
        assertThat(trade.openRate()).isEqualByComparingTo("101");
        assertThat(trade.exitType()).isEqualTo(ExitType.FORCE_EXIT);
        assertThat(trade.closeTime()).isEqualTo(at(3));
        assertThat(trade.closeRate()).isEqualByComparingTo("104");
    }

    @Test
    void noEntryIsPlacedOnTheLastCandle() {
        CandleColumns three = hourly(flat(100), flat(100), flat(100));
        assertThat(run(spot().build(), three, longSignals(3, new int[] {1}, new int[] {})).trades()).isEmpty();

        CandleColumns four = hourly(flat(100), flat(100), flat(100), flat(100));
        assertThat(run(spot().build(), four, longSignals(4, new int[] {1}, new int[] {})).trades()).hasSize(1);
    }

    @Test
    void anExitSignalOnTheSameCandleBlocksTheEntryEvenWithoutExitSignals() {
        CandleColumns candles = hourly(flat(100), flat(100), flat(100), flat(100));
        SignalColumns both = longSignals(4, new int[] {0}, new int[] {0});

        assertThat(run(spot().useExitSignal(false).build(), candles, both).trades()).isEmpty();
        assertThat(run(spot().useExitSignal(false).build(), candles, longSignals(4, new int[] {0}, new int[] {}))
                .trades()).hasSize(1);
    }

    @Test
    void aShortSignalOnTheSameCandleBlocksALongEntryInMarginMode() {
        CandleColumns candles = hourly(flat(100), flat(100), flat(100), flat(100));
        SignalColumns colliding = new SignalColumns(rows(4, 0), rows(4), rows(4, 0), rows(4), null, null);

        assertThat(run(spot().tradingMode(TradingMode.MARGIN).build(), candles, colliding).trades()).isEmpty();
        // In spot the short column is ignored, so it cannot block the long.
        assertThat(run(spot().build(), candles, colliding).trades()).singleElement()
                .extracting(FreqtradeTrade::isShort).isEqualTo(false);
    }

    @Test
    void startupCandlesAndTheShiftedFirstRowNeverTrade() {
        CandleColumns candles = hourly(flat(100), flat(100), flat(100), flat(100), flat(100), flat(100));
        FreqtradeSettings withStartup = spot().startupCandleCount(2).build();

        // Row 1's signal would enter on row 2, which is a startup row: lost.
        assertThat(run(withStartup, candles, longSignals(6, new int[] {1}, new int[] {})).trades()).isEmpty();
        // Row 2's signal enters on row 3, the first backtested row.
        assertThat(run(withStartup, candles, longSignals(6, new int[] {2}, new int[] {})).trades())
                .singleElement().extracting(FreqtradeTrade::openTime).isEqualTo(at(3));
    }

    @Test
    void aLimitBelowTheCandleFillsLaterButTheTradeKeepsItsPlacementTime() {
        CandleColumns candles = hourly(flat(100), bar(100, 101, 96, 100), bar(97, 98, 94, 95), flat(96));
        FreqtradeSettings settings = spot()
                .callbacks(FreqtradeCallbacks.defaults().withCustomEntryPrice((time, proposed, tag, isShort) -> 95.0))
                .build();

        FreqtradeTrade trade = run(settings, candles, longSignals(4, new int[] {0}, new int[] {})).trades().getFirst();

        assertThat(trade.openTime()).isEqualTo(at(1));
        assertThat(trade.openRate()).isEqualByComparingTo("95");
    }

    @Test
    void aCustomEntryPriceAboveTheHighIsClampedToTheHigh() {
        CandleColumns candles = hourly(flat(100), bar(100, 101, 99, 100), flat(100), flat(100));
        FreqtradeSettings settings = spot()
                .callbacks(FreqtradeCallbacks.defaults().withCustomEntryPrice((time, proposed, tag, isShort) -> 150.0))
                .build();

        FreqtradeTrade trade = run(settings, candles, longSignals(4, new int[] {0}, new int[] {})).trades().getFirst();

        assertThat(trade.openRate()).isEqualByComparingTo("101");
    }

    @Test
    void anUnfilledEntryTimesOutStrictlyAfterTheTimeout() {
        CandleColumns candles = hourly(flat(100), bar(100, 101, 96, 100), bar(97, 98, 94, 95), flat(96));
        FreqtradeCallbacks below = FreqtradeCallbacks.defaults()
                .withCustomEntryPrice((time, proposed, tag, isShort) -> 95.0);
        SignalColumns signals = longSignals(4, new int[] {0}, new int[] {});

        FreqtradeResult timedOut = run(spot().callbacks(below).entryTimeout(Duration.ofMinutes(59)).build(),
                candles, signals);
        assertThat(timedOut.trades()).isEmpty();
        assertThat(timedOut.timedOutEntryOrders()).isEqualTo(1);

        // Exactly one timeframe old is not yet "older than 60 minutes": the order fills on row 2.
        FreqtradeResult inTime = run(spot().callbacks(below).entryTimeout(Duration.ofMinutes(60)).build(),
                candles, signals);
        assertThat(inTime.trades()).hasSize(1);
        assertThat(inTime.timedOutEntryOrders()).isZero();
    }

    @Test
    void adjustEntryPriceCancelsReplacesOrKeepsTheOrder() {
        CandleColumns candles = hourly(flat(100), bar(100, 101, 96, 100), bar(97, 98, 94, 95), flat(96));
        FreqtradeCallbacks below = FreqtradeCallbacks.defaults()
                .withCustomEntryPrice((time, proposed, tag, isShort) -> 90.0);
        SignalColumns signals = longSignals(4, new int[] {0}, new int[] {});

        FreqtradeResult cancelled = run(spot().callbacks(below.withAdjustEntryPrice((t, time, p, current) -> null))
                .build(), candles, signals);
        assertThat(cancelled.trades()).isEmpty();
        assertThat(cancelled.canceledTradeEntries()).isEqualTo(1);

        FreqtradeResult replaced = run(spot().callbacks(below.withAdjustEntryPrice((t, time, p, current) -> 97.5))
                .build(), candles, signals);
        assertThat(replaced.replacedEntryOrders()).isEqualTo(1);
        assertThat(replaced.trades()).singleElement().satisfies(trade -> {
            assertThat(trade.openRate()).isEqualByComparingTo("97.5");
            assertThat(trade.openTime()).isEqualTo(at(1));
            // The replacement keeps the stake (remaining amount × old price), so it buys fewer units at 97.5.
            assertThat(trade.stakeAmount().doubleValue()).isCloseTo(100.0, offset(1e-9));
            assertThat(trade.amount().doubleValue()).isCloseTo(100.0 / 97.5, offset(1e-12));
        });

        FreqtradeResult kept = run(spot().callbacks(below).build(), candles, signals);
        assertThat(kept.trades()).isEmpty(); // 90 is never reached and the default adjust keeps the order
        assertThat(kept.canceledEntryOrders()).isZero();
    }

    @Test
    void maxOpenTradesZeroIsUnlimitedAsInFreqtradesBacktester() {
        // backtesting.py trade_slot_available: "max_open_trades <= 0 or open_trade_count < max_open_trades"
        PairData a = PortfolioBacktestTest.pair("A/USDT", 10, 4, new int[] {0}, new int[] {});
        PairData b = PortfolioBacktestTest.pair("B/USDT", 20, 4, new int[] {0}, new int[] {});

        PortfolioResult zero = new PortfolioBacktest(spot().maxOpenTrades(0).build()).run(List.of(a, b));
        PortfolioResult one = new PortfolioBacktest(spot().maxOpenTrades(1).build()).run(List.of(a, b));

        assertThat(zero.trades()).hasSize(2);
        assertThat(zero.rejectedSignals()).isZero();
        assertThat(one.trades()).hasSize(1);
        assertThat(one.rejectedSignals()).isEqualTo(1);
    }

    @Test
    void amountIsTruncatedToTheStepAndTheStakeRecomputed() {
        CandleColumns candles = hourly(flat(30), flat(30), flat(30), flat(30));
        FreqtradeSettings settings = spot().amountStep(new BigDecimal("0.001")).build();

        FreqtradeTrade trade = run(settings, candles, longSignals(4, new int[] {0}, new int[] {})).trades().getFirst();

        assertThat(trade.amount()).isEqualByComparingTo("3.333");
        assertThat(trade.stakeAmount()).isEqualByComparingTo("99.99");
    }

    @Test
    void aStakeAboveTheTradableBalanceOpensNoTrade() {
        CandleColumns candles = hourly(flat(100), flat(100), flat(100), flat(100));
        SignalColumns signals = longSignals(4, new int[] {0}, new int[] {});

        assertThat(run(spot().stakeAmount(1000).build(), candles, signals).trades()).isEmpty(); // 990 available
        assertThat(run(spot().stakeAmount(990).build(), candles, signals).trades()).hasSize(1);
    }

    @Test
    void aFixedStakeIsRefusedOnceLossesLeaveLessThanItAvailable() {
        // Trade 1 loses 10% of a 990 stake; 990 is then more than (1000 − 99) × 0.99 = 891.99, so no second trade.
        CandleColumns candles = hourly(flat(100), flat(100), flat(90), flat(90), flat(90), flat(90), flat(90));
        SignalColumns signals = longSignals(7, new int[] {0, 3}, new int[] {1});

        FreqtradeResult result = run(spot().stakeAmount(990).build(), candles, signals);

        assertThat(result.trades()).hasSize(1);
    }

    @Test
    void anUnlimitedStakeCompoundsTheWallet() {
        CandleColumns candles = hourly(flat(100), flat(100), flat(110), flat(110), flat(110), flat(110), flat(110));
        SignalColumns signals = longSignals(7, new int[] {0, 3}, new int[] {1});
        FreqtradeSettings settings = spot().unlimitedStake().maxOpenTrades(2).build();

        FreqtradeResult result = run(settings, candles, signals);

        assertThat(result.trades()).hasSize(2);
        // (1000 × 0.99) / 2 slots = 495 staked, +10% = 49.5 profit; then (1049.5 × 0.99) / 2.
        assertThat(result.trades().get(0).stakeAmount().doubleValue()).isCloseTo(495, offset(1e-9));
        assertThat(result.trades().get(0).profitAbs()).isEqualByComparingTo("49.5");
        assertThat(result.trades().get(1).stakeAmount().doubleValue()).isCloseTo(1049.5 * 0.99 / 2, offset(1e-9));
    }

    @Test
    void shortsOpenOnlyInMarginModeAndProfitWhenThePriceFalls() {
        CandleColumns candles = hourly(flat(100), flat(100), bar(95, 96, 90, 92), flat(92), flat(92));
        SignalColumns signals = new SignalColumns(rows(5), rows(5), rows(5, 0), rows(5, 2), null, null);

        assertThat(run(spot().build(), candles, signals).trades()).isEmpty();
        FreqtradeTrade trade = run(spot().tradingMode(TradingMode.MARGIN).build(), candles, signals)
                .trades().getFirst();
        assertThat(trade.isShort()).isTrue();
        assertThat(trade.exitType()).isEqualTo(ExitType.EXIT_SIGNAL);
        assertThat(trade.closeTime()).isEqualTo(at(3));
        assertThat(trade.profitRatio()).isEqualTo(0.08);
    }

    @Test
    void theEnterTagTravelsToTheTrade() {
        CandleColumns candles = hourly(flat(100), flat(100), flat(100), flat(100));
        String[] tags = {"breakout", null, null, null};
        SignalColumns signals = new SignalColumns(rows(4, 0), rows(4), null, null, tags, null);

        assertThat(run(spot().build(), candles, signals).trades().getFirst().enterTag()).isEqualTo("breakout");
    }
}
