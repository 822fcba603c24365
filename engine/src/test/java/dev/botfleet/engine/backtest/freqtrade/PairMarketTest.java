package dev.botfleet.engine.backtest.freqtrade;

import static dev.botfleet.engine.backtest.freqtrade.Bars.flat;
import static dev.botfleet.engine.backtest.freqtrade.Bars.hourly;
import static dev.botfleet.engine.backtest.freqtrade.Bars.longSignals;
import static dev.botfleet.engine.backtest.freqtrade.Bars.spot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-pair precision and exchange stake limits, as Freqtrade 2024.10's _enter_trade and validate_stake_amount. */
class PairMarketTest {

    private static final PairMarket CENT_TICK_MILLI_LOT = new PairMarket(new BigDecimal("0.01"),
            new BigDecimal("0.001"), null, null, null, null);

    private static PairData pair(String name, double price, PairMarket market) {
        return new PairData(name, hourly(flat(price), flat(price), flat(price), flat(price)),
                longSignals(4, new int[] {0}, new int[] {}), null, null, market);
    }

    private static PortfolioResult run(FreqtradeSettings.Builder settings, PairData... pairs) {
        return new PortfolioBacktest(settings.build()).run(List.of(pairs));
    }

    @Test
    void amountsAreTruncatedToTheLotAndStopsRoundedUpToTheTickPerPair() {
        // A: 100 / 33.333 = 3.00003... truncated to the 0.001 lot: 3.000, stake 3 × 33.333 = 99.999; the stop
        //    33.333 × 0.9 = 29.9997 is rounded up to the 0.01 tick: 30.00.
        // B without market rules keeps the run's precision (none here): 100 / 33.333 units, stop 29.9997.
        PortfolioResult r = run(spot().stakeAmount(100).stoploss(-0.10),
                pair("A/USDT", 33.333, CENT_TICK_MILLI_LOT), pair("B/USDT", 33.333, null));

        FreqtradeTrade a = r.tradesOf("A/USDT").getFirst();
        assertThat(a.amount()).isEqualByComparingTo("3");
        assertThat(a.stakeAmount().doubleValue()).isCloseTo(99.999, within(1e-9));
        assertThat(a.openRate()).isEqualByComparingTo("33.333");  // the candle open is not rounded (Freqtrade)
        assertThat(a.initialStopLoss()).isEqualByComparingTo("30.00");
        FreqtradeTrade b = r.tradesOf("B/USDT").getFirst();
        assertThat(b.amount().doubleValue()).isCloseTo(100 / 33.333, within(1e-12));
        assertThat(b.initialStopLoss().doubleValue()).isCloseTo(33.333 * 0.9, within(1e-9));
    }

    @Test
    void aCustomEntryPriceIsRoundedToThePairsTick() {
        FreqtradeCallbacks cb = FreqtradeCallbacks.defaults().withCustomEntryPrice((time, rate, tag, isShort) -> 33.3349);
        double[] bar = Bars.bar(33.34, 33.5, 33.0, 33.34);
        PairData ranged = new PairData("A/USDT", hourly(bar, bar, bar, bar), longSignals(4, new int[] {0}, new int[] {}),
                null, null, CENT_TICK_MILLI_LOT);
        PortfolioResult r = run(spot().stakeAmount(100).callbacks(cb), ranged);

        assertThat(r.tradesOf("A/USDT").getFirst().openRate()).isEqualByComparingTo("33.33");
    }

    @Test
    void aStakeBelowTheMinimumIsRaisedUpToThirtyPercentElseSkipped() {
        // cost.min 10: min stake = 10 × 1.05 / (1 - 0.05) = 11.0526... (Freqtrade's reserve for a new trade)
        PairMarket minCost = new PairMarket(null, null, null, null, 10.0, null);
        double min = 10 * 1.05 / 0.95;
        assertThat(minCost.minStake(20, -0.05, 1)).isCloseTo(min, within(1e-12));

        // 9 × 1.3 = 11.7 >= 11.05: raised to the minimum
        FreqtradeTrade raised = run(spot().stakeAmount(9), pair("A/USDT", 20, minCost)).trades().getFirst();
        assertThat(raised.stakeAmount().doubleValue()).isCloseTo(min, within(1e-9));
        // 8 × 1.3 = 10.4 < 11.05: no trade (and not a rejected signal)
        PortfolioResult skipped = run(spot().stakeAmount(8), pair("A/USDT", 20, minCost));
        assertThat(skipped.trades()).isEmpty();
        assertThat(skipped.rejectedSignals()).isZero();
    }

    @Test
    void theMinimumByAmountUsesThePriceAndTheMaximumCutsTheStake() {
        // amount.min 1 at price 20: 1 × 20 × 1.05 = 21; cost.max 50 and amount.max 2 (= 40 at 20): max stake 40
        PairMarket limits = new PairMarket(null, null, 1.0, 2.0, null, 50.0);
        assertThat(limits.minStake(20, -0.05, 1)).isCloseTo(21.0, within(1e-12));
        assertThat(limits.maxStake(20, 1)).isEqualTo(40.0);
        assertThat(limits.maxStake(20, 2)).isEqualTo(20.0);  // over the leverage

        FreqtradeTrade cut = run(spot().stakeAmount(100), pair("A/USDT", 20, limits)).trades().getFirst();
        assertThat(cut.stakeAmount().doubleValue()).isCloseTo(40.0, within(1e-9));
        // a minimum above what may be staked: no trade
        PairMarket impossible = new PairMarket(null, null, 3.0, 2.0, null, null);
        assertThat(run(spot().stakeAmount(100), pair("A/USDT", 20, impossible)).trades()).isEmpty();
    }
}
