package dev.botfleet.engine.backtest.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-worked portfolio the report tests share: 1000 USDT, two pairs, five trades, 2024-01-01 to 2024-01-11 UTC
 * (10 days). Ratios are exact binary fractions so sums of ratios are exact too.
 * <pre>
 *  #  pair       open (UTC)         close (UTC)        min  stake  profit_abs  profit_ratio  enter_tag  exit_reason
 *  1  BTC/USDT   01-01 10:00        01-01 12:00        120    80      +20         +0.25        a          roi
 *  2  ETH/USDT   01-02 05:00        01-02 06:00         60    80      -10         -0.125       b          stop_loss
 *  3  BTC/USDT   01-02 13:00        01-02 18:00        300    80      -30         -0.375       a          stop_loss
 *  4  ETH/USDT   01-04 08:30        01-04 09:00         30   100      +50         +0.5         (none)     exit_signal
 *  5  BTC/USDT   01-08 22:00        01-08 23:30         90   100        0          0           b          force_exit
 * </pre>
 * Closes for the market change: BTC 100 → 120 (+20%), ETH 200 → 150 (−25%, a NaN in between is skipped).
 */
final class ReportFixtures {

    static final long START = ms("2024-01-01T00:00:00Z");
    static final long END = ms("2024-01-11T00:00:00Z");
    static final String BTC = "BTC/USDT";
    static final String ETH = "ETH/USDT";

    private ReportFixtures() {
    }

    static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    static ReportTrade trade(String pair, String open, String close, double stake, double profitAbs, double ratio,
                             String tag, String exit) {
        return new ReportTrade(pair, ms(open), ms(close), 10.0, 10.0 * (1 + ratio), stake / 10.0, stake, stake,
                0.001, 0.001, ratio, profitAbs, exit, tag, false, 1.0, 9.5, 12.0);
    }

    static List<ReportTrade> portfolio() {
        return List.of(
                trade(BTC, "2024-01-01T10:00:00Z", "2024-01-01T12:00:00Z", 80, 20, 0.25, "a", "roi"),
                trade(ETH, "2024-01-02T05:00:00Z", "2024-01-02T06:00:00Z", 80, -10, -0.125, "b", "stop_loss"),
                trade(BTC, "2024-01-02T13:00:00Z", "2024-01-02T18:00:00Z", 80, -30, -0.375, "a", "stop_loss"),
                trade(ETH, "2024-01-04T08:30:00Z", "2024-01-04T09:00:00Z", 100, 50, 0.5, null, "exit_signal"),
                trade(BTC, "2024-01-08T22:00:00Z", "2024-01-08T23:30:00Z", 100, 0, 0.0, "b", "force_exit"));
    }

    static Map<String, double[]> closes() {
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put(BTC, new double[]{100, 110, 120});
        closes.put(ETH, new double[]{200, Double.NaN, 150});
        return closes;
    }

    static ReportInput input(List<ReportTrade> trades) {
        return input(trades, ZoneOffset.UTC);
    }

    static ReportInput input(List<ReportTrade> trades, ZoneId zone) {
        return new ReportInput(trades, 1000, "USDT", START, END, 3, closes(), zone);
    }

    static BacktestReport report() {
        return FreqtradeReport.compute(input(portfolio()));
    }
}
