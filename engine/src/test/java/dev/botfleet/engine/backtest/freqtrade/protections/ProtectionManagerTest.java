package dev.botfleet.engine.backtest.freqtrade.protections;

import static dev.botfleet.engine.backtest.freqtrade.protections.Exits.at;
import static dev.botfleet.engine.backtest.freqtrade.protections.Exits.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manager: evaluation order, lock de-duplication, lock expiry, the contract with the loop. */
class ProtectionManagerTest {

    @Test
    void noProtectionsNeverLock() {
        Exits run = new Exits(5);

        run.exit("LTC/BTC", at(10, 0), -0.5, "stop_loss");

        assertThat(run.locks()).isEmpty();
        assertThat(run.locked("LTC/BTC", at(10, 5))).isFalse();
    }

    @Test
    void severalProtectionsPerPairFirstInListOrderThenGlobal() {
        Exits run = new Exits(5,
                config("MaxDrawdown", "trade_limit", 2, "max_allowed_drawdown", 0.05, "stop_duration_candles", 4),
                config("CooldownPeriod", "stop_duration_candles", 1),
                config("StoplossGuard", "trade_limit", 2, "stop_duration_candles", 2),
                config("LowProfitPairs", "trade_limit", 2, "stop_duration_candles", 6));

        run.exit("LTC/BTC", at(10, 0), 0.125, "roi");
        run.exit("LTC/BTC", at(10, 10), -0.0625, "stop_loss");
        run.exit("LTC/BTC", at(10, 20), -0.125, "stop_loss");

        // 10:00  Cooldown: 10:05 -> 10:10. LowProfit: 1 trade. MaxDrawdown: 1 trade. Guard: no stop.
        // 10:10  Cooldown: 10:15 -> 10:20. LowProfit: 0.125 - 0.0625 = 0.0625 >= 0. Guard: 1 stop.
        //        MaxDrawdown: sums 0.125, 0.0625 -> 0.0625 > 0.05: global, 10:10 + 20 = 10:30 -> 10:35.
        // 10:20  per pair: Cooldown 10:25 is covered by the global lock (10:35 >= 10:25): none.
        //        Guard: 2 stops, 10:20 + 10 = 10:30, also covered by the 10:35 global lock: none.
        //        LowProfit: 0.125 - 0.0625 - 0.125 = -0.0625 < 0: 10:20 + 30 = 10:50 -> 10:55.
        //        global: MaxDrawdown sums 0.125, 0.0625, -0.0625 -> 0.1875; 10:20 + 20 = 10:40 -> 10:45.
        //        Guard: 2 stops, 10:30 again, covered by the new 10:45 lock: none.
        assertThat(run.locks()).extracting(Lock::pair, Lock::from, Lock::until, Lock::reason).containsExactly(
                tuple("LTC/BTC", at(10, 0), at(10, 10), "Cooldown period for for 1 candle."),
                tuple("LTC/BTC", at(10, 10), at(10, 20), "Cooldown period for for 1 candle."),
                tuple("*", at(10, 10), at(10, 35), "0.0625 passed 0.05 in 60 minutes, locking for 4 candles."),
                tuple("LTC/BTC", at(10, 20), at(10, 55), "-0.0625 < 0.0 in 60 minutes, locking for 6 candles."),
                tuple("*", at(10, 20), at(10, 45), "0.1875 passed 0.05 in 60 minutes, locking for 4 candles."));
        assertThat(run.locked("ETH/BTC", at(10, 45))).isTrue();
        assertThat(run.locked("ETH/BTC", at(10, 50))).isFalse();
        assertThat(run.locked("LTC/BTC", at(10, 55))).isTrue();
        assertThat(run.locked("LTC/BTC", at(11, 0))).isFalse();
    }

    @Test
    void aLockEndingExactlyAtTheEntryCandleStillBlocksIt() {
        Exits run = new Exits(60, config("CooldownPeriod", "stop_duration_candles", 1));

        run.exit("LTC/BTC", at(10, 0), 0.01, "roi");

        // 10:00 + 1 h = 11:00 -> 12:00 (strictly after); still locked at 12:00 (lock_end_time >= now).
        assertThat(run.locks().getFirst().until()).isEqualTo(at(12, 0));
        assertThat(run.locked("LTC/BTC", at(12, 0))).isTrue();
        assertThat(run.locked("LTC/BTC", at(12, 0) + 1)).isFalse();
        assertThat(run.locked("LTC/BTC", at(13, 0))).isFalse();
    }

    @Test
    void aPartialExitReEvaluatesWithTheWindowMovedOn() {
        ProtectionManager manager = new ProtectionManager(List.of(config("LowProfitPairs",
                "lookback_period_candles", 6, "stop_duration_candles", 1)), 5, 1000);
        List<ClosedTrade> closed = new ArrayList<>();
        ClosedTrade winner = new ClosedTrade("LTC/BTC", at(9, 0), at(10, 0), 0.05, 5, "roi", false);
        ClosedTrade loser = new ClosedTrade("LTC/BTC", at(9, 30), at(10, 20), -0.01, -1, "exit_signal", false);
        closed.add(winner);
        manager.onExit(winner, closed, at(10, 0));
        closed.add(loser);
        manager.onExit(loser, closed, at(10, 20));
        assertThat(manager.locks()).isEmpty(); // 0.05 - 0.01 >= 0

        // At 10:35 the window (10:05, 10:35] holds only the loser: -0.01 < 0. 10:20 + 5 = 10:25 -> 10:30: a lock
        // that has already ended, as Freqtrade records it too (its end is measured from the last trade's close).
        manager.onPartialExit("LTC/BTC", false, closed, at(10, 35));

        assertThat(manager.locks()).containsExactly(new Lock("LTC/BTC", at(10, 35), at(10, 30),
                "-0.01 < 0.0 in 6 candles, locking for 1 candle.", "*"));
    }

    @Test
    void theLoopMustPassTheClosedTradesEndingWithTheOneThatClosed() {
        ProtectionManager manager = new ProtectionManager(List.of(config("CooldownPeriod")), 5, 1000);
        ClosedTrade a = new ClosedTrade("LTC/BTC", at(9, 0), at(10, 0), 0.01, 1, "roi", false);
        ClosedTrade b = new ClosedTrade("ETH/BTC", at(9, 0), at(10, 5), 0.01, 1, "roi", false);

        assertThatThrownBy(() -> manager.onExit(a, List.of(), at(10, 0)))
                .hasMessageContaining("closedSoFar must end with the trade that just closed (LTC/BTC");
        manager.onExit(b, List.of(a, b), at(10, 5));
        assertThatThrownBy(() -> manager.onExit(a, List.of(a), at(10, 5)))
                .hasMessageContaining("closedSoFar holds 1 trades, fewer than the 2 of the previous call");
    }

    @Test
    void badManagerArgumentsAreRefusedByName() {
        assertThatThrownBy(() -> new ProtectionManager(List.of(), 0, 1000))
                .hasMessage("timeframeMinutes must be >= 1, was 0");
        assertThatThrownBy(() -> new ProtectionManager(List.of(), 5, 0))
                .hasMessage("startingBalance must be a positive number, was 0.0");
        assertThatThrownBy(() -> new ProtectionManager(List.of(config("Cooldown")), 5, 1000))
                .hasMessageStartingWith("protections[0].method \"Cooldown\" is not a protection");
    }
}
