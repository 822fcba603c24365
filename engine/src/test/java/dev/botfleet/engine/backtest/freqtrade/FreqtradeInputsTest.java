package dev.botfleet.engine.backtest.freqtrade;

import static dev.botfleet.engine.backtest.freqtrade.Bars.flat;
import static dev.botfleet.engine.backtest.freqtrade.Bars.hourly;
import static dev.botfleet.engine.backtest.freqtrade.Bars.longSignals;
import static dev.botfleet.engine.backtest.freqtrade.Bars.spot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Input validation, data preparation and Freqtrade's number handling. */
class FreqtradeInputsTest {

    private static final long H = 3_600_000L;

    @Test
    void gapsAreFilledWithFlatCandlesAtThePreviousCloseAndNoVolume() {
        CandleColumns filled = CandleColumns.withGapsFilled(new long[] {0, H, 4 * H},
                new double[] {1, 2, 5}, new double[] {1, 3, 6}, new double[] {1, 1, 4}, new double[] {1, 2.5, 5},
                new double[] {10, 20, 50}, Duration.ofHours(1));

        assertThat(filled.openTime()).containsExactly(0, H, 2 * H, 3 * H, 4 * H);
        assertThat(filled.open()).containsExactly(1, 2, 2.5, 2.5, 5);
        assertThat(filled.high()).containsExactly(1, 3, 2.5, 2.5, 6);
        assertThat(filled.low()).containsExactly(1, 1, 2.5, 2.5, 4);
        assertThat(filled.close()).containsExactly(1, 2.5, 2.5, 2.5, 5);
        assertThat(filled.volume()).containsExactly(10, 20, 0, 0, 50);
    }

    @Test
    void candlesWithAGapAreRejectedNamingTheCandle() {
        assertThatThrownBy(() -> new CandleColumns(new long[] {0, H, 3 * H}, new double[3], new double[3],
                new double[3], new double[3], new double[3], Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("candle 2")
                .hasMessageContaining("withGapsFilled");
    }

    @Test
    void columnsOfDifferentLengthsAreRejectedNamingTheColumn() {
        assertThatThrownBy(() -> new CandleColumns(new long[] {0, H}, new double[2], new double[1],
                new double[2], new double[2], new double[2], Duration.ofHours(1)))
                .hasMessageContaining("high column has 1 rows, expected 2");
        assertThatThrownBy(() -> new SignalColumns(new boolean[2], new boolean[3], null, null, null, null))
                .hasMessageContaining("exit_long");
        CandleColumns candles = hourly(flat(1), flat(1), flat(1));
        assertThatThrownBy(() -> new FreqtradeBacktest(spot().build())
                .run(candles, longSignals(2, new int[] {}, new int[] {})))
                .hasMessageContaining("signals have 2 rows but candles have 3");
    }

    @Test
    void settingsOutOfRangeNameTheFreqtradeKey() {
        assertThatThrownBy(() -> spot().stoploss(0.1).build()).hasMessageContaining("stoploss");
        assertThatThrownBy(() -> spot().stakeAmount(0).build()).hasMessageContaining("stake_amount");
        assertThatThrownBy(() -> spot().fee(-0.001).build()).hasMessageContaining("fee");
        assertThatThrownBy(() -> spot().trailingStopPositive(-0.01).build())
                .hasMessageContaining("trailing_stop_positive");
        assertThatThrownBy(() -> spot().maxOpenTrades(-2).build()).hasMessageContaining("max_open_trades");
        assertThatThrownBy(() -> spot().entryTimeout(Duration.ofMinutes(-1)).build())
                .hasMessageContaining("unfilledtimeout.entry");
        assertThatThrownBy(() -> RoiTable.of(Map.of(-5, 0.1))).hasMessageContaining("minimal_roi");
        assertThatThrownBy(() -> spot().unlimitedStake().build())
                .hasMessageContaining("stake_amount \"unlimited\" needs max_open_trades >= 1");
    }

    @Test
    void aCallbackReturningANonPriceFailsWithItsName() {
        CandleColumns candles = hourly(flat(100), flat(100), flat(100));
        FreqtradeSettings settings = spot().callbacks(FreqtradeCallbacks.defaults()
                .withCustomEntryPrice((time, proposed, tag, isShort) -> -1.0)).build();

        assertThatThrownBy(() -> new FreqtradeBacktest(settings).run(candles, longSignals(3, new int[] {0}, new int[] {})))
                .hasMessageContaining("custom_entry_price returned -1.0");
    }

    @Test
    void theRoiStepInForceIsTheLargestKeyNotAboveTheTradeAge() {
        RoiTable roi = RoiTable.of(Map.of(0, 0.1, 30, 0.05, 120, 0.0));

        assertThat(roi.stepAt(29).getValue()).isEqualTo(0.1);
        assertThat(roi.stepAt(30).getValue()).isEqualTo(0.05);
        assertThat(roi.stepAt(500).getValue()).isEqualTo(0.0);
        assertThat(RoiTable.of(Map.of(60, 0.1)).stepAt(59)).isNull();
    }

    @Test
    void profitRatiosRoundToEightDecimalsHalfEvenOnTheBinaryValue() {
        // 0.125000005 is stored slightly below ...005, so it rounds down although its decimal form is a tie.
        double below = 0.125000005;
        assertThat(new BigDecimal(below).compareTo(new BigDecimal("0.125000005"))).isNegative();
        assertThat(FtMath.round8(below)).isEqualTo(0.12500000);
        assertThat(FtMath.round8(-0.0123456789)).isEqualTo(-0.01234568);
    }

    @Test
    void moneyProductsAreExactOnTheShortestDecimalForm() {
        // 0.1 × 3 in binary is 0.30000000000000004; Freqtrade multiplies the decimal strings and gets 0.3.
        assertThat(FtMath.product(0.1, 3)).isEqualTo(0.3);
        assertThat(FtMath.valueWithFee(0.1, 3, 0.001, true)).isEqualTo(0.3003);
    }

    @Test
    void pricesRoundToTheTickInTheRequestedDirection() {
        BigDecimal tick = new BigDecimal("0.05");
        assertThat(FtMath.priceToPrecision(1.01, tick, RoundingMode.UP)).isEqualTo(1.05);
        assertThat(FtMath.priceToPrecision(1.04, tick, RoundingMode.DOWN)).isEqualTo(1.0);
        assertThat(FtMath.priceToPrecision(1.025, tick, RoundingMode.HALF_UP)).isEqualTo(1.05);
        assertThat(FtMath.priceToPrecision(1.024, null, RoundingMode.HALF_UP)).isEqualTo(1.024);
        assertThat(FtMath.amountToPrecision(3.3339, new BigDecimal("0.001"))).isEqualTo(3.333);
    }
}
