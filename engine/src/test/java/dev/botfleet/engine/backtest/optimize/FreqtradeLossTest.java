package dev.botfleet.engine.backtest.optimize;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.botfleet.engine.backtest.optimize.FreqtradeLoss.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every built-in loss on one worked example, computed by hand from Freqtrade's formulas.
 * Wallet 1000, range 2024-01-01 00:00 .. 2024-01-11 00:00 (10 days), four trades closing on days 0..3:
 * <pre>
 *   day  minutes  profit_ratio  profit_abs  cumulative  high  drawdown
 *    0     120       0.02          20           20       20      0
 *    1      90      -0.01         -10           10       20    -10
 *    2     300      -0.03         -30          -20       20    -40   &lt;- max drawdown (abs 40)
 *    3      60       0.05          50           30       30      0
 * </pre>
 * total profit 30 (ratio sum 0.03); relative account drawdown at the max = (1020 - 980) / 1020 = 40/1020.
 */
class FreqtradeLossTest {
    static final long DAY = 86_400_000L;
    static final long T0 = 1_704_067_200_000L;  // 2024-01-01T00:00Z
    static final double REL = 40.0 / 1020;

    static TrialTrade trade(int day, int minutes, double ratio, double abs) {
        return new TrialTrade("BTC/USDT", T0 + day * DAY, T0 + day * DAY + minutes * 60_000L, ratio, abs);
    }

    static final TrialOutcome EXAMPLE = new TrialOutcome(List.of(
            trade(0, 120, 0.02, 20), trade(1, 90, -0.01, -10), trade(2, 300, -0.03, -30), trade(3, 60, 0.05, 50)),
            1000, T0, T0 + 10 * DAY);

    @Test
    void shortTradeDuration() {
        // trade_loss = 1 - 0.25 * exp(-(4 - 600)^2 / 10^5.8) = 1 - 0.25 * exp(-0.56297942) = 0.85762257
        // profit_loss = max(0, 1 - 0.03 / 3) = 0.99; duration_loss = 0.4 * min(142.5 / 300, 1) = 0.19
        assertThat(ShortTradeDurHyperOptLoss.loss(EXAMPLE)).isCloseTo(0.8576225688062902 + 0.99 + 0.19, within(1e-12));
        assertThat(HyperoptLoss.named("DefaultHyperOptLoss")).isSameAs(ShortTradeDurHyperOptLoss);
    }

    @Test
    void onlyProfit() {
        assertThat(OnlyProfitHyperOptLoss.loss(EXAMPLE)).isCloseTo(-30, within(1e-12));
    }

    @Test
    void sharpe() {
        // daily mean = 0.03 / 10 = 0.003; np.std of (0.02, -0.01, -0.03, 0.05) around 0.0075 = sqrt(0.003675 / 4) = 0.0303109
        // sharpe = 0.003 / 0.0303109 * sqrt(365) = 1.8909020
        assertThat(SharpeHyperOptLoss.loss(EXAMPLE)).isCloseTo(-1.8909019551742057, within(1e-9));
    }

    @Test
    void sortino() {
        // losing ratios -0.01, -0.03: np.std = 0.01; sortino = 0.003 / 0.01 * sqrt(365) = 5.7314920
        assertThat(SortinoHyperOptLoss.loss(EXAMPLE)).isCloseTo(-5.73149195236284, within(1e-9));
    }

    @Test
    void calmar() {
        // mean = 0.03 / 10 * 100 = 0.3; calmar = 0.3 / (40/1020) * sqrt(365) = 7.65 * 19.1049732 = 146.1530448
        assertThat(CalmarHyperOptLoss.loss(EXAMPLE)).isCloseTo(-146.1530447852524, within(1e-9));
    }

    @Test
    void sharpeDaily() {
        // 11 days (day 0 .. day 10 both included); per day ratio - 0.0005: 0.0195, -0.0105, -0.0305, 0.0495, then 7 zeros
        // mean = 0.028 / 11 = 0.00254545; sample std (ddof 1) = 0.01949289; sharpe = mean / std * sqrt(365) = 2.4947990
        assertThat(SharpeHyperOptLossDaily.loss(EXAMPLE)).isCloseTo(-2.494799023518766, within(1e-9));
    }

    @Test
    void sortinoDaily() {
        // downside = sqrt((0.0105^2 + 0.0305^2) / 11) = sqrt(0.0010405 / 11) = 0.00972579
        // sortino = 0.00254545 / 0.00972579 * sqrt(365) = 5.0001966
        assertThat(SortinoHyperOptLossDaily.loss(EXAMPLE)).isCloseTo(-5.000196579945863, within(1e-9));
    }

    @Test
    void maxDrawDown() {
        // -total / drawdown_abs = -30 / 40
        assertThat(MaxDrawDownHyperOptLoss.loss(EXAMPLE)).isCloseTo(-0.75, within(1e-12));
    }

    @Test
    void maxDrawDownRelative() {
        // -total / max_drawdown / max relative = -30 / 40 / (40/1020) = -0.75 * 25.5 = -19.125
        assertThat(MaxDrawDownRelativeHyperOptLoss.loss(EXAMPLE)).isCloseTo(-19.125, within(1e-9));
    }

    @Test
    void profitDrawDown() {
        // -(30 - (40/1020 * 30) * (1 - 0.075)) = -(30 - 1.17647059 * 0.925) = -28.9117647
        assertThat(ProfitDrawDownHyperOptLoss.loss(EXAMPLE)).isCloseTo(-(30 - REL * 30 * 0.925), within(1e-12))
                .isCloseTo(-28.91176470588235, within(1e-9));
    }

    @Test
    void multiMetric() {
        // profit factor = 70 / (40 + 1e-6); expectancy ratio = (1 + 35/20) * 0.5 - 1 = 0.375; winrate 0.5
        // trade penalty: 1 - |4 - 50| / 50 = 0.08, raised to the floor 0.1
        // profit/drawdown = 30 - (40/1020 * 30) * (1 - 0.055) = 28.8882353
        double expected = -(28.888235294117646 * Math.log(70 / (40 + 1e-6) + 1) * Math.log(0.375 + 2) * Math.log(1.2 + 0.5) * 0.1);
        assertThat(MultiMetricHyperOptLoss.loss(EXAMPLE)).isCloseTo(expected, within(1e-9))
                .isCloseTo(-1.341329287338668, within(1e-9));
    }

    @Test
    void aFirstLossIsNoDrawdownInFreqtrade() {
        // cumulative -10, -5; pandas cummax starts at -10, so the drawdown is 0 everywhere: Freqtrade raises
        // "No losing trade" and the loss falls back to -total = -(-5)
        TrialOutcome o = new TrialOutcome(List.of(trade(0, 10, -0.01, -10), trade(1, 10, 0.005, 5)), 1000, T0, T0 + 2 * DAY);
        assertThat(MaxDrawDownHyperOptLoss.loss(o)).isEqualTo(5.0);
        assertThat(MaxDrawDownRelativeHyperOptLoss.loss(o)).isEqualTo(5.0);
        // Calmar: no drawdown -> calmar -100 -> loss 100
        assertThat(CalmarHyperOptLoss.loss(o)).isEqualTo(100.0);
    }

    @Test
    void degenerateRatiosUseFreqtradesSentinels() {
        TrialOutcome none = new TrialOutcome(List.of(), 1000, T0, T0 + DAY);
        TrialOutcome oneWin = new TrialOutcome(List.of(trade(0, 10, 0.01, 10)), 1000, T0, T0 + DAY);
        assertThat(SharpeHyperOptLoss.loss(none)).isEqualTo(-0.0);    // no trades: ratio 0
        assertThat(SharpeHyperOptLoss.loss(oneWin)).isEqualTo(100.0);  // std 0: ratio -100
        assertThat(SortinoHyperOptLoss.loss(oneWin)).isEqualTo(100.0); // no losing trade: -100
        // daily: two days 0.0095, 0 -> mean 0.00475, no downside -> sortino -20
        assertThat(SortinoHyperOptLossDaily.loss(oneWin)).isEqualTo(20.0);
        // MultiMetric with no losing trade: expectancy ratio 100 > 10 -> log(1.01)
        double pf = Math.log(10 / 1e-6 + 1);
        double expected = -(10 * pf * Math.log(1.01) * Math.log(2.2) * Math.max(1 - 49 / 50.0, 0.1));
        assertThat(MultiMetricHyperOptLoss.loss(oneWin)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void unknownLossIsNamed() {
        assertThatThrownBy(() -> HyperoptLoss.named("SharpeLoss"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'SharpeLoss'")
                .hasMessageContaining("SharpeHyperOptLossDaily");
        assertThat(HyperoptLoss.named("CalmarHyperOptLoss")).isSameAs(CalmarHyperOptLoss);
    }

    @Test
    void badOutcomesAreNamed() {
        assertThatThrownBy(() -> new TrialOutcome(List.of(), 0, T0, T0)).hasMessageContaining("startingBalance");
        assertThatThrownBy(() -> new TrialOutcome(List.of(), 1000, T0, T0 - 1)).hasMessageContaining("end");
        assertThatThrownBy(() -> new TrialTrade("ETH/USDT", T0, T0 - 1, 0, 0)).hasMessageContaining("ETH/USDT")
                .hasMessageContaining("closeTime");
    }
}
