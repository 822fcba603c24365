package dev.botfleet.server.backtest.portfolio;

import dev.botfleet.engine.backtest.freqtrade.ExitType;
import dev.botfleet.engine.backtest.freqtrade.FreqtradeTrade;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The config's protections as the loop's locks: a partial exit runs them again, as Freqtrade does. */
class ProtectionLocksTest {
    private static final long T0 = 1_515_974_400_000L;  // 2018-01-15T00:00Z

    private static long at(int minutes) {
        return T0 + minutes * 60_000L;
    }

    @Test
    void aPartialExitRunsTheProtectionsWithTheWindowMovedOn() {
        // LowProfitPairs over 6 candles of 5m (30 min), 1 candle's lock. A winner closes at 0:00 (+0.05) and a loser
        // at 0:20 (-0.01): together >= 0, no lock. At a partial exit at 0:35 the window (0:05, 0:35] holds only
        // the loser: -0.01 < 0 locks the pair from 0:35 until 0:20 + 5 min, rounded to the next candle: 0:30.
        ProtectionLocks locks = new ProtectionLocks(List.of(Map.of("method", "LowProfitPairs",
                "lookback_period_candles", 6, "stop_duration_candles", 1)), 5, 1000);
        locks.onExit("LTC/BTC", trade(at(-60), at(0), 0.05, "5"), at(0));
        locks.onExit("LTC/BTC", trade(at(-30), at(20), -0.01, "-1"), at(20));
        assertThat(locks.locks()).isEmpty();

        locks.onPartialExit("LTC/BTC", false, at(35));

        assertThat(locks.locks()).hasSize(1);
        assertThat(locks.locks().getFirst().pair()).isEqualTo("LTC/BTC");
        assertThat(locks.locks().getFirst().from()).isEqualTo(at(35));
        assertThat(locks.locks().getFirst().until()).isEqualTo(at(30));
    }

    private static FreqtradeTrade trade(long open, long close, double ratio, String abs) {
        BigDecimal one = BigDecimal.ONE;
        return new FreqtradeTrade("LTC/BTC", open, close, one, one, one, one, BigDecimal.ZERO, BigDecimal.ZERO, ratio,
                new BigDecimal(abs), ExitType.EXIT_SIGNAL, "exit_signal", null, false, 1, one, one, one, -1, one, -1,
                List.of());
    }
}
