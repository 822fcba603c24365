package dev.botfleet.engine.backtest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every metric on a three-day curve and three trades worked out by hand (docs/backtesting.md "Metrics"). */
class MetricsCalculatorTest {
    private static final long DAY = 86_400_000L;

    private static BacktestTrade trade(String pnl, int hours) {
        Instant t0 = Instant.EPOCH;
        return new BacktestTrade(t0, t0.plus(Duration.ofHours(hours)), "LONG", BigDecimal.ONE, BigDecimal.TEN,
                BigDecimal.TEN, BigDecimal.ZERO, new BigDecimal(pnl), "SIGNAL");
    }

    @Test
    void handNumbers() {
        // Start 100; closes at 110, 99, 121: returns +10%, -10%, +22.2...%
        EquityCurve curve = new EquityCurve(new long[]{DAY, 2 * DAY, 3 * DAY}, new double[]{110, 99, 121},
                new boolean[]{true, false, true});
        List<BacktestTrade> trades = List.of(trade("10", 1), trade("-5", 2), trade("3", 3));

        Metrics m = MetricsCalculator.compute(new BigDecimal("100"), curve, trades, DAY, 2);

        assertThat(m.startingEquity()).isEqualByComparingTo("100.00");
        assertThat(m.finalEquity()).isEqualByComparingTo("121.00");
        assertThat(m.netProfit()).isEqualByComparingTo("21.00");
        assertThat(m.totalReturn()).isCloseTo(0.21, within(1e-12));
        // Peak 110, trough 99: (110 - 99) / 110
        assertThat(m.maxDrawdown()).isCloseTo(0.1, within(1e-12));
        // 3 days (first open to last close) = 3/365 years: 1.21^(365/3) - 1
        assertThat(m.cagr()).isCloseTo(Math.pow(1.21, 365.0 / 3) - 1, within(1e-3));
        assertThat(m.calmar()).isCloseTo(m.cagr() / 0.1, within(1e-3));
        // mean 0.0740741 / sample stdev 0.1626686 * sqrt(365)
        assertThat(m.sharpe()).isCloseTo(8.69982094045965, within(1e-9));
        // mean / sqrt(0.01 / 3) * sqrt(365)
        assertThat(m.sortino()).isCloseTo(24.511692011517503, within(1e-9));
        assertThat(m.winRate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.profitFactor()).isCloseTo(13.0 / 5, within(1e-12));
        assertThat(m.expectancy()).isEqualByComparingTo("2.67");
        assertThat(m.exposure()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.trades()).isEqualTo(3);
        assertThat(m.averageDuration()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void undefinedMetricsAreNullNotNaN() {
        EquityCurve flat = new EquityCurve(new long[]{DAY, 2 * DAY}, new double[]{100, 100}, new boolean[2]);

        Metrics m = MetricsCalculator.compute(new BigDecimal("100"), flat, List.of(), DAY, 2);

        assertThat(m.totalReturn()).isZero();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.sharpe()).isNull();
        assertThat(m.sortino()).isNull();
        assertThat(m.calmar()).isNull();
        assertThat(m.winRate()).isNull();
        assertThat(m.profitFactor()).isNull();
        assertThat(m.expectancy()).isNull();
        assertThat(m.averageDuration()).isNull();
        assertThat(m.trades()).isZero();
    }

    @Test
    void drawdownIsMeasuredFromTheStartingEquityToo() {
        EquityCurve curve = new EquityCurve(new long[]{DAY, 2 * DAY}, new double[]{80, 90}, new boolean[2]);

        Metrics m = MetricsCalculator.compute(new BigDecimal("100"), curve, List.of(), DAY, 2);

        assertThat(m.maxDrawdown()).isCloseTo(0.2, within(1e-12));
    }
}
