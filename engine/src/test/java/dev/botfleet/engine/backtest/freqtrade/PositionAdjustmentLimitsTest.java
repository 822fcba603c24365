package dev.botfleet.engine.backtest.freqtrade;

import static dev.botfleet.engine.backtest.freqtrade.Bars.at;
import static dev.botfleet.engine.backtest.freqtrade.Bars.flat;
import static dev.botfleet.engine.backtest.freqtrade.Bars.hourly;
import static dev.botfleet.engine.backtest.freqtrade.Bars.longSignals;
import static dev.botfleet.engine.backtest.freqtrade.Bars.spot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pair's exchange stake limits on position-adjustment entries, as Freqtrade 2024.10's
 * {@code get_valid_price_and_stake} for a trade being adjusted: min stake = cost.min × 1.05 (no stoploss reserve for
 * an adjustment), max stake = cost.max, and {@code validate_stake_amount} with the trade's stake: at most
 * cost.max − stake already in the trade is added, an add below the minimum is raised to it if that is at most 30 % up
 * and skipped otherwise. Fee 0, stake 100, wallet 1000, stop −0.9; prices 10, 10, 5, 5, 8, 8: entry at 10 on row 1
 * (10 units), the add is asked for at row 2's open (5), the exit signal sells at row 4's open (8).
 */
class PositionAdjustmentLimitsTest {

    /** cost.min 10, cost.max 250: a new trade needs 10 × 1.05 / 0.95 = 11.05, an add 10 × 1.05 = 10.5. */
    private static final PairMarket LIMITS = new PairMarket(null, null, null, null, 10.0, 250.0);

    private static FreqtradeTrade run(PairMarket market, double addAtRowTwo, List<double[]> asked) {
        FreqtradeCallbacks.AdjustTradePosition add = (trade, time, rate, profit, min, max) -> {
            asked.add(new double[] {min, max});
            return time == at(2) ? FreqtradeCallbacks.PositionChange.of(addAtRowTwo) : null;
        };
        FreqtradeSettings settings = spot().stakeAmount(100).stoploss(-0.9).positionAdjustmentEnable(true)
                .callbacks(FreqtradeCallbacks.defaults().withAdjustTradePosition(add)).build();
        PairData pair = new PairData("A/USDT", hourly(flat(10), flat(10), flat(5), flat(5), flat(8), flat(8)),
                longSignals(6, new int[] {0}, new int[] {3}), null, null, market);
        return new PortfolioBacktest(settings).run(List.of(pair)).trades().getFirst();
    }

    private static long entries(FreqtradeTrade t) {
        return t.orders().stream().filter(FreqtradeOrder::isEntry).count();
    }

    @Test
    void anAddAboveTheMaximumIsCutToTheRoomTheTradeHasLeft() {
        // 200 asked, the trade holds 100 of the 250 allowed: 150 added at 5 = 30 units; 40 units, stake 250,
        // sold at 8 = 320: +70. Without the limit it would be 200 / 5 = 40 more units.
        List<double[]> asked = new ArrayList<>();
        FreqtradeTrade t = run(LIMITS, 200, asked);

        assertThat(entries(t)).isEqualTo(2);
        assertThat(t.amount()).isEqualByComparingTo("40");
        assertThat(t.stakeAmount()).isEqualByComparingTo("250");
        assertThat(t.profitAbs()).isEqualByComparingTo("70");
        // The callback is told Freqtrade's limits at the open: min with a −0.1 stoploss reserve,
        // 10 × 1.05 / 0.9 = 11.67, and max = min(cost.max, available balance) = 250.
        double[] atRowTwo = asked.get(1);
        assertThat(atRowTwo[0]).isCloseTo(10 * 1.05 / 0.9, within(1e-12));
        assertThat(atRowTwo[1]).isEqualTo(250.0);
    }

    @Test
    void anAddFarBelowTheMinimumIsSkippedAndOneJustBelowIsRaisedToIt() {
        // 5 × 1.3 = 6.5 < 10.5: skipped, the trade keeps its one entry: 10 units from 10 sold at 8: −20.
        FreqtradeTrade skipped = run(LIMITS, 5, new ArrayList<>());
        assertThat(entries(skipped)).isEqualTo(1);
        assertThat(skipped.profitAbs()).isEqualByComparingTo("-20");

        // 9 × 1.3 = 11.7 >= 10.5: raised to 10.5 = 2.1 units at 5.
        FreqtradeTrade raised = run(LIMITS, 9, new ArrayList<>());
        assertThat(entries(raised)).isEqualTo(2);
        assertThat(raised.orders().get(1).amount().doubleValue()).isCloseTo(2.1, within(1e-12));
    }

    @Test
    void aTradeAtItsMaximumAddsNothing() {
        // cost.max 105: the room left, 105 − 100 = 5, is below the 10.5 minimum: no add however much is asked.
        FreqtradeTrade t = run(new PairMarket(null, null, null, null, 10.0, 105.0), 50, new ArrayList<>());

        assertThat(entries(t)).isEqualTo(1);
        assertThat(t.stakeAmount()).isEqualByComparingTo("100");
    }

    @Test
    void withoutMarketRulesTheAddIsOnlyCappedByTheWallet() {
        FreqtradeTrade t = run(null, 200, new ArrayList<>());

        assertThat(t.amount()).isEqualByComparingTo("50");  // 10 + 200 / 5
    }
}
