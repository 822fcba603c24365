package dev.botfleet.engine.indicator;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins down the one deliberate difference from TA-Lib under the default {@link ZeroPolicy#EXACT}: TA-Lib's absolute
 * 1e-8 "is zero" epsilon. On ADA/BTC (prices near 5e-5) TA-Lib's Bollinger Bands collapse onto the middle band and some
 * RSI(2) values drop to 0, while the same candles in satoshis give proper values; ours give the satoshi answer (scaled
 * back) at both scales. In a long filled gap TA-Lib's RSI falls to 0 while ours holds its last value.
 */
class TaLibEpsilonDeviationTest {
    private static final Core TA = new Core();
    private static final TestCandles BTC = TestCandles.load("ADA_BTC-5m.json", 1);
    private static final TestCandles SATOSHI = TestCandles.load("ADA_BTC-5m.json", 1e8);

    @Test
    void bollingerBandsKeepTheirWidthOnSmallPrices() {
        int n = BTC.size();
        double[] upper = new double[n], middle = new double[n], lower = new double[n];
        MInteger begin = new MInteger(), count = new MInteger();
        TA.bbands(0, n - 1, BTC.close(), 20, 2, 2, MAType.Sma, begin, count, upper, middle, lower);
        for (int i = 0; i < count.value; i++) {
            assertThat(upper[i]).as("TA-Lib's upper band at %d", i).isEqualTo(middle[i]);
        }

        BollingerBands onBtc = new BollingerBands(20, 2);
        BollingerBands onSatoshi = new BollingerBands(20, 2);
        int wide = 0;
        for (int i = 0; i < n; i++) {
            onBtc.update(BTC.close()[i]);
            onSatoshi.update(SATOSHI.close()[i]);
            if (!onBtc.isReady()) {
                continue;
            }
            assertThat(onBtc.upper()).isCloseTo(onSatoshi.upper() / 1e8, relative(onBtc.upper()));
            assertThat(onBtc.lower()).isCloseTo(onSatoshi.lower() / 1e8, relative(onBtc.lower()));
            assertThat(onBtc.bandwidth()).isCloseTo(onSatoshi.bandwidth(), org.assertj.core.api.Assertions.within(1e-6));
            if (onBtc.upper() > onBtc.middle()) {
                wide++;
            }
        }
        assertThat(wide).isGreaterThan(n * 9 / 10);
    }

    @Test
    void rsiIsNotZeroedBySmallMoves() {
        int n = BTC.size();
        double[] talibBtc = rsi(BTC.close());
        double[] talibSatoshi = rsi(SATOSHI.close());
        double[] ours = Indicators.values(new Rsi(2), BTC.close());
        int zeroedByTaLib = 0;
        for (int i = 2; i < n; i++) {
            // ours on BTC prices equals TA-Lib on satoshis (where its epsilon does not bite) everywhere
            assertThat(ours[i]).as("RSI2 at %d", i).isCloseTo(talibSatoshi[i], relative(talibSatoshi[i]));
            if (talibBtc[i] == 0 && talibSatoshi[i] != 0) {
                zeroedByTaLib++;
            } else {
                assertThat(ours[i]).isCloseTo(talibBtc[i], relative(talibBtc[i]));
            }
        }
        assertThat(zeroedByTaLib).as("values TA-Lib zeroes on BTC prices").isPositive();
    }

    @Test
    void rsiHoldsItsValueThroughAFilledGap() {
        TestCandles filled = TestCandles.loadFilled("ADA_BTC-5m.json", 1);
        double[] talib = rsi(filled.close(), 14);
        double[] ours = Indicators.values(new Rsi(14), filled.close());
        int zeroedByTaLib = 0;
        for (int i = 15; i < filled.size(); i++) {
            if (talib[i] == 0 && ours[i] != 0) {
                zeroedByTaLib++;
                // inside a filled stretch: a flat candle at the previous close, and our RSI unchanged
                assertThat(filled.high()[i]).isEqualTo(filled.low()[i]).isEqualTo(filled.close()[i - 1]);
                assertThat(ours[i]).isCloseTo(ours[i - 1], relative(ours[i - 1]));
            } else {
                assertThat(ours[i]).as("RSI14 at %d", i).isCloseTo(talib[i], relative(talib[i]));
            }
        }
        assertThat(zeroedByTaLib).as("values TA-Lib zeroes in the 33-candle gap").isPositive();
    }

    private static double[] rsi(double[] closes) {
        return rsi(closes, 2);
    }

    private static double[] rsi(double[] closes, int period) {
        int n = closes.length;
        double[] raw = new double[n];
        MInteger begin = new MInteger(), count = new MInteger();
        TA.rsi(0, n - 1, closes, period, begin, count, raw);
        double[] aligned = new double[n];
        java.util.Arrays.fill(aligned, Double.NaN);
        System.arraycopy(raw, 0, aligned, begin.value, count.value);
        return aligned;
    }

    private static org.assertj.core.data.Offset<Double> relative(double around) {
        return org.assertj.core.api.Assertions.within(Math.abs(around) * 1e-9);
    }
}
