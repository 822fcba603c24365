package dev.botfleet.engine.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimeframeTest {

    @Test
    void parsesExchangeLabels() {
        assertThat(Timeframe.parse("1m").millis()).isEqualTo(60_000);
        assertThat(Timeframe.parse("5m")).isEqualTo(Timeframe.M5);
        assertThat(Timeframe.parse("15m")).isEqualTo(Timeframe.M15);
        assertThat(Timeframe.parse("1h")).isEqualTo(Timeframe.H1);
        assertThat(Timeframe.parse("4h")).isEqualTo(Timeframe.H4);
        assertThat(Timeframe.parse("1d")).isEqualTo(Timeframe.D1);
        assertThat(Timeframe.parse("1w").millis()).isEqualTo(7 * 86_400_000L);
        assertThat(Timeframe.parse("30s").millis()).isEqualTo(30_000);
        assertThat(Timeframe.parse(" 5m ")).isEqualTo(Timeframe.M5);
    }

    @Test
    void labelsRoundTrip() {
        for (String label : new String[] {"1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d",
                "3d", "1w"}) {
            assertThat(Timeframe.parse(label).label()).isEqualTo(label);
            assertThat(Timeframe.parse(label)).hasToString(label);
        }
        assertThat(Timeframe.ofMillis(90_000).label()).isEqualTo("90s");
        assertThat(Timeframe.ofMillis(120 * 60_000L).label()).isEqualTo("2h");
    }

    @Test
    void refusesWithAHelpfulMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> Timeframe.parse("")).withMessageContaining("empty");
        assertThatIllegalArgumentException().isThrownBy(() -> Timeframe.parse("5")).withMessageContaining("unit");
        assertThatIllegalArgumentException().isThrownBy(() -> Timeframe.parse("1M")).withMessageContaining("months");
        assertThatIllegalArgumentException().isThrownBy(() -> Timeframe.parse("0m")).withMessageContaining("positive");
        assertThatIllegalArgumentException().isThrownBy(() -> Timeframe.parse("-5m"));
        assertThatIllegalArgumentException().isThrownBy(() -> Timeframe.parse("m"));
        assertThatIllegalArgumentException().isThrownBy(() -> Timeframe.parse("1.5h"));
        assertThatIllegalArgumentException().isThrownBy(() -> Timeframe.ofMillis(0));
    }

    @Test
    void floorsToTheCandleStart() {
        assertThat(Timeframe.H1.floor(1515560100000L)).isEqualTo(1515560100000L - 1515560100000L % 3_600_000);
        assertThat(Timeframe.M5.floor(-1)).isEqualTo(-300_000);
        assertThat(Timeframe.H1.isMultipleOf(Timeframe.M5)).isTrue();
        assertThat(Timeframe.H1.isMultipleOf(Timeframe.ofMillis(7 * 60_000))).isFalse();
    }
}
