package dev.botfleet.engine.backtest.report;

import org.junit.jupiter.api.Test;

import static dev.botfleet.engine.backtest.report.ReportFixtures.BTC;
import static dev.botfleet.engine.backtest.report.ReportFixtures.ETH;
import static dev.botfleet.engine.backtest.report.ReportFixtures.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Summary, ratios, drawdown and trading statistics of the {@link ReportFixtures} portfolio, worked by hand. */
class FreqtradeReportMetricsTest {

    private static final double EPS = 1e-12;
    private final BacktestReport report = ReportFixtures.report();

    @Test
    void summary() {
        ReportSummary s = report.summary();
        assertThat(s.pairlist()).containsExactly(BTC, ETH);
        // 1000 + 20 − 10 − 30 + 50 + 0
        assertThat(s.finalBalance()).isEqualTo(1030.0);
        assertThat(s.profitTotalAbs()).isEqualTo(30.0);
        assertThat(s.profitTotal()).isEqualTo(0.03);
        assertThat(s.profitTotalLongAbs()).isEqualTo(30.0);
        assertThat(s.profitTotalShortAbs()).isZero();
        assertThat(s.tradeCountLong()).isEqualTo(5);
        assertThat(s.tradeCountShort()).isZero();
        assertThat(s.backtestDays()).isEqualTo(10);
        assertThat(s.tradesPerDay()).isEqualTo(0.5); // 5 / 10
        // max_open_trades 3 but only 2 pairs: Freqtrade reports min(3, 2)
        assertThat(s.maxOpenTrades()).isEqualTo(2);
        assertThat(s.maxOpenTradesSetting()).isEqualTo(3);
        assertThat(s.totalVolume()).isEqualTo(440.0); // 80 × 3 + 100 × 2
        assertThat(s.avgStakeAmount()).isEqualTo(88.0);
        assertThat(s.profitMean()).isEqualTo(0.05); // 0.25 / 5
        assertThat(s.profitMedian()).isEqualTo(0.0); // sorted −0.375, −0.125, 0, 0.25, 0.5
        // BTC (100 → 120) +0.2, ETH (200 → 150, NaN skipped) −0.25: mean −0.025
        assertThat(s.marketChange()).isCloseTo(-0.025, within(EPS));
        // best/worst pair by the sum of ratios: ETH 0.375, BTC −0.125; best/worst trade by ratio: #4, #3
        assertThat(s.bestPair().key()).isEqualTo(ETH);
        assertThat(s.worstPair().key()).isEqualTo(BTC);
        assertThat(s.bestTrade().profitRatio()).isEqualTo(0.5);
        assertThat(s.worstTrade().profitRatio()).isEqualTo(-0.375);
        assertThat(s.finalBalanceExact()).hasToString("1030.0");
    }

    @Test
    void ratios() {
        RiskRatios r = report.ratios();
        // Returns per trade on the starting balance: 0.02, −0.01, −0.03, 0.05, 0 (sum 0.03, mean 0.006).
        // Daily mean = 0.03 / 10 days = 0.003.
        // Sharpe: σ (ddof 0) of the returns: deviations 0.014, −0.016, −0.036, 0.044, −0.006, squares sum 0.00372,
        // / 5 = 0.000744 → 0.003 / √0.000744 × √365 ≈ 2.1012
        assertThat(r.sharpe()).isCloseTo(0.003 / Math.sqrt(0.000744) * Math.sqrt(365), within(1e-9));
        assertThat(r.sharpe()).isCloseTo(2.1012, within(1e-4));
        // Sortino: σ (ddof 0) of the losing returns −0.01, −0.03 = 0.01 → 0.003 / 0.01 × √365 = 0.3 × 19.1050 ≈ 5.7315
        assertThat(r.sortino()).isCloseTo(0.3 * Math.sqrt(365), within(1e-9));
        // Calmar: 30 / 1000 / 10 × 100 = 0.3 (% per day) over the account drawdown 40 / 1020 → 7.65 × √365 ≈ 146.15
        assertThat(r.calmar()).isCloseTo(7.65 * Math.sqrt(365), within(1e-9));
        // CAGR: (1030 / 1000)^(365 / 10) − 1 = 1.03^36.5 − 1 ≈ 1.9414
        assertThat(r.cagr()).isCloseTo(Math.pow(1.03, 36.5) - 1, within(EPS));
        assertThat(r.cagr()).isCloseTo(1.9414, within(1e-4));
        // SQN: √5 × 0.006 / σ(ddof 1) with σ = √(0.00372 / 4) = √0.00093 → ≈ 0.43994
        assertThat(r.sqn()).isCloseTo(Math.sqrt(5) * 0.006 / Math.sqrt(0.00093), within(1e-9));
        // Expectancy: wins 20, 50 (avg 35), losses 10, 30 (avg 20), win rate 2/5, loss rate 2/5 (the draw counts in
        // neither): 0.4 × 35 − 0.4 × 20 = 6. Ratio: (1 + 35/20) × 0.4 − 1 = 0.1.
        assertThat(r.expectancy()).isCloseTo(6.0, within(EPS));
        assertThat(r.expectancyRatio()).isCloseTo(0.1, within(EPS));
        // Profit factor: (20 + 50) / |−10 − 30| = 1.75
        assertThat(r.profitFactor()).isEqualTo(1.75);
    }

    @Test
    void drawdown() {
        // Cumulative profit by close: 20, 10, −20, 30, 30; running high 20, 20, 20, 30, 30;
        // drawdown 0, −10, −40, 0, 0 → the largest is 40 at trade 3; the high (20) was first reached at trade 1.
        // Balances 1020, 1010, 980 under a high balance of 1020 → relative 40 / 1020.
        Drawdown d = report.drawdown();
        assertThat(d.maxDrawdownAbs()).isEqualTo(40.0);
        assertThat(d.maxDrawdownAccount()).isEqualTo(40.0 / 1020);
        assertThat(d.maxRelativeDrawdown()).isEqualTo(40.0 / 1020);
        assertThat(d.start()).isEqualTo(ms("2024-01-01T12:00:00Z"));
        assertThat(d.end()).isEqualTo(ms("2024-01-02T18:00:00Z"));
        assertThat(d.high()).isEqualTo(20.0);
        assertThat(d.low()).isEqualTo(-20.0);
        assertThat(d.durationMinutes()).isEqualTo(30 * 60); // 01-01 12:00 → 01-02 18:00
        // Balance range: 1000 + min(cumulative) = 980, 1000 + max = 1030
        assertThat(d.csumMin()).isEqualTo(980.0);
        assertThat(d.csumMax()).isEqualTo(1030.0);
    }

    @Test
    void tradingStats() {
        TradingStats t = report.tradingStats();
        // By ratio: wins #1, #4; losses #2, #3; draw #5.
        assertThat(t.wins()).isEqualTo(2);
        assertThat(t.losses()).isEqualTo(2);
        assertThat(t.draws()).isEqualTo(1);
        assertThat(t.winrate()).isEqualTo(0.4);
        // Holding: all (120 + 60 + 300 + 30 + 90) / 5 = 120; winners (120 + 30) / 2 = 75; losers (60 + 300) / 2 = 180
        assertThat(t.holdingAvgMinutes()).isEqualTo(120);
        assertThat(t.winnerHoldingAvgMinutes()).isEqualTo(75);
        assertThat(t.loserHoldingAvgMinutes()).isEqualTo(180);
        assertThat(t.holdingAvg()).isEqualTo("2:00:00");
        assertThat(t.loserHoldingAvg()).isEqualTo("3:00:00");
        // Result order W L L W D; the draw counts as a loss in Freqtrade's streaks: longest win run 1, loss run 2.
        assertThat(t.maxConsecutiveWins()).isEqualTo(1);
        assertThat(t.maxConsecutiveLosses()).isEqualTo(2);
    }

    @Test
    void streakCountsDrawsAsLosses() {
        // W D L W W: the draw and the loss make a loss run of 2; the two last wins a win run of 2.
        var trades = java.util.List.of(
                ReportFixtures.trade(BTC, "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z", 100, 1, 0.01, null, "roi"),
                ReportFixtures.trade(BTC, "2024-01-01T02:00:00Z", "2024-01-01T03:00:00Z", 100, 0, 0.0, null, "roi"),
                ReportFixtures.trade(BTC, "2024-01-01T04:00:00Z", "2024-01-01T05:00:00Z", 100, -1, -0.01, null, "roi"),
                ReportFixtures.trade(BTC, "2024-01-01T06:00:00Z", "2024-01-01T07:00:00Z", 100, 1, 0.01, null, "roi"),
                ReportFixtures.trade(BTC, "2024-01-01T08:00:00Z", "2024-01-01T09:00:00Z", 100, 1, 0.01, null, "roi"));
        TradingStats t = FreqtradeReport.compute(ReportFixtures.input(trades)).tradingStats();
        assertThat(t.maxConsecutiveWins()).isEqualTo(2);
        assertThat(t.maxConsecutiveLosses()).isEqualTo(2);
    }
}
