package dev.botfleet.engine.backtest.freqtrade;

import static dev.botfleet.engine.backtest.freqtrade.Bars.at;
import static dev.botfleet.engine.backtest.freqtrade.Bars.bar;
import static dev.botfleet.engine.backtest.freqtrade.Bars.flat;
import static dev.botfleet.engine.backtest.freqtrade.Bars.hourly;
import static dev.botfleet.engine.backtest.freqtrade.Bars.longSignals;
import static dev.botfleet.engine.backtest.freqtrade.Bars.spot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --timeframe-detail} (semantics §2.8): 1h main candles replayed as 15m detail candles. */
class TimeframeDetailTest {

    private static final long QUARTER = 15 * 60_000L;

    @Test
    void exitsHappenOnTheDetailCandleAndEntriesOnlyOnTheFirstDetailCandleOfAMainCandle() {
        // Entry signals on rows 0 and 1; stop 10 × 0.9 = 9. Row 1 in 15m: 10 | dips to 8.5 | 9 | 9.
        CandleColumns main = hourly(flat(10), bar(10, 10, 8.5, 9), flat(9), flat(9), flat(9));
        double[][] quarters = {
            flat(10), flat(10), flat(10), flat(10),
            flat(10), bar(10, 10, 8.5, 9), flat(9), flat(9),
            flat(9), flat(9), flat(9), flat(9),
            flat(9), flat(9), flat(9), flat(9),
            flat(9), flat(9), flat(9), flat(9)};
        PairData pair = new PairData("A/USDT", main, longSignals(5, new int[] {0, 1}, new int[] {}),
                quarterHourly(quarters));

        PortfolioResult result = new PortfolioBacktest(spot().stakeAmount(100).stoploss(-0.1).build())
                .run(List.of(pair));

        // Entered at row 1's first quarter (10), stopped at 9 on its second quarter: closed at 01:15, not 01:00 as
        // on the 1h candle. Row 1's signal is still in force on quarters three and four, but entries happen only on
        // a main candle's first detail candle: the next entry is at row 2 (9), force-exited at the last row's open.
        assertThat(result.trades()).hasSize(2);
        FreqtradeTrade stopped = result.trades().get(0);
        assertThat(stopped.openTime()).isEqualTo(at(1));
        assertThat(stopped.closeTime()).isEqualTo(at(1) + QUARTER);
        assertThat(stopped.exitType()).isEqualTo(ExitType.STOP_LOSS);
        assertThat(stopped.closeRate()).isEqualByComparingTo("9");
        FreqtradeTrade again = result.trades().get(1);
        assertThat(again.openTime()).isEqualTo(at(2));
        assertThat(again.closeTime()).isEqualTo(at(4));
        assertThat(again.exitType()).isEqualTo(ExitType.FORCE_EXIT);
    }

    @Test
    void withoutDetailCandlesForAMainCandleTheMainCandleIsUsed() {
        CandleColumns main = hourly(flat(10), bar(10, 10, 8.5, 9), flat(9));
        // Detail data only for row 0: row 1 falls back to its 1h candle and the stop fills at 01:00.
        PairData pair = new PairData("A/USDT", main, longSignals(3, new int[] {0}, new int[] {}),
                quarterHourly(new double[][] {flat(10), flat(10), flat(10), flat(10)}));

        FreqtradeTrade trade = new PortfolioBacktest(spot().stakeAmount(100).stoploss(-0.1).build())
                .run(List.of(pair)).trades().getFirst();

        assertThat(trade.closeTime()).isEqualTo(at(1));
        assertThat(trade.exitType()).isEqualTo(ExitType.STOP_LOSS);
    }

    @Test
    void aDetailTimeframeThatIsNotSmallerIsRejected() {
        CandleColumns main = hourly(flat(10), flat(10));
        assertThatThrownBy(() -> new PairData("A/USDT", main, longSignals(2, new int[] {}, new int[] {}), main))
                .hasMessageContaining("pair A/USDT: the detail timeframe PT1H must divide the main timeframe PT1H");
    }

    private static CandleColumns quarterHourly(double[][] ohlc) {
        int n = ohlc.length;
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = at(0) + i * QUARTER;
            o[i] = ohlc[i][0];
            h[i] = ohlc[i][1];
            l[i] = ohlc[i][2];
            c[i] = ohlc[i][3];
        }
        return new CandleColumns(t, o, h, l, c, new double[n], Duration.ofMinutes(15));
    }
}
