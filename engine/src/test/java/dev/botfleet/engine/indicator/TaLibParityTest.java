package dev.botfleet.engine.indicator;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every indicator against TA-Lib's Java port on real Binance candles: every value after TA-Lib's lookback must agree
 * within 1e-9 relative, and every value before it must be NaN. Prices are compared both as quoted (BTC) and in
 * satoshis, except where TA-Lib's absolute 1e-8 "is zero" epsilon changes its answer on BTC-sized numbers (see the
 * package documentation and {@link TaLibEpsilonDeviationTest}).
 */
class TaLibParityTest {
    private static final double RELATIVE_TOLERANCE = 1e-9;
    private static final Core TA = new Core();

    static Stream<Arguments> candles() {
        List<Arguments> all = new ArrayList<>();
        for (String file : TestCandles.FILES) {
            all.add(Arguments.of(TestCandles.load(file, 1)));
            all.add(Arguments.of(TestCandles.load(file, 1e8)));
        }
        all.add(Arguments.of(TestCandles.loadFilled("ADA_BTC-5m.json", 1)));
        all.add(Arguments.of(TestCandles.loadFilled("TRX_BTC-5m.json", 1)));
        return all.stream();
    }

    static Stream<Arguments> satoshiCandles() {
        return Stream.of(TestCandles.FILES).map(file -> Arguments.of(TestCandles.load(file, 1e8)));
    }

    /** TA-Lib's output of one function, placed at the input index it belongs to (NaN before outBegIdx). */
    private interface TaCall {
        RetCode call(int end, MInteger begin, MInteger count, double[] out);
    }

    private static double[] talib(int n, TaCall call) {
        double[] raw = new double[n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        assertThat(call.call(n - 1, begin, count, raw)).isEqualTo(RetCode.Success);
        return align(n, raw, begin, count);
    }

    private static double[] align(int n, double[] raw, MInteger begin, MInteger count) {
        double[] aligned = new double[n];
        java.util.Arrays.fill(aligned, Double.NaN);
        System.arraycopy(raw, 0, aligned, begin.value, count.value);
        return aligned;
    }

    static void assertParity(String what, double[] expected, double[] actual) {
        assertThat(actual).hasSameSizeAs(expected);
        int compared = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (Double.isNaN(e)) {
                if (!Double.isNaN(a)) {
                    fail("%s[%d]: TA-Lib has no value yet but ours is %s", what, i, a);
                }
                continue;
            }
            compared++;
            if (e == a) {
                continue;
            }
            double relative = Math.abs(e - a) / Math.max(Math.abs(e), Math.abs(a));
            if (!(relative <= RELATIVE_TOLERANCE)) {
                fail("%s[%d]: TA-Lib %s, ours %s (relative difference %s)", what, i, e, a, relative);
            }
        }
        assertThat(compared).as("%s: values compared", what).isGreaterThan(expected.length / 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("candles")
    void movingAverages(TestCandles c) {
        int n = c.size();
        for (int period : new int[] {2, 9, 20, 50}) {
            assertParity(c.name() + " SMA" + period,
                    talib(n, (end, b, k, out) -> TA.sma(0, end, c.close(), period, b, k, out)),
                    Indicators.values(new Sma(period), c.close()));
            assertParity(c.name() + " EMA" + period,
                    talib(n, (end, b, k, out) -> TA.ema(0, end, c.close(), period, b, k, out)),
                    Indicators.values(new Ema(period), c.close()));
        }
        assertParity(c.name() + " volume SMA20",
                talib(n, (end, b, k, out) -> TA.sma(0, end, c.volume(), 20, b, k, out)),
                Indicators.values(new Sma(20), c.volume()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("candles")
    void macd(TestCandles c) {
        checkMacd(c, 12, 26, 9);
        checkMacd(c, 5, 35, 5);
        checkMacd(c, 3, 4, 2);
    }

    private static void checkMacd(TestCandles c, int fast, int slow, int signal) {
        int n = c.size();
        double[] line = new double[n], sig = new double[n], hist = new double[n];
        MInteger b = new MInteger(), k = new MInteger();
        assertThat(TA.macd(0, n - 1, c.close(), fast, slow, signal, b, k, line, sig, hist)).isEqualTo(RetCode.Success);
        Macd macd = new Macd(fast, slow, signal);
        double[] ourLine = new double[n], ourSignal = new double[n], ourHist = new double[n];
        for (int i = 0; i < n; i++) {
            ourLine[i] = macd.update(c.close()[i]);
            ourSignal[i] = macd.signal();
            ourHist[i] = macd.histogram();
        }
        String label = c.name() + " MACD(" + fast + "," + slow + "," + signal + ")";
        assertParity(label + " line", align(n, line, b, k), ourLine);
        assertParity(label + " signal", align(n, sig, b, k), ourSignal);
        assertParity(label + " histogram", align(n, hist, b, k), ourHist);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("candles")
    void rangesAndMomentum(TestCandles c) {
        int n = c.size();
        for (int period : new int[] {1, 14, 20}) {
            assertParity(c.name() + " ATR" + period,
                    talib(n, (end, b, k, out) -> TA.atr(0, end, c.high(), c.low(), c.close(), period, b, k, out)),
                    Indicators.values(new Atr(period), c.high(), c.low(), c.close()));
        }
        for (int period : new int[] {1, 10, 20}) {
            assertParity(c.name() + " ROC" + period,
                    talib(n, (end, b, k, out) -> TA.roc(0, end, c.close(), period, b, k, out)),
                    Indicators.values(new Roc(period), c.close()));
        }
        for (int period : new int[] {2, 20, 100}) {
            assertParity(c.name() + " MAX" + period,
                    talib(n, (end, b, k, out) -> TA.max(0, end, c.high(), period, b, k, out)),
                    Indicators.values(new Highest(period), c.high()));
            assertParity(c.name() + " MIN" + period,
                    talib(n, (end, b, k, out) -> TA.min(0, end, c.low(), period, b, k, out)),
                    Indicators.values(new Lowest(period), c.low()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("candles")
    void stochastics(TestCandles c) {
        checkStochastic(c, 5, 3, 3);
        checkStochastic(c, 14, 3, 3);
        checkStochastic(c, 14, 1, 5);
        checkFastStochastic(c, 5, 3);
        checkFastStochastic(c, 14, 1);
    }

    private static void checkStochastic(TestCandles c, int kPeriod, int kSmoothing, int dPeriod) {
        int n = c.size();
        double[] k = new double[n], d = new double[n];
        MInteger b = new MInteger(), count = new MInteger();
        assertThat(TA.stoch(0, n - 1, c.high(), c.low(), c.close(), kPeriod, kSmoothing, MAType.Sma, dPeriod,
                MAType.Sma, b, count, k, d)).isEqualTo(RetCode.Success);
        Stochastic stochastic = new Stochastic(kPeriod, kSmoothing, dPeriod);
        double[] ourK = new double[n], ourD = new double[n];
        for (int i = 0; i < n; i++) {
            ourK[i] = stochastic.update(c.high()[i], c.low()[i], c.close()[i]);
            ourD[i] = stochastic.d();
        }
        String label = c.name() + " STOCH(" + kPeriod + "," + kSmoothing + "," + dPeriod + ")";
        assertParity(label + " %K", align(n, k, b, count), ourK);
        assertParity(label + " %D", align(n, d, b, count), ourD);
    }

    private static void checkFastStochastic(TestCandles c, int kPeriod, int dPeriod) {
        int n = c.size();
        double[] k = new double[n], d = new double[n];
        MInteger b = new MInteger(), count = new MInteger();
        assertThat(TA.stochF(0, n - 1, c.high(), c.low(), c.close(), kPeriod, dPeriod, MAType.Sma, b, count, k, d))
                .isEqualTo(RetCode.Success);
        FastStochastic stochastic = new FastStochastic(kPeriod, dPeriod);
        double[] ourK = new double[n], ourD = new double[n];
        for (int i = 0; i < n; i++) {
            ourK[i] = stochastic.update(c.high()[i], c.low()[i], c.close()[i]);
            ourD[i] = stochastic.d();
        }
        String label = c.name() + " STOCHF(" + kPeriod + "," + dPeriod + ")";
        assertParity(label + " %K", align(n, k, b, count), ourK);
        assertParity(label + " %D", align(n, d, b, count), ourD);
    }

    /** With TA-Lib's zero policy, RSI, ADX/DI and Bollinger Bands match TA-Lib on every series, quirks included. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("candles")
    void epsilonSensitiveIndicatorsWithTaLibsZeroPolicy(TestCandles c) {
        checkEpsilonSensitive(c, ZeroPolicy.TA_LIB);
    }

    /**
     * With the default exact zero policy they match TA-Lib too wherever its 1e-8 epsilon does not change the answer:
     * these markets in satoshis without filled gaps. Elsewhere they differ on purpose ({@link TaLibEpsilonDeviationTest}).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("satoshiCandles")
    void epsilonSensitiveIndicatorsWithTheExactZeroPolicy(TestCandles c) {
        checkEpsilonSensitive(c, ZeroPolicy.EXACT);
    }

    private static void checkEpsilonSensitive(TestCandles c, ZeroPolicy zero) {
        for (int period : new int[] {2, 14, 30}) {
            assertParity(c.name() + " RSI" + period + " " + zero,
                    talib(c.size(), (end, b, k, out) -> TA.rsi(0, end, c.close(), period, b, k, out)),
                    Indicators.values(new Rsi(period, zero), c.close()));
            checkAdx(c, period, zero);
        }
        checkBollinger(c, 20, 2, 2, zero);
        checkBollinger(c, 5, 1, 1, zero);
        checkBollinger(c, 20, 2.5, 1.5, zero);
    }

    private static void checkAdx(TestCandles c, int period, ZeroPolicy zero) {
        int n = c.size();
        double[] adx = new double[n], plus = new double[n], minus = new double[n];
        Adx ours = new Adx(period, zero);
        for (int i = 0; i < n; i++) {
            adx[i] = ours.update(c.high()[i], c.low()[i], c.close()[i]);
            plus[i] = ours.plusDi();
            minus[i] = ours.minusDi();
        }
        assertParity(c.name() + " ADX" + period + " " + zero,
                talib(n, (end, b, k, out) -> TA.adx(0, end, c.high(), c.low(), c.close(), period, b, k, out)), adx);
        assertParity(c.name() + " +DI" + period,
                talib(n, (end, b, k, out) -> TA.plusDI(0, end, c.high(), c.low(), c.close(), period, b, k, out)), plus);
        assertParity(c.name() + " -DI" + period,
                talib(n, (end, b, k, out) -> TA.minusDI(0, end, c.high(), c.low(), c.close(), period, b, k, out)), minus);
    }

    private static void checkBollinger(TestCandles c, int period, double up, double down, ZeroPolicy zero) {
        int n = c.size();
        double[] upper = new double[n], middle = new double[n], lower = new double[n];
        MInteger b = new MInteger(), k = new MInteger();
        assertThat(TA.bbands(0, n - 1, c.close(), period, up, down, MAType.Sma, b, k, upper, middle, lower))
                .isEqualTo(RetCode.Success);
        BollingerBands bands = new BollingerBands(period, up, down, zero);
        double[] ourUpper = new double[n], ourMiddle = new double[n], ourLower = new double[n];
        double[] percentB = new double[n], expectedPercentB = new double[n];
        double[] bandwidth = new double[n], expectedBandwidth = new double[n];
        double[] alignedUpper = align(n, upper, b, k), alignedMiddle = align(n, middle, b, k);
        double[] alignedLower = align(n, lower, b, k);
        for (int i = 0; i < n; i++) {
            ourMiddle[i] = bands.update(c.close()[i]);
            ourUpper[i] = bands.upper();
            ourLower[i] = bands.lower();
            percentB[i] = bands.percentB();
            bandwidth[i] = bands.bandwidth();
            double width = alignedUpper[i] - alignedLower[i];
            // bands that touch (a flat window) have no %B; both define it as the middle, 0.5
            expectedPercentB[i] = width == 0 ? 0.5 : (c.close()[i] - alignedLower[i]) / width;
            expectedBandwidth[i] = (alignedUpper[i] - alignedLower[i]) / alignedMiddle[i];
        }
        String label = c.name() + " BBANDS(" + period + "," + up + "," + down + ") " + zero;
        assertParity(label + " upper", alignedUpper, ourUpper);
        assertParity(label + " middle", alignedMiddle, ourMiddle);
        assertParity(label + " lower", alignedLower, ourLower);
        assertParity(label + " %B", expectedPercentB, percentB);
        assertParity(label + " bandwidth", expectedBandwidth, bandwidth);
    }
}
