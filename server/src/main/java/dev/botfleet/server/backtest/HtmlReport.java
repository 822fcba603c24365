package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.BacktestResult;
import dev.botfleet.engine.backtest.BacktestTrade;
import dev.botfleet.engine.backtest.EquityCurve;
import dev.botfleet.engine.data.CandleSeries;

import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report: metrics, the price with entry/exit markers, the equity curve and the trades. Charts
 * are inline SVG; the file loads nothing from anywhere, so it opens offline and can be mailed as is.
 */
public final class HtmlReport {
    static final int PRICE_POINTS = 1500;
    static final int MAX_MARKERS = 1000;
    static final int MAX_TRADE_ROWS = 500;

    private HtmlReport() {
    }

    public static String render(BacktestReport report, CandleSeries candles, BacktestResult result) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backtest ")
                .append(Html.escape(report.strategy())).append(' ').append(Html.escape(report.symbol()))
                .append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}")
                .append("h2{font-size:16px;margin-top:28px}table{border-collapse:collapse;font-size:13px}")
                .append("td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}th{background:#f5f5f5}")
                .append("td.l,th.l{text-align:left}.win{color:#1a7f37}.loss{color:#cf222e}svg{width:100%;max-width:1000px}")
                .append("</style></head><body>");
        h.append("<h1>").append(Html.escape(report.strategy())).append(" on ").append(Html.escape(report.symbol()))
                .append(" (").append(Html.escape(report.timeframe())).append(", ").append(Html.escape(report.fillModel()))
                .append(" fill model)</h1>");
        h.append("<p>").append(report.candles()).append(" candles from ").append(report.from()).append(" to ")
                .append(report.to()).append(" · dataset ").append(Html.escape(report.dataset())).append(" · parameters ")
                .append(Html.escape(String.valueOf(report.params()))).append("</p>");
        if (report.stopReason() != null) {
            h.append("<p class=\"loss\">Stopped early: ").append(Html.escape(report.stopReason())).append("</p>");
        }
        metrics(h, report);
        openPosition(h, report.openPosition());
        h.append("<h2>Price and trades</h2>").append(priceChart(candles, result.trades(), report.openPosition()));
        h.append("<h2>Equity</h2>").append(equityChart(result.equity()));
        trades(h, report.trades());
        if (!report.warnings().isEmpty()) {
            h.append("<h2>Warnings</h2><ul>");
            for (String w : report.warnings()) h.append("<li>").append(Html.escape(w)).append("</li>");
            h.append("</ul>");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void metrics(StringBuilder h, BacktestReport r) {
        BacktestReport.MetricsView m = r.metrics();
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        rows.put("Starting equity", m.startingEquity());
        rows.put("Final equity", m.finalEquity());
        rows.put("Net profit", m.netProfit());
        rows.put("Total return", Html.percent(m.totalReturn()));
        rows.put("CAGR", Html.percent(m.cagr()));
        rows.put("Max drawdown", Html.percent(m.maxDrawdown()));
        rows.put("Sharpe", Html.ratio(m.sharpe()));
        rows.put("Sortino", Html.ratio(m.sortino()));
        rows.put("Calmar", Html.ratio(m.calmar()));
        rows.put("Win rate", Html.percent(m.winRate()));
        rows.put("Profit factor", Html.ratio(m.profitFactor()));
        rows.put("Expectancy (per trade)", m.expectancy() == null ? "n/a" : m.expectancy());
        rows.put("Exposure", Html.percent(m.exposure()));
        rows.put("Trades", String.valueOf(m.trades()));
        rows.put("Average duration", m.averageDuration() == null ? "n/a" : m.averageDuration());
        h.append("<h2>Metrics</h2><table id=\"metrics\">");
        rows.forEach((k, v) -> h.append("<tr><th class=\"l\">").append(k).append("</th><td>").append(Html.escape(v))
                .append("</td></tr>"));
        h.append("</table>");
    }

    /** Same fields as result.json's openPosition; it is no trade, but final equity and net profit include it. */
    private static void openPosition(StringBuilder h, BacktestReport.OpenPositionView p) {
        h.append("<h2>Open position at the end</h2>");
        if (p == null) {
            h.append("<p id=\"open-position\">None: flat after the last candle.</p>");
            return;
        }
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        rows.put("Quantity", p.quantity());
        rows.put("Entry price (average)", p.entryPrice());
        rows.put("Entry time", String.valueOf(p.entryTime()));
        rows.put("Last price", p.lastPrice());
        rows.put("Unrealized PnL", p.unrealizedPnl());
        h.append("<table id=\"open-position\">");
        rows.forEach((k, v) -> h.append("<tr><th class=\"l\">").append(k).append("</th><td>").append(Html.escape(v))
                .append("</td></tr>"));
        h.append("</table><p>Not a trade (the trades and the win rate count closed round trips only); final equity")
                .append(" and net profit include it at the last close: net profit = the trades' PnL + unrealized PnL.</p>");
    }

    private static String priceChart(CandleSeries s, List<BacktestTrade> trades,
                                     BacktestReport.OpenPositionView open) {
        int n = s.size();
        int step = Math.max(1, (n + PRICE_POINTS - 1) / PRICE_POINTS);
        int m = (n + step - 1) / step;
        long[] xs = new long[m];
        double[] ys = new double[m];
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int b = 0; b < m; b++) {
            int i = Math.min(n - 1, b * step);
            xs[b] = s.closeTime(i);
            ys[b] = s.close(i);
        }
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, s.low(i));
            hi = Math.max(hi, s.high(i));
        }
        Svg svg = new Svg(320, s.openTime(0), s.closeTime(n - 1), lo, hi, "price with trade markers");
        svg.line(xs, ys, "#0969da");
        int shown = 0;
        for (BacktestTrade t : trades) {
            if (shown++ >= MAX_MARKERS) break;
            if (t.entryPrice() != null) {
                svg.marker(t.entryTime().toEpochMilli(), t.entryPrice().doubleValue(), true, "#1a7f37",
                        "entry " + t.entryTime() + " at " + t.entryPrice().toPlainString());
            }
            if (t.exitPrice() != null) {
                svg.marker(t.exitTime().toEpochMilli(), t.exitPrice().doubleValue(), false, "#cf222e",
                        "exit " + t.exitTime() + " at " + t.exitPrice().toPlainString() + " (" + t.closeReason()
                                + ", pnl " + t.pnl().toPlainString() + ")");
            }
        }
        if (open != null) {
            svg.marker(open.entryTime().toEpochMilli(), Double.parseDouble(open.entryPrice()), true, "#bf8700",
                    "open since " + open.entryTime() + " at " + open.entryPrice() + " (unrealized pnl "
                            + open.unrealizedPnl() + ")");
        }
        return svg.end();
    }

    private static String equityChart(EquityCurve full) {
        EquityCurve c = full.downsample(PRICE_POINTS);
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double e : c.equity()) {
            lo = Math.min(lo, e);
            hi = Math.max(hi, e);
        }
        Svg svg = new Svg(220, c.time()[0], c.time()[c.size() - 1], lo, hi, "equity curve");
        svg.line(c.time(), c.equity(), "#8250df");
        return svg.end();
    }

    private static void trades(StringBuilder h, List<BacktestReport.TradeView> trades) {
        h.append("<h2>Trades (").append(trades.size()).append(")</h2>");
        if (trades.isEmpty()) {
            h.append("<p>No completed trades.</p>");
            return;
        }
        h.append("<table id=\"trades\"><tr><th>#</th><th class=\"l\">entry</th><th class=\"l\">exit</th><th>side</th>")
                .append("<th>quantity</th><th>entry price</th><th>exit price</th><th>fees</th><th>pnl</th>")
                .append("<th class=\"l\">reason</th></tr>");
        int row = 0;
        for (BacktestReport.TradeView t : trades) {
            if (row++ >= MAX_TRADE_ROWS) break;
            boolean win = !t.pnl().startsWith("-") && !t.pnl().equals("0");
            h.append("<tr><td>").append(row).append("</td><td class=\"l\">").append(t.entryTime())
                    .append("</td><td class=\"l\">").append(t.exitTime()).append("</td><td>").append(t.direction())
                    .append("</td><td>").append(t.quantity()).append("</td><td>").append(t.entryPrice())
                    .append("</td><td>").append(t.exitPrice()).append("</td><td>").append(t.fees())
                    .append("</td><td class=\"").append(win ? "win" : "loss").append("\">").append(t.pnl())
                    .append("</td><td class=\"l\">").append(Html.escape(t.closeReason())).append("</td></tr>");
        }
        h.append("</table>");
        if (trades.size() > MAX_TRADE_ROWS) {
            h.append("<p>First ").append(MAX_TRADE_ROWS).append(" trades shown; result.json lists all.</p>");
        }
    }
}
