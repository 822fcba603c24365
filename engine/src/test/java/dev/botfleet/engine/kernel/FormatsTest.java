package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.Instrument;
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

    @Test
    void aResultUnderThePriceStepIsShownWithTheDecimalsItNeedsNeverAsZero() {
        Instrument btc = new Instrument("sim", "BTC/USDT", "BTC", "USDT", new BigDecimal("0.01"),
                new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"), new BigDecimal("0.001"),
                new BigDecimal("0.001"));
        assertThat(Formats.pnl(new BigDecimal("12.345"), btc)).isEqualTo("+12.34 USDT");
        assertThat(Formats.pnl(new BigDecimal("-1234.5"), btc)).isEqualTo("-1,234.50 USDT");
        assertThat(Formats.pnl(BigDecimal.ZERO, btc)).isEqualTo("0.00 USDT");
        assertThat(Formats.pnl(new BigDecimal("-0.0003"), btc)).isEqualTo("-0.0003 USDT");
        assertThat(Formats.pnl(new BigDecimal("0.00030"), btc)).isEqualTo("+0.0003 USDT");
        // past 8 decimals: still signed, never "0.00"
        assertThat(Formats.pnl(new BigDecimal("-0.000000001"), btc)).isEqualTo("-0.00000000 USDT");
    }
}
