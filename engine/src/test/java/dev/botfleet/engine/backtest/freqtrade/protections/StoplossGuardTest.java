package dev.botfleet.engine.backtest.freqtrade.protections;

import static dev.botfleet.engine.backtest.freqtrade.protections.Exits.at;
import static dev.botfleet.engine.backtest.freqtrade.protections.Exits.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** StoplossGuard: counting losing stop losses in the window, per pair, globally and per side. */
class StoplossGuardTest {

    @Test
    void theThirdStopLossInsideTheWindowLocksEveryPairFromTheLastOne() {
        Exits run = new Exits(5, config("StoplossGuard",
                "lookback_period", 60, "stop_duration", 40, "trade_limit", 3));

        run.exit("LTC/BTC", at(10, 0), -0.05, "stop_loss");
        run.exit("ETH/BTC", at(10, 30), -0.05, "stop_loss");
        // At 11:00 the window is (10:00, 11:00]: the 10:00 stop is on its edge and does not count -> 2 < 3.
        run.exit("XRP/BTC", at(11, 0), -0.05, "stop_loss");
        assertThat(run.locks()).isEmpty();

        // At 11:05 the window (10:05, 11:05] holds 10:30, 11:00 and 11:05: 3 stops. Each pair has only one of them.
        run.exit("ADA/BTC", at(11, 5), -0.02, "trailing_stop_loss");

        // 11:05 + 40 min = 11:45 -> 11:50.
        assertThat(run.locks()).containsExactly(
                new Lock("*", at(11, 5), at(11, 50), "3 stoplosses in 60 min, locking for 40 minutes.", "*"));
        assertThat(run.locked("NEO/BTC", at(11, 50))).isTrue();
        assertThat(run.lockedShort("NEO/BTC", at(11, 50))).isTrue();
        assertThat(run.locked("NEO/BTC", at(11, 55))).isFalse();
    }

    @Test
    void onlyLosingStopLossesCountAndAProfitOfExactlyZeroNever() {
        Exits run = new Exits(5, config("StoplossGuard", "lookback_period_candles", 24, "trade_limit", 2));

        run.exit("LTC/BTC", at(10, 0), -0.05, "roi");                 // not a stop loss
        run.exit("ETH/BTC", at(10, 5), 0.0, "stop_loss");             // profit 0: Freqtrade's `close_profit and ...`
        run.exit("XRP/BTC", at(10, 10), 0.01, "trailing_stop_loss");  // a winning trailing stop
        run.exit("ADA/BTC", at(10, 15), -0.01, "exit_signal");
        run.exit("NEO/BTC", at(10, 20), -0.03, "stoploss_on_exchange");
        assertThat(run.locks()).isEmpty();

        run.exit("TRX/BTC", at(10, 25), -0.5, "liquidation");

        // 2 counted; default stop_duration 60 min: 10:25 + 60 = 11:25 -> 11:30. The reason states the lookback in
        // minutes even when given in candles (24 × 5).
        assertThat(run.locks()).containsExactly(
                new Lock("*", at(10, 25), at(11, 30), "2 stoplosses in 120 min, locking for 60 minutes.", "*"));
    }

    @Test
    void requiredProfitCountsStopsBelowIt() {
        Exits run = new Exits(5, config("StoplossGuard",
                "trade_limit", 1, "required_profit", 0.02, "stop_duration_candles", 1, "only_per_pair", true));

        run.exit("LTC/BTC", at(10, 0), 0.01, "trailing_stop_loss"); // 0.01 < 0.02
        run.exit("ETH/BTC", at(10, 0), 0.03, "trailing_stop_loss"); // 0.03 >= 0.02

        assertThat(run.locks()).extracting(Lock::pair, Lock::until)
                .containsExactly(tuple("LTC/BTC", at(10, 10)));
    }

    @Test
    void onlyPerPairCountsThePairsOwnStopsAndNeverLocksGlobally() {
        Exits run = new Exits(5, config("StoplossGuard",
                "lookback_period_candles", 12, "trade_limit", 2, "stop_duration_candles", 3, "only_per_pair", true));

        run.exit("LTC/BTC", at(10, 0), -0.05, "stop_loss");
        run.exit("ETH/BTC", at(10, 5), -0.05, "stop_loss");
        assertThat(run.locks()).isEmpty(); // 2 stops, but one per pair

        run.exit("LTC/BTC", at(10, 30), -0.05, "stop_loss");

        // LTC: 10:00 and 10:30 inside (9:30, 10:30]; 10:30 + 15 min = 10:45 -> 10:50.
        assertThat(run.locks()).containsExactly(
                new Lock("LTC/BTC", at(10, 30), at(10, 50), "2 stoplosses in 60 min, locking for 3 candles.", "*"));
        assertThat(run.locked("ETH/BTC", at(10, 35))).isFalse();
    }

    @Test
    void onlyPerSideCountsAndLocksTheExitedSideOnly() {
        Exits run = new Exits(5, config("StoplossGuard", "trade_limit", 2, "only_per_side", true));

        run.exit("LTC/BTC", at(10, 0), -0.05, "stop_loss");
        run.exit("ETH/BTC", at(10, 5), -0.05, "stop_loss");
        run.exitShort("ETH/BTC", at(10, 10), -0.05, "stop_loss");

        // At 10:05 two long stops (one per pair): a global lock on longs, 10:05 + 60 = 11:05 -> 11:10.
        // At 10:10 the short stop is the only short one: nothing.
        assertThat(run.locks()).containsExactly(
                new Lock("*", at(10, 5), at(11, 10), "2 stoplosses in 60 min, locking for 60 minutes.", "long"));
        assertThat(run.locked("XRP/BTC", at(10, 30))).isTrue();
        assertThat(run.lockedShort("XRP/BTC", at(10, 30))).isFalse();
    }

    @Test
    void theLockRunsFromTheLastStopLossAndALaterExitDoesNotAddASecondOne() {
        Exits run = new Exits(5, config("StoplossGuard", "trade_limit", 2, "stop_duration_candles", 2));

        run.exit("LTC/BTC", at(10, 0), -0.05, "stop_loss");
        run.exit("ETH/BTC", at(10, 10), -0.05, "stop_loss");
        // Still 2 stops at 10:20; their lock would end 10:10 + 10 min = 10:20 <= the 10:25 lock already set.
        run.exit("XRP/BTC", at(10, 20), 0.04, "roi");

        assertThat(run.locks()).extracting(Lock::pair, Lock::from, Lock::until)
                .containsExactly(tuple("*", at(10, 10), at(10, 25)));
    }
}
