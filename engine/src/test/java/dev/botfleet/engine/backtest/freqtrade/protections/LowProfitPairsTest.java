package dev.botfleet.engine.backtest.freqtrade.protections;

import static dev.botfleet.engine.backtest.freqtrade.protections.Exits.at;
import static dev.botfleet.engine.backtest.freqtrade.protections.Exits.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** LowProfitPairs: the exited pair's summed profit ratio in the window against required_profit. */
class LowProfitPairsTest {

    /** Freqtrade's docs example: 2 trades within 6 candles below 2% lock the pair for 60 minutes. */
    private static ProtectionConfig docsExample() {
        return config("LowProfitPairs",
                "lookback_period_candles", 6, "trade_limit", 2, "stop_duration", 60, "required_profit", 0.02);
    }

    @Test
    void twoTradesSummingBelowTheRequiredProfitLockThePair() {
        Exits run = new Exits(5, docsExample());

        run.exit("LTC/BTC", at(10, 0), 0.01, "roi");
        assertThat(run.locks()).isEmpty(); // one trade < trade_limit 2, although 0.01 < 0.02

        run.exit("LTC/BTC", at(10, 10), 0.005, "roi");

        // Window (9:40, 10:10]: 0.01 + 0.005 = 0.015 < 0.02. 10:10 + 60 min = 11:10 -> 11:15.
        assertThat(run.locks()).containsExactly(new Lock("LTC/BTC", at(10, 10), at(11, 15),
                "0.015 < 0.02 in 6 candles, locking for 60 minutes.", "*"));
        assertThat(run.locked("LTC/BTC", at(11, 15))).isTrue();
        assertThat(run.locked("LTC/BTC", at(11, 20))).isFalse();
        assertThat(run.locked("ETH/BTC", at(10, 15))).isFalse();
    }

    @Test
    void aTradeOnTheWindowsStartNoLongerCounts() {
        Exits run = new Exits(5, docsExample());

        run.exit("LTC/BTC", at(10, 0), 0.01, "roi");
        // At 10:30 the window is (10:00, 10:30]: the 10:00 trade sits on its edge, so only one trade -> no lock.
        run.exit("LTC/BTC", at(10, 30), 0.005, "roi");

        assertThat(run.locks()).isEmpty();
    }

    @Test
    void otherPairsTradesAreNotSummed() {
        Exits run = new Exits(5, docsExample());

        run.exit("LTC/BTC", at(10, 0), -0.01, "roi");
        run.exit("ETH/BTC", at(10, 5), -0.01, "roi");

        assertThat(run.locks()).isEmpty(); // each pair has one trade
    }

    @Test
    void onlyPerSideSumsTheExitedSideButCountsBothSides() {
        Exits run = new Exits(5, config("LowProfitPairs",
                "trade_limit", 2, "only_per_side", true, "stop_duration_candles", 1));

        run.exitShort("LTC/BTC", at(10, 0), 0.15, "roi");
        // Two trades on the pair (one short): the count passes; the long side alone sums -0.2 < 0.0.
        run.exit("LTC/BTC", at(10, 5), -0.2, "stop_loss");

        // 10:05 + 5 min = 10:10 -> 10:15; only longs are locked.
        assertThat(run.locks()).containsExactly(new Lock("LTC/BTC", at(10, 5), at(10, 15),
                "-0.2 < 0.0 in 60 minutes, locking for 1 candle.", "long"));
        assertThat(run.locked("LTC/BTC", at(10, 10))).isTrue();
        assertThat(run.lockedShort("LTC/BTC", at(10, 10))).isFalse();
    }

    @Test
    void withoutOnlyPerSideBothSidesAreSummed() {
        Exits run = new Exits(5, config("LowProfitPairs", "trade_limit", 2));

        run.exitShort("LTC/BTC", at(10, 0), 0.15, "roi");
        run.exit("LTC/BTC", at(10, 5), -0.2, "stop_loss");

        // 0.15 + -0.2 = -0.05000000000000002 in binary floating point (what Python prints too).
        assertThat(0.15 + -0.2).isEqualTo(-0.05000000000000002);
        assertThat(run.locks()).extracting(Lock::reason, Lock::side).containsExactly(
                tuple(
                        "-0.05000000000000002 < 0.0 in 60 minutes, locking for 60 minutes.", "*"));
    }

    @Test
    void zeroProfitTradesAreSkippedSoTheSumCanStayPythonsIntegerZero() {
        Exits run = new Exits(5, config("LowProfitPairs", "required_profit", 0.01));

        run.exit("LTC/BTC", at(10, 0), 0.0, "exit_signal");

        // One trade (trade_limit 1), nothing summed: Python's sum() is the int 0, printed "0"; 0 < 0.01 locks.
        assertThat(run.locks()).extracting(Lock::reason)
                .containsExactly("0 < 0.01 in 60 minutes, locking for 60 minutes.");
    }

    @Test
    void anIntegerRequiredProfitPrintsAsAnInteger() {
        Exits run = new Exits(5, config("LowProfitPairs", "required_profit", 0));

        run.exit("LTC/BTC", at(10, 0), -0.25, "roi");

        assertThat(run.locks()).extracting(Lock::reason)
                .containsExactly("-0.25 < 0 in 60 minutes, locking for 60 minutes.");
    }
}
