package dev.botfleet.server.backtest.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimerangeTest {
    // 2018-01-10T00:00Z = 1515542400 s; 2018-01-30T00:00Z = 1515542400 + 20 * 86400 = 1517270400 s
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "20180110-20180130, 1515542400000, 1517270400000",
            "20180110-,         1515542400000, null",
            "-20180130,         null,          1517270400000",
            "1527595200-1527618600, 1527595200000, 1527618600000",
            "1527595200000-,    1527595200000, null",
            // milliseconds are cut to whole seconds, as Freqtrade's int(ms) // 1000
            "-1527595200999,    null,          1527595200000"})
    void freqtradesForms(String text, Long start, Long stop) {
        assertThat(Timerange.parse(text)).isEqualTo(new Timerange(start, stop));
    }

    @Test
    void bothEndsAreInclusive() {
        Timerange r = Timerange.parse("20180110-20180130");
        assertThat(r.contains(1515542400000L)).isTrue();
        assertThat(r.contains(1517270400000L)).isTrue();             // the candle opening at the stop is kept
        assertThat(r.contains(1517270400000L + 300_000)).isFalse();
        assertThat(r.contains(1515542400000L - 300_000)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2018-01-10|is not a timerange",
            "-|is not a timerange",
            "20180110|is not a timerange",
            "20181310-|13 is not a date|",
            "20180110-1527618600|both ends must have the same form",
            "20180130-20180110|is after the stop"})
    void badFormsAreNamed(String text, String problem) {
        assertThatThrownBy(() -> Timerange.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem.equals("13 is not a date") ? "20181310 is not a date" : problem);
    }
}
