package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.freqtrade.protections.Lock;
import dev.botfleet.engine.backtest.report.BacktestReport;
import dev.botfleet.engine.backtest.report.Period;
import dev.botfleet.engine.backtest.report.PeriodStats;
import dev.botfleet.engine.backtest.report.ReportSummary;
import dev.botfleet.engine.backtest.report.ReportTrade;
import dev.botfleet.engine.backtest.report.ResultLine;
import dev.botfleet.server.backtest.portfolio.EquityCurve;
import dev.botfleet.server.backtest.portfolio.PortfolioRunResult;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML report of a config-driven multi-pair run: summary metrics, Freqtrade's per pair / exit reason / enter tag
 * tables, the day / week / month breakdowns, equity and drawdown charts, per-pair profit bars, the locks and the
 * trades. Self-contained like {@link HtmlReport}: inline SVG, nothing loaded from anywhere.
 */
final class PortfolioHtmlReport {
    static final int MAX_TRADE_ROWS = 500;
    static final int CHART_POINTS = 1500;

    private PortfolioHtmlReport() {
    }

    static String render(PortfolioRunResult run) {
        BacktestReport r = run.report();
        ReportSummary s = r.summary();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backtest ")
                .append(Html.escape(run.strategy())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}")
                .append("h2{font-size:16px;margin-top:28px}table{border-collapse:collapse;font-size:13px}")
                .append("td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}th{background:#f5f5f5}")
                .append("td.l,th.l{text-align:left}.win{color:#1a7f37}.loss{color:#cf222e}svg{width:100%;max-width:1000px}")
                .append("</style></head><body>");
        h.append("<h1>").append(Html.escape(run.strategy())).append(" on ").append(s.pairlist().size())
                .append(" pair(s) (").append(Html.escape(run.timeframe())).append(", Freqtrade model)</h1>");
        h.append("<p>").append(date(s.backtestStart())).append(" to ").append(date(s.backtestEnd())).append(" · ")
                .append(Html.escape(String.join(", ", s.pairlist()))).append("</p>");
        summary(h, r, run);
        h.append("<h2>Equity (wallet + open trades at the close)</h2>").append(chart(run.equity().time(),
                run.equity().equity(), "#0969da", "equity"));
        h.append("<h2>Drawdown from the peak (").append(Html.escape(s.stakeCurrency())).append(")</h2>")
                .append(chart(run.equity().time(), run.equity().drawdownAbs(), "#cf222e", "drawdown"));
        h.append("<h2>Profit per pair</h2>").append(bars(r.tables().perPair()));
        table(h, "Results per pair", "per-pair", "Pair", r.tables().perPair());
        table(h, "Exit reasons", "per-exit-reason", "Exit reason", r.tables().perExitReason());
        table(h, "Enter tags", "per-enter-tag", "Enter tag", r.tables().perEnterTag());
        for (Period p : Period.values()) periods(h, p, r.breakdown(p));
        locks(h, run.locks());
        trades(h, run.trades());
        list(h, "Notes", run.notes());
        list(h, "Warnings", run.warnings());
        return h.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder h, BacktestReport r, PortfolioRunResult run) {
        ReportSummary s = r.summary();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Starting balance", Html.number(s.startingBalance()) + " " + s.stakeCurrency());
        rows.put("Final balance", Html.number(s.finalBalance()) + " " + s.stakeCurrency());
        rows.put("Absolute profit", Html.number(s.profitTotalAbs()) + " " + s.stakeCurrency());
        rows.put("Total profit", Html.percent(s.profitTotal()));
        rows.put("Trades", s.totalTrades() + " (" + s.tradesPerDay() + " per day)");
        rows.put("Max open trades", String.valueOf(s.maxOpenTrades()));
        rows.put("CAGR", Html.percent(r.ratios().cagr()));
        rows.put("Sharpe", Html.ratio(r.ratios().sharpe()));
        rows.put("Sortino", Html.ratio(r.ratios().sortino()));
        rows.put("Calmar", Html.ratio(r.ratios().calmar()));
        rows.put("Profit factor", Html.ratio(r.ratios().profitFactor()));
        rows.put("Expectancy", Html.ratio(r.ratios().expectancy()));
        rows.put("Max drawdown (account)", Html.percent(r.drawdown().maxDrawdownAccount()));
        rows.put("Max drawdown (absolute)", Html.number(r.drawdown().maxDrawdownAbs()) + " " + s.stakeCurrency());
        rows.put("Market change", Html.percent(s.marketChange()));
        rows.put("Rejected entry signals", String.valueOf(run.result().rejectedSignals()));
        rows.put("Pair locks", String.valueOf(run.locks().size()));
        h.append("<h2>Summary</h2><table id=\"summary\">");
        rows.forEach((k, v) -> h.append("<tr><th class=\"l\">").append(k).append("</th><td>").append(Html.escape(v))
                .append("</td></tr>"));
        h.append("</table>");
    }

    private static void table(StringBuilder h, String title, String id, String keyName, List<ResultLine> lines) {
        h.append("<h2>").append(title).append("</h2><table id=\"").append(id).append("\"><tr><th class=\"l\">")
                .append(keyName).append("</th><th>Trades</th><th>Avg profit %</th><th>Tot profit</th>")
                .append("<th>Tot profit %</th><th>Avg duration</th><th>Win</th><th>Draw</th><th>Loss</th>")
                .append("<th>Win %</th></tr>");
        for (ResultLine l : lines) {
            h.append("<tr><td class=\"l\">").append(Html.escape(l.key())).append("</td><td>").append(l.trades())
                    .append("</td><td>").append(fixed(l.profitMeanPct())).append("</td><td class=\"")
                    .append(l.profitTotalAbs() >= 0 ? "win" : "loss").append("\">").append(Html.number(l.profitTotalAbs()))
                    .append("</td><td>").append(fixed(l.profitTotalPct())).append("</td><td>")
                    .append(Html.escape(l.durationAvg())).append("</td><td>").append(l.wins()).append("</td><td>")
                    .append(l.draws()).append("</td><td>").append(l.losses()).append("</td><td>")
                    .append(fixed(l.winrate() * 100)).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void periods(StringBuilder h, Period p, List<PeriodStats> rows) {
        String name = p.name().toLowerCase(Locale.ROOT);
        h.append("<h2>Per ").append(name).append("</h2><table id=\"per-").append(name)
                .append("\"><tr><th class=\"l\">Date</th><th>Profit</th><th>Trades</th><th>Win</th><th>Draw</th>")
                .append("<th>Loss</th></tr>");
        for (PeriodStats r : rows) {
            h.append("<tr><td class=\"l\">").append(Html.escape(r.date())).append("</td><td class=\"")
                    .append(r.profitAbs() >= 0 ? "win" : "loss").append("\">").append(Html.number(r.profitAbs()))
                    .append("</td><td>").append(r.trades()).append("</td><td>").append(r.wins()).append("</td><td>")
                    .append(r.draws()).append("</td><td>").append(r.losses()).append("</td></tr>");
        }
        h.append("</table>");
    }

    /** Horizontal bars of each pair's absolute profit (the TOTAL row left out), green above zero, red below. */
    private static String bars(List<ResultLine> perPair) {
        List<ResultLine> pairs = perPair.subList(0, Math.max(0, perPair.size() - 1));
        double max = pairs.stream().mapToDouble(l -> Math.abs(l.profitTotalAbs())).max().orElse(0);
        int row = 20;
        int height = Math.max(row, pairs.size() * row);
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"pair-bars\" viewBox=\"0 0 1000 ")
                .append(height).append("\" role=\"img\" aria-label=\"profit per pair\">");
        for (int i = 0; i < pairs.size(); i++) {
            ResultLine l = pairs.get(i);
            double w = max == 0 ? 0 : Math.abs(l.profitTotalAbs()) / max * 400;
            double x = l.profitTotalAbs() >= 0 ? 550 : 550 - w;
            b.append(String.format(Locale.ROOT, "<text x=\"140\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>"
                            + "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                    i * row + 14, Html.escape(l.key()), x, i * row + 3, w, row - 6,
                    l.profitTotalAbs() >= 0 ? "#1a7f37" : "#cf222e", Html.escape(Html.number(l.profitTotalAbs()))));
        }
        return b.append("<line x1=\"550\" x2=\"550\" y1=\"0\" y2=\"").append(height)
                .append("\" stroke=\"#999\"/></svg>").toString();
    }

    private static String chart(long[] time, double[] value, String color, String label) {
        if (time.length == 0) return "<p>No candles.</p>";
        int step = Math.max(1, time.length / CHART_POINTS);
        int n = (time.length + step - 1) / step;
        long[] xs = new long[n];
        double[] ys = new double[n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0, k = 0; i < time.length; i += step, k++) {
            xs[k] = time[i];
            ys[k] = value[i];
            min = Math.min(min, value[i]);
            max = Math.max(max, value[i]);
        }
        Svg svg = new Svg(220, xs[0], xs[n - 1], min, max, label);
        svg.line(xs, ys, color);
        return svg.end();
    }

    private static void locks(StringBuilder h, List<Lock> locks) {
        if (locks.isEmpty()) return;
        h.append("<h2>Pair locks (protections)</h2><table id=\"locks\"><tr><th class=\"l\">Pair</th>")
                .append("<th class=\"l\">From</th><th class=\"l\">Until</th><th class=\"l\">Side</th>")
                .append("<th class=\"l\">Reason</th></tr>");
        for (Lock l : locks) {
            h.append("<tr><td class=\"l\">").append(Html.escape(l.pair())).append("</td><td class=\"l\">")
                    .append(date(l.from())).append("</td><td class=\"l\">").append(date(l.until()))
                    .append("</td><td class=\"l\">").append(Html.escape(l.side())).append("</td><td class=\"l\">")
                    .append(Html.escape(l.reason())).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void trades(StringBuilder h, List<ReportTrade> trades) {
        // Futures trades (a liquidation price or funding booked) also show both, as Freqtrade's trade view does.
        boolean futures = trades.stream().anyMatch(t -> t.liquidationPrice() != null || t.fundingFees() != 0);
        h.append("<h2>Trades</h2><table id=\"trades\"><tr><th class=\"l\">Pair</th><th class=\"l\">Open</th>")
                .append("<th class=\"l\">Close</th><th>Open rate</th><th>Close rate</th><th>Stake</th>")
                .append("<th>Profit %</th><th>Profit</th>")
                .append(futures ? "<th>Funding fees</th><th>Liquidation price</th>" : "")
                .append("<th class=\"l\">Exit reason</th></tr>");
        int shown = Math.min(trades.size(), MAX_TRADE_ROWS);
        for (ReportTrade t : trades.subList(0, shown)) {
            h.append("<tr><td class=\"l\">").append(Html.escape(t.pair())).append("</td><td class=\"l\">")
                    .append(date(t.openTime())).append("</td><td class=\"l\">").append(date(t.closeTime()))
                    .append("</td><td>").append(Html.number(t.openRate())).append("</td><td>")
                    .append(Html.number(t.closeRate())).append("</td><td>").append(Html.number(t.stakeAmount()))
                    .append("</td><td>").append(fixed(t.profitRatio() * 100)).append("</td><td class=\"")
                    .append(t.profitAbs() >= 0 ? "win" : "loss").append("\">").append(Html.number(t.profitAbs()));
            if (futures) {
                h.append("</td><td>").append(Html.number(t.fundingFees())).append("</td><td>")
                        .append(t.liquidationPrice() == null ? "" : Html.number(t.liquidationPrice()));
            }
            h.append("</td><td class=\"l\">").append(Html.escape(t.exitReason())).append("</td></tr>");
        }
        h.append("</table>");
        if (shown < trades.size()) {
            h.append("<p>First ").append(shown).append(" of ").append(trades.size())
                    .append(" trades; result.json lists them all.</p>");
        }
    }

    private static void list(StringBuilder h, String title, List<String> items) {
        if (items.isEmpty()) return;
        h.append("<h2>").append(title).append("</h2><ul>");
        for (String i : items) h.append("<li>").append(Html.escape(i)).append("</li>");
        h.append("</ul>");
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String date(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString().replace('T', ' ').replace("Z", "");
    }
}
