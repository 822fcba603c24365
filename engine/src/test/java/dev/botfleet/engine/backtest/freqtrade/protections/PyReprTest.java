package dev.botfleet.engine.backtest.freqtrade.protections;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Numbers in lock reasons print as Python's str() prints them (values checked with CPython 3). */
class PyReprTest {

    @Test
    void floatsPrintLikePython() {
        assertThat(PyRepr.of(0.01 + 0.005)).isEqualTo("0.015");
        assertThat(PyRepr.of(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PyRepr.of(0.0001)).isEqualTo("0.0001");
        assertThat(PyRepr.of(0.00001)).isEqualTo("1e-05");
        assertThat(PyRepr.of(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(PyRepr.of(123.0)).isEqualTo("123.0");
        assertThat(PyRepr.of(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PyRepr.of(1e16)).isEqualTo("1e+16");
        assertThat(PyRepr.of(2.5e20)).isEqualTo("2.5e+20");
        assertThat(PyRepr.of(-0.2)).isEqualTo("-0.2");
        assertThat(PyRepr.of(-0.0)).isEqualTo("-0.0");
        assertThat(PyRepr.of(0.0)).isEqualTo("0.0");
        assertThat(PyRepr.of(Double.MIN_VALUE)).isEqualTo("5e-324"); // Java's own toString says 4.9E-324
    }

    @Test
    void integersPrintWithoutAPointAndOtherNumbersAsFloats() {
        assertThat(PyRepr.of(Integer.valueOf(4))).isEqualTo("4");
        assertThat(PyRepr.of(Long.valueOf(0))).isEqualTo("0");
        assertThat(PyRepr.of(Double.valueOf(4))).isEqualTo("4.0");
        assertThat(PyRepr.of(new BigDecimal("0.20"))).isEqualTo("0.2");
    }
}
