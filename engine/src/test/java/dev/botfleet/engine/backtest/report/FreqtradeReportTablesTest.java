package dev.botfleet.engine.backtest.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.botfleet.engine.backtest.report.ReportFixtures.BTC;
import static dev.botfleet.engine.backtest.report.ReportFixtures.ETH;
import static org.assertj.core.api.Assertions.assertThat;

/** The per pair / enter tag / exit reason / mixed / left-open tables of the {@link ReportFixtures} portfolio. */
class FreqtradeReportTablesTest {

    private final ResultTables tables = ReportFixtures.report().tables();

    @Test
    void perPairRowsSortedByTotalProfitThenTotal() {
        List<ResultLine> rows = tables.perPair();
        assertThat(rows).extracting(ResultLine::key).containsExactly(ETH, BTC, "TOTAL");

        // ETH: trades 2 and 4. Ratios −0.125 + 0.5 = 0.375, mean 0.1875 → 18.75 %; abs −10 + 50 = 40 → 40/1000 = 4 %;
        // durations (60 + 30) / 2 = 45 min; one win (50 > 0), one loss.
        ResultLine eth = rows.get(0);
        assertThat(eth.trades()).isEqualTo(2);
        assertThat(eth.profitSum()).isEqualTo(0.375);
        assertThat(eth.profitMean()).isEqualTo(0.1875);
        assertThat(eth.profitMeanPct()).isEqualTo(18.75);
        assertThat(eth.profitSumPct()).isEqualTo(37.5);
        assertThat(eth.profitTotalAbs()).isEqualTo(40.0);
        assertThat(eth.profitTotal()).isEqualTo(0.04);
        assertThat(eth.profitTotalPct()).isEqualTo(4.0);
        assertThat(eth.durationAvgMinutes()).isEqualTo(45);
        assertThat(eth.durationAvg()).isEqualTo("0:45:00");
        assertThat(List.of(eth.wins(), eth.draws(), eth.losses())).containsExactly(1, 0, 1);
        assertThat(eth.winrate()).isEqualTo(0.5);

        // BTC: trades 1, 3, 5. Ratios 0.25 − 0.375 + 0 = −0.125, mean −0.041666… → −4.17 %; abs 20 − 30 + 0 = −10
        // → −1 %; durations (120 + 300 + 90) / 3 = 170 min = 2:50:00; win, loss, draw (profit_abs 0).
        ResultLine btc = rows.get(1);
        assertThat(btc.trades()).isEqualTo(3);
        assertThat(btc.profitSum()).isEqualTo(-0.125);
        assertThat(btc.profitMeanPct()).isEqualTo(-4.17);
        assertThat(btc.profitSumPct()).isEqualTo(-12.5);
        assertThat(btc.profitTotalAbs()).isEqualTo(-10.0);
        assertThat(btc.profitTotalPct()).isEqualTo(-1.0);
        assertThat(btc.durationAvg()).isEqualTo("2:50:00");
        assertThat(List.of(btc.wins(), btc.draws(), btc.losses())).containsExactly(1, 1, 1);

        // TOTAL: 5 trades, ratios sum 0.25, mean 0.05 → 5 %; abs 30 → 3 %; durations 600 / 5 = 120 min; 2/1/2.
        ResultLine total = rows.get(2);
        assertThat(total.trades()).isEqualTo(5);
        assertThat(total.profitSum()).isEqualTo(0.25);
        assertThat(total.profitMeanPct()).isEqualTo(5.0);
        assertThat(total.profitTotalAbs()).isEqualTo(30.0);
        assertThat(total.profitTotalPct()).isEqualTo(3.0);
        assertThat(total.durationAvg()).isEqualTo("2:00:00");
        assertThat(List.of(total.wins(), total.draws(), total.losses())).containsExactly(2, 1, 2);
        assertThat(total.winrate()).isEqualTo(0.4);
        assertThat(tables.total()).isSameAs(total);
    }

    @Test
    void untradedPairStillHasARow() {
        // A third pair with data but no trade is listed with zeros, and sorts between +40 and −10.
        var closes = ReportFixtures.closes();
        closes.put("XRP/USDT", new double[]{1, 1});
        ReportInput in = new ReportInput(ReportFixtures.portfolio(), 1000, "USDT", ReportFixtures.START,
                ReportFixtures.END, 3, closes, java.time.ZoneOffset.UTC);
        List<ResultLine> rows = FreqtradeReport.compute(in).tables().perPair();
        assertThat(rows).extracting(ResultLine::key).containsExactly(ETH, "XRP/USDT", BTC, "TOTAL");
        ResultLine xrp = rows.get(1);
        assertThat(xrp.trades()).isZero();
        assertThat(xrp.profitMean()).isZero();
        assertThat(xrp.durationAvg()).isEqualTo("0:00");
        assertThat(xrp.winrate()).isZero();
    }

    @Test
    void enterTagsLeaveUntaggedTradesToTotal() {
        // a: trades 1, 3 → abs −10, ratios −0.125 (mean −6.25 %), (120 + 300) / 2 = 210 min.
        // b: trades 2, 5 → abs −10, ratios −0.125, (60 + 90) / 2 = 75 min, a loss and a draw.
        // Equal totals keep the key order a, b. Trade 4 has no tag: only in TOTAL (5 trades, +30).
        List<ResultLine> rows = tables.perEnterTag();
        assertThat(rows).extracting(ResultLine::key).containsExactly("a", "b", "TOTAL");
        assertThat(rows.get(0).profitTotalAbs()).isEqualTo(-10.0);
        assertThat(rows.get(0).profitMeanPct()).isEqualTo(-6.25);
        assertThat(rows.get(0).durationAvg()).isEqualTo("3:30:00");
        assertThat(rows.get(1).durationAvg()).isEqualTo("1:15:00");
        assertThat(List.of(rows.get(1).wins(), rows.get(1).draws(), rows.get(1).losses())).containsExactly(0, 1, 1);
        assertThat(rows.get(2).trades()).isEqualTo(5);
        assertThat(rows.get(2).profitTotalAbs()).isEqualTo(30.0);
    }

    @Test
    void exitReasonsSortedByTotalProfit() {
        // exit_signal +50, roi +20, force_exit 0, stop_loss −10 − 30 = −40.
        List<ResultLine> rows = tables.perExitReason();
        assertThat(rows).extracting(ResultLine::key)
                .containsExactly("exit_signal", "roi", "force_exit", "stop_loss", "TOTAL");
        assertThat(rows).extracting(ResultLine::profitTotalAbs).containsExactly(50.0, 20.0, 0.0, -40.0, 30.0);
        assertThat(rows.get(3).trades()).isEqualTo(2);
        assertThat(rows.get(3).profitTotalPct()).isEqualTo(-4.0);
    }

    @Test
    void mixedTagsPairEnterTagWithExitReason() {
        // (a, roi) +20, (b, force_exit) 0, (b, stop_loss) −10, (a, stop_loss) −30; trade 4 (no tag) left out.
        List<ResultLine> rows = tables.perMixTag();
        assertThat(rows).extracting(ResultLine::keyParts).containsExactly(List.of("a", "roi"),
                List.of("b", "force_exit"), List.of("b", "stop_loss"), List.of("a", "stop_loss"), List.of("TOTAL"));
        assertThat(rows.get(0).key()).isEqualTo("a / roi");
        assertThat(rows).extracting(ResultLine::profitTotalAbs).containsExactly(20.0, 0.0, -10.0, -30.0, 30.0);
    }

    @Test
    void leftOpenListsOnlyPairsWithForceExits() {
        // Only trade 5 (BTC, force_exit, profit 0).
        List<ResultLine> rows = tables.leftOpen();
        assertThat(rows).extracting(ResultLine::key).containsExactly(BTC, "TOTAL");
        assertThat(rows.get(0).trades()).isEqualTo(1);
        assertThat(rows.get(0).draws()).isEqualTo(1);
        assertThat(rows.get(1).trades()).isEqualTo(1);
    }
}
