package dev.botfleet.engine.backtest.report;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;

import static dev.botfleet.engine.backtest.report.ReportFixtures.BTC;
import static dev.botfleet.engine.backtest.report.ReportFixtures.ETH;
import static dev.botfleet.engine.backtest.report.ReportFixtures.ms;
import static dev.botfleet.engine.backtest.report.ReportFixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** No trades, one trade, all winners, Freqtrade's drawdown quirks, and bad input. */
class FreqtradeReportEdgeCasesTest {

    private static BacktestReport run(List<ReportTrade> trades) {
        return FreqtradeReport.compute(ReportFixtures.input(trades));
    }

    @Test
    void noTrades() {
        BacktestReport r = run(List.of());
        // Every pair still gets its zero row; the TOTAL row has 0 trades.
        assertThat(r.tables().perPair()).extracting(ResultLine::key).containsExactly(BTC, ETH, "TOTAL");
        assertThat(r.tables().total().trades()).isZero();
        assertThat(r.tables().perEnterTag()).extracting(ResultLine::key).containsExactly("TOTAL");
        assertThat(r.tables().leftOpen()).extracting(ResultLine::key).containsExactly("TOTAL");
        assertThat(r.summary().finalBalance()).isEqualTo(1000.0);
        assertThat(r.summary().tradesPerDay()).isZero();
        assertThat(r.summary().profitMean()).isNull();
        assertThat(r.summary().avgStakeAmount()).isNull();
        assertThat(r.summary().bestTrade()).isNull();
        // The market still moved.
        assertThat(r.summary().marketChange()).isCloseTo(-0.025, within(1e-12));
        // Freqtrade: Sharpe/Sortino/Calmar 0, expectancy (0, 100), profit factor 0 → here undefined (null).
        RiskRatios x = r.ratios();
        assertThat(List.of(x)).extracting(RiskRatios::sharpe, RiskRatios::sortino, RiskRatios::calmar,
                RiskRatios::sqn, RiskRatios::expectancy, RiskRatios::expectancyRatio, RiskRatios::profitFactor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, null, null, null, null, null, null));
        assertThat(x.cagr()).isZero(); // (1000 / 1000)^36.5 − 1
        assertThat(r.drawdown().maxDrawdownAbs()).isZero();
        assertThat(r.drawdown().start()).isNull();
        assertThat(r.drawdown().csumMin()).isNull();
        assertThat(r.dailyStats().bestDayAbs()).isNull();
        assertThat(r.dailyStats().dailyProfit()).isEmpty();
        assertThat(r.breakdown(Period.WEEK)).isEmpty();
        assertThat(r.tradingStats().maxConsecutiveWins()).isZero();
        assertThat(r.tradingStats().holdingAvg()).isEqualTo("0:00:00");
    }

    @Test
    void oneWinningTrade() {
        // +50 on 1000 over 10 days.
        BacktestReport r = run(List.of(
                trade(ETH, "2024-01-04T08:30:00Z", "2024-01-04T09:00:00Z", 100, 50, 0.5, null, "roi")));
        RiskRatios x = r.ratios();
        // One return → σ = 0: Freqtrade's Sharpe is −100 (sentinel) → null. No loser: Sortino −100 → null.
        // No drawdown: Calmar −100 → null. SQN needs two trades. No loss: profit factor 0 and ratio 100 → null.
        assertThat(x.sharpe()).isNull();
        assertThat(x.sortino()).isNull();
        assertThat(x.calmar()).isNull();
        assertThat(x.sqn()).isNull();
        assertThat(x.profitFactor()).isNull();
        assertThat(x.expectancyRatio()).isNull();
        assertThat(x.expectancy()).isEqualTo(50.0); // win rate 1 × average win 50
        assertThat(x.cagr()).isCloseTo(Math.pow(1.05, 36.5) - 1, within(1e-12)); // 1050 / 1000 over 10 days
        // Best and worst trade are the same trade; only ETH traded so BTC (0) is the worst pair.
        assertThat(r.summary().bestTrade()).isSameAs(r.summary().worstTrade());
        assertThat(r.summary().bestPair().key()).isEqualTo(ETH);
        assertThat(r.summary().worstPair().key()).isEqualTo(BTC);
        assertThat(r.drawdown().maxDrawdownAbs()).isZero();
        assertThat(r.drawdown().csumMin()).isEqualTo(1050.0);
        assertThat(r.tradingStats().maxConsecutiveWins()).isEqualTo(1);
        assertThat(r.tradingStats().loserHoldingAvgMinutes()).isZero();
    }

    @Test
    void allWinners() {
        // +10, +30 on 1000 over 10 days: returns 0.01, 0.03 (mean 0.02, σ 0.01 with ddof 0).
        BacktestReport r = run(List.of(
                trade(BTC, "2024-01-02T00:00:00Z", "2024-01-02T01:00:00Z", 100, 10, 0.1, null, "roi"),
                trade(ETH, "2024-01-03T00:00:00Z", "2024-01-03T02:00:00Z", 100, 30, 0.3, null, "roi")));
        RiskRatios x = r.ratios();
        // Sharpe: 0.04 / 10 days = 0.004 → 0.004 / 0.01 × √365 = 0.4 × √365
        assertThat(x.sharpe()).isCloseTo(0.4 * Math.sqrt(365), within(1e-9));
        // No losing trade: Sortino (Freqtrade −100), Calmar (no drawdown, −100), profit factor (0) → null
        assertThat(x.sortino()).isNull();
        assertThat(x.calmar()).isNull();
        assertThat(x.profitFactor()).isNull();
        // SQN: √2 × 0.02 / σ(ddof 1) = √2 × 0.02 / √0.0002 = 2
        assertThat(x.sqn()).isCloseTo(2.0, within(1e-9));
        assertThat(r.drawdown().start()).isNull();
    }

    @Test
    void aFirstLosingTradeIsNoDrawdownInFreqtrade() {
        // Cumulative −10, −5: Freqtrade's running high starts at −10 (the first trade), not at 0, so the drawdown
        // series is 0, 0 and it reports no drawdown. Kept as Freqtrade computes it.
        BacktestReport r = run(List.of(
                trade(BTC, "2024-01-02T00:00:00Z", "2024-01-02T01:00:00Z", 100, -10, -0.1, null, "stop_loss"),
                trade(BTC, "2024-01-03T00:00:00Z", "2024-01-03T01:00:00Z", 100, 5, 0.05, null, "roi")));
        assertThat(r.drawdown().maxDrawdownAbs()).isZero();
        assertThat(r.drawdown().end()).isNull();
        assertThat(r.ratios().calmar()).isNull();
        // csum still sees the dip: 1000 − 10 = 990.
        assertThat(r.drawdown().csumMin()).isEqualTo(990.0);
    }

    @Test
    void relativeDrawdownCanPeakElsewhereThanTheAbsoluteOne() {
        // Start 100. Profits +100, −60, +300, −80 → balances 200, 140, 440, 360.
        // Absolute: −60 below 200 and −80 below 440 → 80 at trade 4, account drawdown 80 / 440.
        // Relative: 60 / 200 = 0.3 at trade 2 beats 80 / 440 ≈ 0.1818.
        List<ReportTrade> trades = List.of(
                trade(BTC, "2024-01-02T00:00:00Z", "2024-01-02T01:00:00Z", 100, 100, 1.0, null, "roi"),
                trade(BTC, "2024-01-03T00:00:00Z", "2024-01-03T01:00:00Z", 100, -60, -0.6, null, "stop_loss"),
                trade(BTC, "2024-01-04T00:00:00Z", "2024-01-04T01:00:00Z", 100, 300, 3.0, null, "roi"),
                trade(BTC, "2024-01-05T00:00:00Z", "2024-01-05T01:00:00Z", 100, -80, -0.8, null, "stop_loss"));
        Drawdown d = FreqtradeReport.compute(new ReportInput(trades, 100, "USDT", ReportFixtures.START,
                ReportFixtures.END, 1, ReportFixtures.closes(), ZoneOffset.UTC)).drawdown();
        assertThat(d.maxDrawdownAbs()).isEqualTo(80.0);
        assertThat(d.maxDrawdownAccount()).isEqualTo(80.0 / 440);
        assertThat(d.maxRelativeDrawdown()).isEqualTo(0.3);
        assertThat(d.high()).isEqualTo(340.0); // cumulative profit at trade 3
        assertThat(d.low()).isEqualTo(260.0);
        assertThat(d.start()).isEqualTo(ms("2024-01-04T01:00:00Z"));
        assertThat(d.durationMinutes()).isEqualTo(24 * 60);
    }

    @Test
    void drawdownSortsByCloseTimeButBalanceRangeKeepsResultOrder() {
        // Given out of close order: B (closes 01-03, −30) before A (closes 01-02, +20).
        // By close: +20, −30 → cumulative 20, −10, drawdown 30 from trade A to trade B.
        // csum (unsorted, as Freqtrade): −30, −10 → min 970, max 990.
        ReportTrade a = trade(BTC, "2024-01-02T00:00:00Z", "2024-01-02T01:00:00Z", 100, 20, 0.2, null, "roi");
        ReportTrade b = trade(BTC, "2024-01-03T00:00:00Z", "2024-01-03T01:00:00Z", 100, -30, -0.3, null, "roi");
        Drawdown d = run(List.of(b, a)).drawdown();
        assertThat(d.maxDrawdownAbs()).isEqualTo(30.0);
        assertThat(d.start()).isEqualTo(a.closeTime());
        assertThat(d.end()).isEqualTo(b.closeTime());
        assertThat(d.csumMin()).isEqualTo(970.0);
        assertThat(d.csumMax()).isEqualTo(990.0);
    }

    @Test
    void zeroLengthRangeHasNoRatios() {
        // Freqtrade returns 0 for Sharpe/Sortino/Calmar when start == end; CAGR uses 1 day.
        List<ReportTrade> trades = ReportFixtures.portfolio();
        ReportInput in = new ReportInput(trades, 1000, "USDT", ReportFixtures.START, ReportFixtures.START, 3,
                ReportFixtures.closes(), ZoneOffset.UTC);
        RiskRatios x = FreqtradeReport.compute(in).ratios();
        assertThat(x.sharpe()).isNull();
        assertThat(x.sortino()).isNull();
        assertThat(x.calmar()).isNull();
        assertThat(x.cagr()).isCloseTo(Math.pow(1.03, 365) - 1, within(1e-3));
    }

    @Test
    void negativeFinalBalanceHasNoCagr() {
        // A leveraged loss of 1500 on 1000: final balance −500. Freqtrade returns CAGR 0 (no real root) → null.
        BacktestReport r = run(List.of(
                trade(BTC, "2024-01-02T00:00:00Z", "2024-01-02T01:00:00Z", 100, -1500, -15, null, "liquidation")));
        assertThat(r.summary().finalBalance()).isEqualTo(-500.0);
        assertThat(r.ratios().cagr()).isNull();
    }

    @Test
    void unlimitedOpenTradesReportsThePairCount() {
        ReportInput in = new ReportInput(List.of(), 1000, "USDT", ReportFixtures.START, ReportFixtures.END, -1,
                ReportFixtures.closes(), ZoneOffset.UTC);
        ReportSummary s = FreqtradeReport.compute(in).summary();
        assertThat(s.maxOpenTrades()).isEqualTo(2); // min(inf, 2 pairs)
        assertThat(s.maxOpenTradesSetting()).isEqualTo(-1);
    }

    @Test
    void badInputNamesTheField() {
        List<ReportTrade> trades = List.of(trade("XRP/USDT", "2024-01-02T00:00:00Z", "2024-01-02T01:00:00Z", 100, 1,
                0.01, null, "roi"));
        assertThatThrownBy(() -> ReportFixtures.input(trades))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trades[0] pair XRP/USDT is not in closesByPair");
        assertThatThrownBy(() -> new ReportInput(List.of(), 0, "USDT", 0, 1, 1, ReportFixtures.closes(),
                ZoneOffset.UTC)).hasMessageContaining("startingBalance must be > 0");
        assertThatThrownBy(() -> new ReportInput(List.of(), 10, "USDT", 5, 1, 1, ReportFixtures.closes(),
                ZoneOffset.UTC)).hasMessageContaining("end 1 is before start 5");
        assertThatThrownBy(() -> trade(BTC, "2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z", 100, 1, 0.01, null,
                "roi")).hasMessageContaining("closeTime").hasMessageContaining("before openTime");
        assertThatThrownBy(() -> trade(BTC, "2024-01-02T00:00:00Z", "2024-01-02T01:00:00Z", 100, Double.NaN, 0.01,
                null, "roi")).hasMessageContaining("profitAbs is NaN");
        var closes = ReportFixtures.closes();
        closes.put(BTC, new double[]{Double.NaN});
        assertThatThrownBy(() -> FreqtradeReport.compute(new ReportInput(List.of(), 10, "USDT", 0, 1, 1, closes,
                ZoneOffset.UTC))).hasMessageContaining("closesByPair[BTC/USDT] has no close");
    }
}
