package dev.botfleet.engine.data;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimestampTextTest {

    private static long parse(String text) {
        return TimestampText.parse(text, 0, text.length());
    }

    @Test
    void epochNumbersByMagnitude() {
        assertThat(parse("1515560100")).isEqualTo(1515560100000L);
        assertThat(parse("1515560100000")).isEqualTo(1515560100000L);
        assertThat(parse("1515560100000000")).isEqualTo(1515560100000L);
        assertThatIllegalArgumentException().isThrownBy(() -> parse("1515560100000001"))
                .withMessageContaining("whole millisecond");
    }

    @Test
    void isoLayoutsAgreeWithJavaTime() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long millis = 946_684_800_000L + (long) (random.nextDouble() * 2_000_000_000_000L);
            Instant instant = Instant.ofEpochMilli(millis);
            int offsetMinutes = (random.nextInt(27) - 12) * 60 + (random.nextBoolean() ? 30 : 0);
            OffsetDateTime local = instant.atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
            String withOffset = local.toLocalDateTime().toString().replace('T', random.nextBoolean() ? 'T' : ' ')
                    + local.getOffset().getId().replace("Z", "+00:00");
            if (local.toLocalDateTime().getSecond() == 0 && local.toLocalDateTime().getNano() == 0) {
                continue; // LocalDateTime.toString drops ":00" seconds: not a layout files use
            }
            assertThat(parse(withOffset)).as(withOffset).isEqualTo(millis);
            String utc = instant.toString();
            assertThat(parse(utc)).as(utc).isEqualTo(millis);
            String naive = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
            assertThat(parse(naive)).as(naive).isEqualTo(millis);
        }
        assertThat(parse("2018-01-10")).isEqualTo(1515542400000L);
        assertThat(parse("2018-01-10T04:55:00.5Z")).isEqualTo(1515560100500L);
        assertThat(parse("2018-01-10T04:55:00.123456Z")).isEqualTo(1515560100123L);
        assertThat(parse("2024-02-29 00:00:00")).isEqualTo(1709164800000L);
    }

    @Test
    void refusesImpossibleDates() {
        for (String bad : new String[] {"2018-02-30 00:00:00", "2023-02-29T00:00:00Z", "2018-13-01T00:00:00Z",
                "2018-01-10T24:00:00Z", "2018-01-10T04:55:00X", "2018-01-10T04:55:00+0100", "2018-01-1",
                "2018-01-10T04:55:00 UTC"}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> parse(bad));
        }
    }
}
