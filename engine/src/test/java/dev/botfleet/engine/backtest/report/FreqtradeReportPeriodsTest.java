package dev.botfleet.engine.backtest.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static dev.botfleet.engine.backtest.report.ReportFixtures.ms;
import static org.assertj.core.api.Assertions.assertThat;

/** Day / week / month breakdowns and daily statistics of the {@link ReportFixtures} portfolio, in UTC and Tokyo. */
class FreqtradeReportPeriodsTest {

    private final BacktestReport utc = ReportFixtures.report();

    @Test
    void dailyBreakdownListsEveryDayFromFirstToLastClose() {
        // Closes: 01-01 (+20), 01-02 (−10, −30), 01-04 (+50), 01-08 (0); 01-03 and 01-05..07 are empty buckets.
        List<PeriodStats> days = utc.breakdown(Period.DAY);
        assertThat(days).extracting(PeriodStats::date).containsExactly("01/01/2024", "02/01/2024", "03/01/2024",
                "04/01/2024", "05/01/2024", "06/01/2024", "07/01/2024", "08/01/2024");
        assertThat(days).extracting(PeriodStats::profitAbs).containsExactly(20.0, -40.0, 0.0, 50.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(days.get(1).losses()).isEqualTo(2);
        assertThat(days.get(1).winrate()).isZero();
        assertThat(days.get(2).trades()).isZero();
        assertThat(days.get(7).draws()).isEqualTo(1);
        assertThat(days.get(0).dateTs()).isEqualTo(ms("2024-01-01T00:00:00Z"));
    }

    @Test
    void weeksEndOnMonday() {
        // pandas "1W-MON": a week runs Tuesday..Monday and is labelled by its Monday. 2024-01-01 is a Monday, so
        // trade 1 (Mon 01-01) is alone in week "01/01/2024"; trades 2..5 (Tue 01-02 .. Mon 01-08 23:30) fall in
        // "08/01/2024": −10 − 30 + 50 + 0 = 10, one win, one draw, two losses.
        List<PeriodStats> weeks = utc.breakdown(Period.WEEK);
        assertThat(weeks).extracting(PeriodStats::date).containsExactly("01/01/2024", "08/01/2024");
        assertThat(weeks).extracting(PeriodStats::profitAbs).containsExactly(20.0, 10.0);
        PeriodStats second = weeks.get(1);
        assertThat(List.of(second.wins(), second.draws(), second.losses())).containsExactly(1, 1, 2);
        assertThat(second.winrate()).isEqualTo(0.25);
        assertThat(second.dateTs()).isEqualTo(ms("2024-01-08T00:00:00Z"));
    }

    @Test
    void monthIsLabelledByItsLastDay() {
        List<PeriodStats> months = utc.breakdown(Period.MONTH);
        assertThat(months).extracting(PeriodStats::date).containsExactly("31/01/2024");
        assertThat(months.get(0).profitAbs()).isEqualTo(30.0);
        assertThat(months.get(0).winrate()).isEqualTo(0.4); // 2 wins of 5
        assertThat(months.get(0).label()).isEqualTo(LocalDate.of(2024, 1, 31));
    }

    @Test
    void monthsBetweenAreListedEmpty() {
        // One trade closing in January and one in March: February is an empty bucket (label 29/02/2024, leap year).
        var trades = List.of(
                ReportFixtures.trade("BTC/USDT", "2024-01-10T00:00:00Z", "2024-01-10T01:00:00Z", 100, 5, 0.05, null,
                        "roi"),
                ReportFixtures.trade("BTC/USDT", "2024-03-10T00:00:00Z", "2024-03-10T01:00:00Z", 100, -5, -0.05, null,
                        "roi"));
        ReportInput in = new ReportInput(trades, 1000, "USDT", ms("2024-01-01T00:00:00Z"),
                ms("2024-04-01T00:00:00Z"), 1, ReportFixtures.closes(), java.time.ZoneOffset.UTC);
        assertThat(FreqtradeReport.compute(in).breakdown(Period.MONTH)).extracting(PeriodStats::date)
                .containsExactly("31/01/2024", "29/02/2024", "31/03/2024");
    }

    @Test
    void dailyStats() {
        // Day sums of profit_abs: +20, −40, 0, +50, 0, 0, 0, 0; of profit_ratio: 0.25, −0.5, 0, 0.5, 0, 0, 0, 0.
        // Empty days count as draw days, as in Freqtrade: 2 winning, 5 draw, 1 losing.
        DailyStats d = utc.dailyStats();
        assertThat(d.bestDayAbs()).isEqualTo(50.0);
        assertThat(d.worstDayAbs()).isEqualTo(-40.0);
        assertThat(d.bestDay()).isEqualTo(0.5);
        assertThat(d.worstDay()).isEqualTo(-0.5);
        assertThat(List.of(d.winningDays(), d.drawDays(), d.losingDays())).containsExactly(2, 5, 1);
        assertThat(d.dailyProfit()).hasSize(8);
        assertThat(d.dailyProfit().get(1)).isEqualTo(new DailyStats.DayProfit(LocalDate.of(2024, 1, 2), -40.0));
    }

    @Test
    void tokyoDaysMoveLateUtcClosesToTheNextDay() {
        // Tokyo is UTC+9. Trade 3 closes 01-02 18:00 UTC = 01-03 03:00 JST, trade 5 closes 01-08 23:30 UTC =
        // 01-09 08:30 JST. Days (JST): 01-01 +20, 01-02 −10, 01-03 −30, 01-04 +50, 01-05..01-08 empty, 01-09 0.
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        BacktestReport r = FreqtradeReport.compute(ReportFixtures.input(ReportFixtures.portfolio(), tokyo));
        List<PeriodStats> days = r.breakdown(Period.DAY);
        assertThat(days).extracting(PeriodStats::profitAbs)
                .containsExactly(20.0, -10.0, -30.0, 50.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(days.get(8).date()).isEqualTo("09/01/2024");
        // A bucket's timestamp is local midnight: 2024-01-02 00:00 JST = 2024-01-01 15:00 UTC.
        assertThat(days.get(1).dateTs()).isEqualTo(ms("2024-01-01T15:00:00Z"));
        assertThat(r.dailyStats().worstDayAbs()).isEqualTo(-30.0);
        assertThat(List.of(r.dailyStats().winningDays(), r.dailyStats().drawDays(), r.dailyStats().losingDays()))
                .containsExactly(2, 5, 2);
        // Trade 5 is now on Tuesday 01-09, so it starts the week ending Monday 01-15.
        assertThat(r.breakdown(Period.WEEK)).extracting(PeriodStats::date)
                .containsExactly("01/01/2024", "08/01/2024", "15/01/2024");
        assertThat(r.breakdown(Period.WEEK)).extracting(PeriodStats::profitAbs).containsExactly(20.0, 10.0, 0.0);
    }
}
