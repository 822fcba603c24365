package dev.botfleet.server.backtest.portfolio;

import dev.botfleet.engine.backtest.freqtrade.ExitType;
import dev.botfleet.engine.backtest.freqtrade.FreqtradeTrade;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EquityCurveTest {
    private static final long STEP = 300_000;

    private static FreqtradeTrade trade(boolean isShort, long open, long close, String profitAbs) {
        BigDecimal ten = BigDecimal.TEN;
        return new FreqtradeTrade("A/B", open, close, ten, ten, new BigDecimal("2"), new BigDecimal("20"),
                new BigDecimal("0.02"), new BigDecimal("0.02"), 0.07, new BigDecimal(profitAbs), ExitType.ROI, "roi",
                null, isShort, 1.0, ten, ten, ten, -0.1, ten, -0.1, List.of());
    }

    @Test
    void openTradesAreMarkedAtTheCloseAndClosedOnesAddTheirProfit() {
        // wallet 100; a long of 2 at 10 (entry fee 0.02) open from candle 1, exit filled on candle 3 for +1.5
        EquityCurve c = EquityCurve.of(0, 3 * STEP, STEP, 100, List.of(trade(false, STEP, 3 * STEP, "1.5")),
                Map.of("A/B", new EquityCurve.Closes(0, new double[]{10, 11, 12, 13})));
        // candle 0: 100 (not open yet); 1: 100 + 2 x (11 - 10) - 0.02 = 101.98; 2: 100 + 2 x (12 - 10) - 0.02 =
        // 103.98; 3: closed, 100 + 1.5 = 101.5
        assertThat(c.equity()).containsExactly(new double[]{100, 101.98, 103.98, 101.5}, within(1e-12));
        // peak 103.98 at candle 2: drawdown 101.5 - 103.98 = -2.48, ratio 101.5 / 103.98 - 1
        assertThat(c.drawdownAbs()).containsExactly(new double[]{0, 0, 0, -2.48}, within(1e-12));
        assertThat(c.drawdown()[3]).isCloseTo(101.5 / 103.98 - 1, within(1e-15));
        assertThat(c.time()).containsExactly(0, STEP, 2 * STEP, 3 * STEP);
    }

    @Test
    void aShortGainsWhenThePriceFalls() {
        EquityCurve c = EquityCurve.of(0, STEP, STEP, 100, List.of(trade(true, 0, 2 * STEP, "0")),
                Map.of("A/B", new EquityCurve.Closes(0, new double[]{9, 8})));
        // short 2 at 10: candle 0 close 9 -> 100 + 2 x (10 - 9) - 0.02 = 101.98; candle 1 close 8 -> 103.98
        assertThat(c.equity()).containsExactly(new double[]{101.98, 103.98}, within(1e-12));
    }
}
