package dev.botfleet.engine.backtest.report;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.botfleet.engine.backtest.report.ReportFixtures.ms;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bit-for-bit agreement with Freqtrade 2024.10's own report functions. The expected values below were printed
 * (as {@code float.hex}) by running Freqtrade's {@code generate_strategy_stats} and {@code calculate_market_change}
 * (optimize_reports.py / metrics.py at c9ae5e1e) under pandas 1.5.3, numpy 1.24.2 and bottleneck 1.3.5 (Freqtrade
 * requires bottleneck; pandas hands it the standard deviations) on the same 40 generated
 * trades; SQN is √n × mean / std(ddof 1) computed with pandas. Forty trades make numpy's pairwise summation (which
 * differs from a left-to-right sum from 9 values on) matter in the totals and means.
 */
class PandasCrossCheckTest {

    private static final String[] PAIRS = {"BTC/USDT", "ETH/USDT", "XRP/USDT"};
    private static final String[] TAGS = {null, "a", "b", ""};
    private static final String[] EXITS = {"roi", "stop_loss", "exit_signal", "force_exit", "trailing_stop_loss"};
    private static final long START = ms("2024-01-20T00:00:00Z");
    private static final long END = ms("2024-02-19T00:00:00Z");

    /** The generator the Python run used, integer arithmetic then one division, so the doubles are identical. */
    private static List<ReportTrade> trades() {
        List<ReportTrade> trades = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long close = START + (i * 17L + (i * i) % 5) * 3_600_000L;
            int minutes = 5 + (i * 37) % 400;
            double stake = 50.0 + (i % 4) * 25;
            double profitAbs = ((i * 7919) % 201 - 100) / 7.0;
            trades.add(new ReportTrade(PAIRS[i % 3], close - minutes * 60_000L, close, 1, 1, 1, stake, stake, 0, 0,
                    profitAbs / stake, profitAbs, EXITS[i % 5], TAGS[i % 4], i % 6 == 5, 1, 1, 1));
        }
        return trades;
    }

    private static final BacktestReport REPORT = compute();

    private static BacktestReport compute() {
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("BTC/USDT", new double[]{100, 130});
        closes.put("ETH/USDT", new double[]{50, Double.NaN, 45});
        closes.put("XRP/USDT", new double[]{0.5, 0.55, 0.6});
        return FreqtradeReport.compute(new ReportInput(trades(), 1000, "USDT", START, END, 2, closes, ZoneOffset.UTC));
    }

    private static double hex(String pythonFloatHex) {
        return Double.parseDouble(pythonFloatHex);
    }

    @Test
    void summaryAndRatios() {
        ReportSummary s = REPORT.summary();
        assertThat(s.finalBalance()).isEqualTo(hex("0x1.051b6db6db6dcp+10"));
        assertThat(s.profitTotalAbs()).isEqualTo(hex("0x1.636db6db6db6dp+5"));
        assertThat(s.profitTotal()).isEqualTo(hex("0x1.6bf577a9661b7p-5"));
        assertThat(s.profitMean()).isEqualTo(hex("0x1.33b50610e420bp-7"));
        assertThat(s.profitMedian()).isEqualTo(hex("0x1.0624dd2f1a9fcp-6"));
        assertThat(s.totalVolume()).isEqualTo(3500.0);
        assertThat(s.avgStakeAmount()).isEqualTo(87.5);
        assertThat(s.tradesPerDay()).isEqualTo(1.33);
        assertThat(s.marketChange()).isEqualTo(hex("0x1.1111111111110p-3"));
        assertThat(s.profitTotalLongAbs()).isEqualTo(hex("0x1.624924924924ap+4"));
        assertThat(s.profitTotalShortAbs()).isEqualTo(hex("0x1.6492492492492p+4"));
        assertThat(s.bestPair().key()).isEqualTo("XRP/USDT");
        assertThat(s.worstPair().key()).isEqualTo("BTC/USDT");

        RiskRatios r = REPORT.ratios();
        assertThat(r.sharpe()).isEqualTo(hex("0x1.b3cc4858e9b67p+1"));
        assertThat(r.sortino()).isEqualTo(hex("0x1.09f3c863e2700p+3"));
        assertThat(r.calmar()).isEqualTo(hex("0x1.1672416f81e22p+8"));
        assertThat(r.expectancy()).isEqualTo(hex("0x1.1c57c57c57c58p+0"));
        assertThat(r.expectancyRatio()).isEqualTo(hex("0x1.3ac2cc52df600p-3"));
        assertThat(r.profitFactor()).isEqualTo(hex("0x1.5c93a581c93a7p+0"));
        assertThat(r.sqn()).isEqualTo(hex("0x1.ab5bc61b6f38dp-1"));
        assertThat(r.cagr()).isEqualTo(hex("0x1.64e212292343ap-1"));
    }

    @Test
    void drawdownAndDays() {
        Drawdown d = REPORT.drawdown();
        assertThat(d.maxDrawdownAccount()).isEqualTo(hex("0x1.4cf688077de02p-7"));
        assertThat(d.maxRelativeDrawdown()).isEqualTo(hex("0x1.4cf688077de02p-7"));
        assertThat(d.maxDrawdownAbs()).isEqualTo(hex("0x1.56db6db6db6dcp+3"));
        assertThat(d.high()).isEqualTo(hex("0x1.b36db6db6db70p+5"));
        assertThat(d.low()).isEqualTo(hex("0x1.5db6db6db6db9p+5"));
        assertThat(d.start()).isEqualTo(1707987600000L);
        assertThat(d.end()).isEqualTo(1708048800000L);
        assertThat(d.csumMin()).isEqualTo(hex("0x1.eb5b6db6db6dbp+9"));
        assertThat(d.csumMax()).isEqualTo(hex("0x1.079b6db6db6dcp+10"));

        DailyStats days = REPORT.dailyStats();
        assertThat(days.bestDay()).isEqualTo(hex("0x1.b2f4c8e627fc2p-3"));
        assertThat(days.worstDay()).isEqualTo(hex("-0x1.4b94b94b94b96p-2"));
        assertThat(days.bestDayAbs()).isEqualTo(hex("0x1.d249249245375p+3"));
        assertThat(days.worstDayAbs()).isEqualTo(hex("-0x1.124924924c168p+4"));
        assertThat(List.of(days.winningDays(), days.drawDays(), days.losingDays())).containsExactly(15, 0, 13);

        TradingStats t = REPORT.tradingStats();
        assertThat(List.of(t.wins(), t.losses(), t.draws())).containsExactly(23, 17, 0);
        assertThat(List.of(t.maxConsecutiveWins(), t.maxConsecutiveLosses())).containsExactly(2, 2);
        // holding_avg_s 11160, winners 12060, losers 9960 seconds
        assertThat(List.of(t.holdingAvgMinutes(), t.winnerHoldingAvgMinutes(), t.loserHoldingAvgMinutes()))
                .containsExactly(186L, 201L, 166L);
    }

    @Test
    void tables() {
        ResultTables t = REPORT.tables();
        assertThat(t.perPair()).extracting(ResultLine::key).containsExactly("XRP/USDT", "ETH/USDT", "BTC/USDT",
                "TOTAL");
        ResultLine btc = t.perPair().get(2);
        assertThat(btc.profitMean()).isEqualTo(hex("-0x1.243cb00b5e557p-6"));
        assertThat(btc.profitSum()).isEqualTo(hex("-0x1.ff6a3413e5158p-3"));
        assertThat(btc.profitTotalAbs()).isEqualTo(hex("-0x1.1b6db6db6db70p+3"));
        assertThat(List.of(btc.profitMeanPct(), btc.profitSumPct(), btc.profitTotalPct()))
                .containsExactly(-1.78, -24.97, -0.89);
        assertThat(btc.durationAvg()).isEqualTo("3:04:00");
        ResultLine total = t.total();
        assertThat(total.profitSum()).isEqualTo(hex("0x1.80a247951d28ep-2"));
        assertThat(List.of(total.profitMeanPct(), total.profitSumPct(), total.profitTotalPct()))
                .containsExactly(0.94, 37.56, 4.44);
        assertThat(total.durationAvg()).isEqualTo("3:06:00");

        // Tags: None is left out; "" is a tag of its own (printed "OTHER" in the text report).
        assertThat(t.perEnterTag()).extracting(ResultLine::key).containsExactly("a", "b", "", "TOTAL");
        assertThat(t.perEnterTag().get(2).profitTotalAbs()).isEqualTo(hex("0x1.16db6db6db6dcp+4"));
        assertThat(t.perExitReason()).extracting(ResultLine::key).containsExactly("roi", "exit_signal",
                "trailing_stop_loss", "stop_loss", "force_exit", "TOTAL");
        assertThat(t.perExitReason().get(0).profitMean()).isEqualTo(hex("0x1.a198d1df0975bp-4"));
        assertThat(t.perMixTag()).hasSize(16);
        assertThat(t.perMixTag().get(0).keyParts()).containsExactly("a", "roi");
        assertThat(t.perMixTag().get(2).keyParts()).containsExactly("", "roi");
        assertThat(t.perMixTag().get(14).keyParts()).containsExactly("b", "force_exit");
        assertThat(t.leftOpen()).extracting(ResultLine::key).containsExactly("ETH/USDT", "BTC/USDT", "XRP/USDT",
                "TOTAL");
        assertThat(t.leftOpen().get(1).profitSum()).isEqualTo(hex("-0x1.37c89b42060bep-2"));
    }

    @Test
    void breakdowns() {
        List<PeriodStats> days = REPORT.breakdown(Period.DAY);
        assertThat(days).hasSize(28);
        assertThat(days.get(0).date()).isEqualTo("20/01/2024");
        assertThat(days).extracting(PeriodStats::profitAbs).startsWith(hex("-0x1.124924924c168p+4"),
                hex("0x1.1249249245375p+3"), hex("-0x1.8000000000000p+2"), hex("0x1.c4924924982d1p+3"),
                hex("-0x1.9249249260b43p+1"), hex("-0x1.6db6db6dd6459p-1"));
        List<PeriodStats> weeks = REPORT.breakdown(Period.WEEK);
        assertThat(weeks).extracting(PeriodStats::date).containsExactly("22/01/2024", "29/01/2024", "05/02/2024",
                "12/02/2024", "19/02/2024");
        assertThat(weeks).extracting(PeriodStats::profitAbs).containsExactly(hex("-0x1.d249249245375p+3"),
                hex("0x1.8000000000000p+4"), hex("0x1.0b6db6db6eb23p+4"), hex("0x1.a4924924982d1p+3"),
                hex("0x1.49249249305a1p+2"));
        assertThat(weeks).extracting(PeriodStats::wins).containsExactly(2, 6, 5, 6, 4);
        assertThat(weeks).extracting(PeriodStats::losses).containsExactly(3, 4, 4, 4, 2);
        List<PeriodStats> months = REPORT.breakdown(Period.MONTH);
        assertThat(months).extracting(PeriodStats::date).containsExactly("31/01/2024", "29/02/2024");
        assertThat(months).extracting(PeriodStats::profitAbs).containsExactly(hex("0x1.34924924914ddp+4"),
                hex("0x1.924924924c168p+4"));
    }
}
