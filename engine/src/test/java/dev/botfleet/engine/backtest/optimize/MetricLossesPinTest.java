package dev.botfleet.engine.backtest.optimize;

import dev.botfleet.engine.backtest.report.BacktestReport;
import dev.botfleet.engine.backtest.report.FreqtradeReport;
import dev.botfleet.engine.backtest.report.ReportInput;
import dev.botfleet.engine.backtest.report.ReportTrade;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.botfleet.engine.backtest.optimize.FreqtradeLoss.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The losses on the 40 trades of the report's pandas cross-check (report/PandasCrossCheckTest: the same generator,
 * wallet 1000, 2024-01-20 .. 2024-02-19), bit for bit. Forty trades make pandas' pairwise sums differ from a
 * left-to-right sum, so these pin which arithmetic each loss uses.
 *
 * <p>Sharpe, Sortino and Calmar come from the report's implementation and equal minus the report's ratios, which
 * PandasCrossCheckTest pins to Freqtrade's own output. Before the two were merged the losses summed left to right
 * and were 2 ulps off Freqtrade's (Sharpe −0x1.b3cc4858e9b65p1, Sortino −0x1.09f3c863e26fep3, Calmar
 * −0x1.1672416f81e24p8); every other loss is unchanged by the merge (values pinned before it).
 */
class MetricLossesPinTest {
    static final long START = 1_705_708_800_000L;  // 2024-01-20T00:00Z
    static final long END = 1_708_300_800_000L;    // 2024-02-19T00:00Z

    private static final List<TrialTrade> TRADES = new ArrayList<>();
    private static final List<ReportTrade> REPORT_TRADES = new ArrayList<>();

    static {
        for (int i = 0; i < 40; i++) {
            long close = START + (i * 17L + (i * i) % 5) * 3_600_000L;
            int minutes = 5 + (i * 37) % 400;
            double stake = 50.0 + (i % 4) * 25;
            double profitAbs = ((i * 7919) % 201 - 100) / 7.0;
            long open = close - minutes * 60_000L;
            TRADES.add(new TrialTrade("P" + i % 3, open, close, profitAbs / stake, profitAbs));
            REPORT_TRADES.add(new ReportTrade("P" + i % 3, open, close, 1, 1, 1, stake, stake, 0, 0,
                    profitAbs / stake, profitAbs, "roi", null, false, 1, 1, 1));
        }
    }

    private static final TrialOutcome FORTY = new TrialOutcome(TRADES, 1000, START, END);

    private static double hex(String pythonFloatHex) {
        return Double.parseDouble(pythonFloatHex);
    }

    @Test
    void theRatioLossesAreMinusTheReportsRatiosWhichAreFreqtrades() {
        BacktestReport report = FreqtradeReport.compute(new ReportInput(REPORT_TRADES, 1000, "USDT", START, END, 2,
                Map.of("P0", new double[]{1, 1}, "P1", new double[]{1, 1}, "P2", new double[]{1, 1}), ZoneOffset.UTC));
        assertThat(SharpeHyperOptLoss.loss(FORTY)).isEqualTo(-report.ratios().sharpe())
                .isEqualTo(-hex("0x1.b3cc4858e9b67p+1"));
        assertThat(SortinoHyperOptLoss.loss(FORTY)).isEqualTo(-report.ratios().sortino())
                .isEqualTo(-hex("0x1.09f3c863e2700p+3"));
        assertThat(CalmarHyperOptLoss.loss(FORTY)).isEqualTo(-report.ratios().calmar())
                .isEqualTo(-hex("0x1.1672416f81e22p+8"));
    }

    @Test
    void theOtherLossesGiveTheNumbersTheyGaveBeforeTheMerge() {
        assertThat(ShortTradeDurHyperOptLoss.loss(FORTY)).isEqualTo(hex("0x1.f8ac107be4168p0"));
        assertThat(OnlyProfitHyperOptLoss.loss(FORTY)).isEqualTo(hex("-0x1.636db6db6db7p5"));
        assertThat(SharpeHyperOptLossDaily.loss(FORTY)).isEqualTo(hex("-0x1.cb21e105f432ep0"));
        assertThat(SortinoHyperOptLossDaily.loss(FORTY)).isEqualTo(hex("-0x1.4df06bcf3a8a9p1"));
        assertThat(MaxDrawDownHyperOptLoss.loss(FORTY)).isEqualTo(hex("-0x1.0962fc962fc97p2"));
        assertThat(MaxDrawDownRelativeHyperOptLoss.loss(FORTY)).isEqualTo(hex("-0x1.981658908b126p8"));
        assertThat(ProfitDrawDownHyperOptLoss.loss(FORTY)).isEqualTo(hex("-0x1.60167d67fa03ep5"));
        assertThat(MultiMetricHyperOptLoss.loss(FORTY)).isEqualTo(hex("-0x1.aa216e3789068p3"));
    }
}
