package dev.botfleet.engine.backtest.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Freqtrade's command-line backtest report as plain text: the same tables, headers, rows and value formatting as
 * {@code freqtrade backtesting} prints (bt_output.py), framed as fixed-width text instead of rich's box drawing.
 * Undefined values print as "N/A"; SQN and the drawdown duration are added (later Freqtrade versions show them).
 */
public final class ReportText {

    private ReportText() {
    }

    /** The whole report: per pair, left open, enter tags, exit reasons, mixed tags, then the summary metrics. */
    public static String render(BacktestReport report) {
        String stake = report.summary().stakeCurrency();
        ResultTables t = report.tables();
        return String.join("\n", resultTable("BACKTESTING REPORT", "Pair", "Trades", t.perPair(), stake),
                resultTable("LEFT OPEN TRADES REPORT", "Pair", "Trades", t.leftOpen(), stake),
                resultTable("ENTER TAG STATS", "Enter Tag", "Entries", t.perEnterTag(), stake),
                resultTable("EXIT REASON STATS", "Exit Reason", "Exits", t.perExitReason(), stake),
                mixTagTable(t.perMixTag(), stake), summary(report));
    }

    /** One of the day / week / month breakdown tables ({@code --breakdown day}). */
    public static String breakdown(BacktestReport report, Period period) {
        String stake = report.summary().stakeCurrency();
        String name = period.freqtradeName();
        TextTable table = new TextTable(name.toUpperCase(java.util.Locale.ROOT) + " BREAKDOWN",
                List.of(Character.toUpperCase(name.charAt(0)) + name.substring(1), "Tot Profit " + stake, "Wins",
                        "Draws", "Losses"), 1);
        for (PeriodStats p : report.breakdown(period)) {
            String profit = PyFormat.coin(p.profitAbs(), stake);
            table.row(List.of(p.date(), profit.substring(0, profit.length() - stake.length() - 1),
                    Integer.toString(p.wins()), Integer.toString(p.draws()), Integer.toString(p.losses())));
        }
        return table.render();
    }

    static String resultTable(String title, String keyHeader, String countHeader, List<ResultLine> rows,
                              String stake) {
        List<String> headers = new ArrayList<>(List.of(keyHeader));
        headers.addAll(lineHeaders(countHeader, stake));
        TextTable table = new TextTable(title, headers, 1);
        for (ResultLine r : rows) {
            // Freqtrade prints an empty tag as "OTHER".
            List<String> cells = new ArrayList<>(List.of(r.key().isEmpty() ? "OTHER" : r.key()));
            cells.addAll(lineCells(r, stake));
            table.row(cells);
        }
        return table.render();
    }

    private static String mixTagTable(List<ResultLine> rows, String stake) {
        List<String> headers = new ArrayList<>(List.of("Enter Tag", "Exit Reason"));
        headers.addAll(lineHeaders("Trades", stake));
        TextTable table = new TextTable("MIXED TAG STATS", headers, 2);
        for (ResultLine r : rows) {
            List<String> cells = new ArrayList<>(r.keyParts());
            if (cells.size() == 1) {
                cells.add(""); // the TOTAL row
            }
            cells.addAll(lineCells(r, stake));
            table.row(cells);
        }
        return table.render();
    }

    private static List<String> lineHeaders(String countHeader, String stake) {
        return List.of(countHeader, "Avg Profit %", "Tot Profit " + stake, "Tot Profit %", "Avg Duration",
                "Win  Draw  Loss  Win%");
    }

    private static List<String> lineCells(ResultLine r, String stake) {
        return List.of(Integer.toString(r.trades()), PyFormat.str(r.profitMeanPct()),
                PyFormat.fixed(r.profitTotalAbs(), PyFormat.decimalsPerCoin(stake)), PyFormat.str(r.profitTotalPct()),
                r.durationAvg(), PyFormat.winsDrawsLosses(r.wins(), r.draws(), r.losses()));
    }

    /** The SUMMARY METRICS table, or Freqtrade's "No trades made." line. */
    static String summary(BacktestReport report) {
        ReportSummary s = report.summary();
        String stake = s.stakeCurrency();
        if (s.totalTrades() == 0) {
            return "No trades made. Your starting balance was " + PyFormat.coin(s.startingBalance(), stake) + ".\n";
        }
        RiskRatios r = report.ratios();
        Drawdown d = report.drawdown();
        DailyStats days = report.dailyStats();
        TradingStats ts = report.tradingStats();
        TextTable t = new TextTable("SUMMARY METRICS", List.of("Metric", "Value"), 2);
        t.row(List.of("Backtesting from", PyFormat.date(s.backtestStart())));
        t.row(List.of("Backtesting to", PyFormat.date(s.backtestEnd())));
        t.row(List.of("Max open trades", Integer.toString(s.maxOpenTrades())));
        t.row(List.of("", ""));
        t.row(List.of("Total/Daily Avg Trades", s.totalTrades() + " / " + PyFormat.str(s.tradesPerDay())));
        t.row(List.of("Starting balance", PyFormat.coin(s.startingBalance(), stake)));
        t.row(List.of("Final balance", PyFormat.coin(s.finalBalance(), stake)));
        t.row(List.of("Absolute profit ", PyFormat.coin(s.profitTotalAbs(), stake)));
        t.row(List.of("Total profit %", PyFormat.percent(s.profitTotal())));
        t.row(List.of("CAGR %", r.cagr() == null ? "N/A" : PyFormat.percent(r.cagr())));
        t.row(List.of("Sortino", twoDecimals(r.sortino())));
        t.row(List.of("Sharpe", twoDecimals(r.sharpe())));
        t.row(List.of("Calmar", twoDecimals(r.calmar())));
        t.row(List.of("SQN", twoDecimals(r.sqn())));
        t.row(List.of("Profit factor", twoDecimals(r.profitFactor())));
        t.row(List.of("Expectancy (Ratio)", twoDecimals(r.expectancy()) + " (" + twoDecimals(r.expectancyRatio())
                + ")"));
        t.row(List.of("Avg. daily profit %", PyFormat.percent(s.profitTotal() / s.backtestDays())));
        t.row(List.of("Avg. stake amount", PyFormat.coin(s.avgStakeAmount(), stake)));
        t.row(List.of("Total trade volume", PyFormat.coin(s.totalVolume(), stake)));
        if (s.tradeCountShort() > 0) {
            t.row(List.of("", ""));
            t.row(List.of("Long / Short", s.tradeCountLong() + " / " + s.tradeCountShort()));
            t.row(List.of("Total profit Long %", PyFormat.percent(s.profitTotalLong())));
            t.row(List.of("Total profit Short %", PyFormat.percent(s.profitTotalShort())));
            t.row(List.of("Absolute profit Long", PyFormat.coin(s.profitTotalLongAbs(), stake)));
            t.row(List.of("Absolute profit Short", PyFormat.coin(s.profitTotalShortAbs(), stake)));
        }
        t.row(List.of("", ""));
        // Freqtrade picks the best pair by the sum of ratios but prints its total profit %.
        t.row(List.of("Best Pair", s.bestPair().key() + " " + PyFormat.percent(s.bestPair().profitTotal())));
        t.row(List.of("Worst Pair", s.worstPair().key() + " " + PyFormat.percent(s.worstPair().profitTotal())));
        t.row(List.of("Best trade", s.bestTrade().pair() + " " + PyFormat.percent(s.bestTrade().profitRatio())));
        t.row(List.of("Worst trade", s.worstTrade().pair() + " " + PyFormat.percent(s.worstTrade().profitRatio())));
        t.row(List.of("Best day", PyFormat.coin(days.bestDayAbs(), stake)));
        t.row(List.of("Worst day", PyFormat.coin(days.worstDayAbs(), stake)));
        t.row(List.of("Days win/draw/lose", days.winningDays() + " / " + days.drawDays() + " / "
                + days.losingDays()));
        t.row(List.of("Avg. Duration Winners", ts.winnerHoldingAvg()));
        t.row(List.of("Avg. Duration Loser", ts.loserHoldingAvg()));
        t.row(List.of("Max Consecutive Wins / Loss", ts.maxConsecutiveWins() + " / " + ts.maxConsecutiveLosses()));
        t.row(List.of("", ""));
        t.row(List.of("Min balance", PyFormat.coin(d.csumMin(), stake)));
        t.row(List.of("Max balance", PyFormat.coin(d.csumMax(), stake)));
        t.row(List.of("Max % of account underwater", PyFormat.percent(d.maxRelativeDrawdown())));
        t.row(List.of("Absolute Drawdown (Account)", PyFormat.percent(d.maxDrawdownAccount())));
        t.row(List.of("Absolute Drawdown", PyFormat.coin(d.maxDrawdownAbs(), stake)));
        t.row(List.of("Drawdown high", d.high() == null ? "N/A" : PyFormat.coin(d.high(), stake)));
        t.row(List.of("Drawdown low", d.low() == null ? "N/A" : PyFormat.coin(d.low(), stake)));
        t.row(List.of("Drawdown Start", d.start() == null ? "N/A" : PyFormat.date(d.start())));
        t.row(List.of("Drawdown End", d.end() == null ? "N/A" : PyFormat.date(d.end())));
        t.row(List.of("Drawdown duration", d.durationMinutes() == null ? "N/A"
                : PyMath.timedelta(d.durationMinutes())));
        t.row(List.of("Market change", s.marketChange() == null ? "N/A" : PyFormat.percent(s.marketChange())));
        return t.render();
    }

    private static String twoDecimals(Double value) {
        return value == null ? "N/A" : PyFormat.fixed(value, 2);
    }
}
