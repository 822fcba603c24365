package dev.botfleet.engine.data;

import dev.botfleet.engine.market.Timeframe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimeframesTest {

    @Test
    void parsesExchangeCodes() {
        assertThat(Timeframes.parse("1m")).isEqualTo(Timeframe.M1);
        assertThat(Timeframes.parse("5m")).isEqualTo(Timeframe.M5);
        assertThat(Timeframes.parse(" 1h ")).isEqualTo(Timeframe.H1);
        assertThat(Timeframes.parse("1d")).isEqualTo(Timeframe.D1);
        for (Timeframe t : Timeframe.values()) {
            assertThat(Timeframes.parse(t.code())).isEqualTo(t);
            assertThat(Timeframes.ofMillis(t.millis())).contains(t);
        }
    }

    @Test
    void refusesWithTheSupportedList() {
        for (String bad : new String[] {"", "  ", "5", "7m", "1M", "m", "1.5h", "-5m"}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> Timeframes.parse(bad))
                    .withMessageContaining("not supported").withMessageContaining("1m, 3m, 5m");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> Timeframes.parse(null));
        assertThat(Timeframes.ofMillis(7 * 60_000L)).isEmpty();
    }

    @Test
    void describesAnySpacing() {
        assertThat(Timeframes.describe(7 * 60_000L)).isEqualTo("7m");
        assertThat(Timeframes.describe(90_000L)).isEqualTo("90s");
        assertThat(Timeframes.describe(1500L)).isEqualTo("1500ms");
        assertThat(Timeframes.describe(2 * 3_600_000L)).isEqualTo("2h");
        assertThat(Timeframes.describe(604_800_000L)).isEqualTo("1w");
    }
}
