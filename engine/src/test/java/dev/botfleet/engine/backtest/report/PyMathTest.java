package dev.botfleet.engine.backtest.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** numpy/pandas arithmetic details that change the last bits of Freqtrade's numbers. */
class PyMathTest {

    @Test
    void sumIsNumpysPairwiseSumNotLeftToRight() {
        // 2^53 + 1 rounds back to 2^53 (ties to even), so adding seven 1s one by one to 2^53 loses them all and
        // the left-to-right sum is 0. numpy sums 9 values as ((a0+a1)+(a2+a3)) + ((a4+a5)+(a6+a7)), then + a8:
        // (2^53 + 2) + 4 = 2^53 + 6, minus 2^53 = 6 (np.sum gives 6.0).
        double big = 9007199254740992.0; // 2^53
        double[] values = {big, 1, 1, 1, 1, 1, 1, 1, -big};
        double leftToRight = 0;
        for (double v : values) {
            leftToRight += v;
        }
        assertThat(leftToRight).isZero();
        assertThat(PyMath.sum(values)).isEqualTo(6.0);
    }

    @Test
    void sumOfFewerThanEightIsLeftToRight() {
        // 0.1 + 0.2 + 0.3 left to right is 0.6000000000000001 (as Python prints it).
        assertThat(PyMath.sum(new double[]{0.1, 0.2, 0.3})).isEqualTo(0.6000000000000001);
        assertThat(PyMath.sum(new double[0])).isZero();
    }

    @Test
    void numpyRoundDiffersFromPythonRound() {
        // 2.675 is stored as 2.67499999999999982…; Python's round(2.675, 2) rounds that exact value → 2.67.
        // numpy multiplies first: 2.675 × 100 = 267.5 exactly in doubles, rint half-even → 268 → 2.68.
        assertThat(PyMath.round(2.675, 2)).isEqualTo(2.67);
        assertThat(PyMath.numpyRound(2.675, 2)).isEqualTo(2.68);
        // half-even: 0.125 → 0.12, 0.375 → 0.38
        assertThat(PyMath.numpyRound(0.125, 2)).isEqualTo(0.12);
        assertThat(PyMath.numpyRound(0.375, 2)).isEqualTo(0.38);
        assertThat(PyMath.roundToLong(2.5)).isEqualTo(2);
        assertThat(PyMath.roundToLong(3.5)).isEqualTo(4);
    }

    @Test
    void stdWithDdof() {
        // 0.25 and −0.125: mean 0.0625, deviations ±0.1875 → σ(ddof 0) = 0.1875, σ(ddof 1) = 0.1875 × √2
        double[] v = {0.25, -0.125};
        assertThat(PyMath.std(v, 0)).isEqualTo(0.1875);
        assertThat(PyMath.std(v, 1)).isEqualTo(Math.sqrt(2 * 0.1875 * 0.1875));
        assertThat(PyMath.std(new double[]{1.0}, 1)).isNull();
        assertThat(PyMath.std(new double[0], 0)).isNull();
    }

    @Test
    void medianAndMean() {
        assertThat(PyMath.median(new double[]{3, 1, 2})).isEqualTo(2.0);
        assertThat(PyMath.median(new double[]{4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(PyMath.median(new double[0])).isNull();
        assertThat(PyMath.mean(new double[0])).isNull();
    }

    @Test
    void timedeltaPrintsLikePython() {
        assertThat(PyMath.timedelta(0)).isEqualTo("0:00:00");
        assertThat(PyMath.timedelta(201)).isEqualTo("3:21:00");
        assertThat(PyMath.timedelta(1440 + 5)).isEqualTo("1 day, 0:05:00");
        assertThat(PyMath.timedelta(3 * 1440 + 61)).isEqualTo("3 days, 1:01:00");
        assertThat(PyMath.timedelta(-1)).isEqualTo("-1 day, 23:59:00");
    }
}
