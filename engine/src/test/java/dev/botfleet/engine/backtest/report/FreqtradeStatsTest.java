package dev.botfleet.engine.backtest.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report under Freqtrade's result-JSON keys, for the {@link ReportFixtures} portfolio. */
class FreqtradeStatsTest {

    @SuppressWarnings("unchecked")
    @Test
    void freqtradeKeysAndValues() {
        Map<String, Object> m = FreqtradeStats.toMap(ReportFixtures.report(), ReportFixtures.portfolio());
        assertThat(m.get("total_trades")).isEqualTo(5);
        assertThat(m.get("profit_total_abs")).isEqualTo(new BigDecimal("30.0"));
        assertThat(m.get("final_balance")).isEqualTo(new BigDecimal("1030.0"));
        assertThat(m.get("max_drawdown_abs")).isEqualTo(new BigDecimal("40.0"));
        assertThat(m.get("drawdown_start")).isEqualTo("2024-01-01 12:00:00");
        assertThat(m.get("profit_factor")).isEqualTo(new BigDecimal("1.75"));
        assertThat(m.get("holding_avg")).isEqualTo("2:00:00");
        assertThat(m.get("holding_avg_s")).isEqualTo(7200L);
        assertThat((List<Object>) m.get("trades")).hasSize(5);

        List<Map<String, Object>> pairs = (List<Map<String, Object>>) m.get("results_per_pair");
        assertThat(pairs.get(0)).containsEntry("key", "ETH/USDT").containsEntry("profit_mean_pct",
                new BigDecimal("18.75")).containsEntry("duration_avg", "0:45:00");
        List<Map<String, Object>> mix = (List<Map<String, Object>>) m.get("mix_tag_stats");
        assertThat(mix.get(0).get("key")).isEqualTo(List.of("a", "roi"));
        assertThat(mix.getLast().get("key")).isEqualTo("TOTAL");

        Map<String, List<Map<String, Object>>> periodic =
                (Map<String, List<Map<String, Object>>>) m.get("periodic_breakdown");
        assertThat(periodic.keySet()).containsExactly("day", "week", "month");
        assertThat(periodic.get("week").get(1)).containsEntry("date", "08/01/2024").containsEntry("loses", 2);
        assertThat((List<List<Object>>) m.get("daily_profit")).first()
                .isEqualTo(List.of("2024-01-01", new BigDecimal("20.0")));
    }

    @Test
    void undefinedValuesAreNull() {
        Map<String, Object> m = FreqtradeStats.toMap(FreqtradeReport.compute(ReportFixtures.input(List.of())),
                List.of());
        assertThat(m).containsEntry("sharpe", null).containsEntry("expectancy_ratio", null)
                .containsEntry("drawdown_start", null).containsEntry("backtest_best_day_abs", null)
                .containsEntry("max_drawdown_abs", BigDecimal.valueOf(0.0));
        assertThat(m.get("best_pair")).isNotNull(); // two untraded pairs: the first one, at 0
    }
}
