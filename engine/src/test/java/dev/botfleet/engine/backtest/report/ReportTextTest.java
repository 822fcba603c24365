package dev.botfleet.engine.backtest.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-text report of the {@link ReportFixtures} portfolio, and Python's number formatting. */
class ReportTextTest {

    private final BacktestReport report = ReportFixtures.report();
    private final String text = ReportText.render(report);

    @Test
    void perPairTable() {
        // Values from FreqtradeReportTablesTest; USDT totals with 3 decimals; win% = 100 / 3 × 1 = 33.3.
        assertThat(text).contains(String.join("\n",
                "BACKTESTING REPORT",
                "| Pair     | Trades | Avg Profit % | Tot Profit USDT | Tot Profit % | Avg Duration |  Win  Draw  Loss  Win% |",
                "|----------+--------+--------------+-----------------+--------------+--------------+------------------------|",
                "| ETH/USDT |      2 |        18.75 |          40.000 |          4.0 |      0:45:00 |    1     0     1  50.0 |",
                "| BTC/USDT |      3 |        -4.17 |         -10.000 |         -1.0 |      2:50:00 |    1     1     1  33.3 |",
                "| TOTAL    |      5 |          5.0 |          30.000 |          3.0 |      2:00:00 |    2     1     2  40.0 |"));
    }

    @Test
    void tagTables() {
        assertThat(text).contains("| Enter Tag | Entries | Avg Profit %");
        assertThat(text).contains("| exit_signal |     1 |         50.0 |          50.000 |          5.0 |      0:30:00 |"
                + "    1     0     0   100 |");
        assertThat(text).contains("| b         | force_exit  |      1 |          0.0 |");
        assertThat(text).contains("LEFT OPEN TRADES REPORT");
    }

    @Test
    void summaryMetrics() {
        // Worked in FreqtradeReportMetricsTest; money via fmt_coin (3 decimals, trailing zeros stripped).
        assertThat(lines()).contains(
                "| Total/Daily Avg Trades      | 5 / 0.5             |",
                "| Final balance               | 1030 USDT           |",
                "| Total profit %              | 3.00%               |",
                "| CAGR %                      | 194.14%             |",
                "| Sortino                     | 5.73                |",
                "| Sharpe                      | 2.10                |",
                "| Calmar                      | 146.15              |",
                "| Expectancy (Ratio)          | 6.00 (0.10)         |",
                "| Best Pair                   | ETH/USDT 4.00%      |",
                "| Worst trade                 | BTC/USDT -37.50%    |",
                "| Days win/draw/lose          | 2 / 5 / 1           |",
                "| Max Consecutive Wins / Loss | 1 / 2               |",
                "| Absolute Drawdown (Account) | 3.92%               |",
                "| Drawdown Start              | 2024-01-01 12:00:00 |",
                "| Drawdown duration           | 1 day, 6:00:00      |",
                "| Market change               | -2.50%              |");
    }

    @Test
    void undefinedRatiosPrintNA() {
        BacktestReport one = FreqtradeReport.compute(ReportFixtures.input(List.of(ReportFixtures.trade(
                ReportFixtures.ETH, "2024-01-04T08:30:00Z", "2024-01-04T09:00:00Z", 100, 50, 0.5, null, "roi"))));
        String summary = ReportText.render(one);
        assertThat(summary).contains("| Sharpe                      | N/A ").contains("| Expectancy (Ratio)          | 50.00 (N/A)")
                .contains("| Drawdown Start              | N/A ");
    }

    @Test
    void noTradesLine() {
        assertThat(ReportText.render(FreqtradeReport.compute(ReportFixtures.input(List.of()))))
                .endsWith("No trades made. Your starting balance was 1000 USDT.\n");
    }

    @Test
    void breakdownTable() {
        assertThat(ReportText.breakdown(report, Period.WEEK)).isEqualTo(String.join("\n",
                "WEEK BREAKDOWN",
                "| Week       | Tot Profit USDT | Wins | Draws | Losses |",
                "|------------+-----------------+------+-------+--------|",
                "| 01/01/2024 |              20 |    1 |     0 |      0 |",
                "| 08/01/2024 |              10 |    1 |     1 |      2 |", ""));
    }

    @Test
    void pythonNumberFormatting() {
        // Python rounds the exact binary value half-even: f"{0.125:.2f}" = "0.12", f"{2.675:.2f}" = "2.67"
        // (2.675 is 2.67499…); Java's %.2f gives "0.13" and "2.68".
        assertThat(PyFormat.fixed(0.125, 2)).isEqualTo("0.12");
        assertThat(PyFormat.fixed(2.675, 2)).isEqualTo("2.67");
        assertThat(PyFormat.fixed(-0.0001, 3)).isEqualTo("-0.000");
        assertThat(PyFormat.coin(222.2, "USDT")).isEqualTo("222.2 USDT");
        assertThat(PyFormat.coin(0.000123456789, "BTC")).isEqualTo("0.00012346 BTC");
        assertThat(PyFormat.coin(12.0, "USDT")).isEqualTo("12 USDT");
        assertThat(PyFormat.str(5.0)).isEqualTo("5.0");
        assertThat(PyFormat.str(-4.17)).isEqualTo("-4.17");
        assertThat(PyFormat.str(12345678.9)).isEqualTo("12345678.9"); // Java's toString: 1.23456789E7
        assertThat(PyFormat.winsDrawsLosses(0, 2, 0)).isEqualTo("   0     2     0     0");
        assertThat(PyFormat.winsDrawsLosses(2, 0, 0)).isEqualTo("   2     0     0   100");
    }

    private List<String> lines() {
        return text.lines().toList();
    }
}
