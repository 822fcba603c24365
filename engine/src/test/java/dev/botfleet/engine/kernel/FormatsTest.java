package dev.botfleet.engine.kernel;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {
    @Test
    void groupsThousandsAndKeepsTheScale() {
        assertThat(Formats.grouped(new BigDecimal("64210.5"), 2)).isEqualTo("64,210.50");
        assertThat(Formats.grouped(new BigDecimal("1234567.891"), 2)).isEqualTo("1,234,567.89");
        assertThat(Formats.grouped(new BigDecimal("-1234.5"), 2)).isEqualTo("-1,234.50");
        assertThat(Formats.grouped(new BigDecimal("0.01"), 5)).isEqualTo("0.01000");
        assertThat(Formats.grouped(new BigDecimal("999"), 0)).isEqualTo("999");
        assertThat(Formats.grouped(new BigDecimal("-100"), 0)).isEqualTo("-100");
        assertThat(Formats.grouped(new BigDecimal("1E+3"), 2)).isEqualTo("1,000.00");
    }
}
