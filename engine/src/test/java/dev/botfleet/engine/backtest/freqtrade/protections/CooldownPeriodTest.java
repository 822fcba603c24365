package dev.botfleet.engine.backtest.freqtrade.protections;

import static dev.botfleet.engine.backtest.freqtrade.protections.Exits.at;
import static dev.botfleet.engine.backtest.freqtrade.protections.Exits.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** CooldownPeriod: the pair alone, both sides, from the exit's close, rounded up to the next candle. */
class CooldownPeriodTest {

    @Test
    void twoCandlesAfterAnExitAt1000LockThePairUntilThe1015CandleIncluded() {
        Exits run = new Exits(5, config("CooldownPeriod", "stop_duration_candles", 2));

        run.exit("LTC/BTC", at(10, 0), 0.03, "roi");

        // 10:00 + 2 × 5 min = 10:10, on a boundary, so the next boundary is 10:15; a lock holds while end >= now.
        assertThat(run.locks()).containsExactly(
                new Lock("LTC/BTC", at(10, 0), at(10, 15), "Cooldown period for for 2 candles.", "*"));
        assertThat(run.locked("LTC/BTC", at(10, 5))).isTrue();
        assertThat(run.locked("LTC/BTC", at(10, 15))).isTrue();
        assertThat(run.lockedShort("LTC/BTC", at(10, 15))).isTrue();
        assertThat(run.locked("LTC/BTC", at(10, 20))).isFalse();
        assertThat(run.locked("ETH/BTC", at(10, 5))).isFalse();
    }

    @Test
    void minutesThatEndInsideACandleRoundUpToItsEnd() {
        Exits run = new Exits(5, config("CooldownPeriod", "stop_duration", 7));

        run.exit("LTC/BTC", at(10, 0), -0.01, "exit_signal");

        // 10:00 + 7 min = 10:07 -> next 5m boundary 10:10.
        assertThat(run.locks()).extracting(Lock::until, Lock::reason)
                .containsExactly(tuple(at(10, 10), "Cooldown period for for 7 minutes."));
        assertThat(run.locked("LTC/BTC", at(10, 10))).isTrue();
        assertThat(run.locked("LTC/BTC", at(10, 15))).isFalse();
    }

    @Test
    void withoutAStopDurationTheLockLasts60MinutesFromACloseOffTheGrid() {
        // An exit inside a candle (timeframe-detail) at 10:03: 11:03 -> next 5m boundary 11:05.
        Exits run = new Exits(5, config("CooldownPeriod"));

        run.exit("LTC/BTC", at(10, 3), 0.01, "roi");

        assertThat(run.locks().getFirst().until()).isEqualTo(at(11, 5));
        assertThat(run.locks().getFirst().reason()).isEqualTo("Cooldown period for for 60 minutes.");
    }

    @Test
    void unlockAtEndsAtTheNextSuchTimeOfDayRoundedUpToTheNextCandle() {
        Exits run = new Exits(5, config("CooldownPeriod", "unlock_at", "05:00"));

        // 22:00 is after 05:00, so the lock runs to 05:00 the next day, then to the candle after: 05:05.
        run.exit("LTC/BTC", at(22, 0), 0.02, "roi");
        // 00:30 is before 05:00 the same day.
        run.exit("ETH/BTC", at(24 + 24, 30), 0.02, "roi");

        assertThat(run.locks()).extracting(Lock::until)
                .containsExactly(at(24 + 5, 5), at(48 + 5, 5));
        assertThat(run.locks().getFirst().reason()).isEqualTo("Cooldown period for until 05:00.");
        assertThat(run.locked("LTC/BTC", at(24 + 4, 59))).isTrue();
        assertThat(run.locked("LTC/BTC", at(24 + 5, 5))).isTrue(); // the backtest's >=
        assertThat(run.locked("LTC/BTC", at(24 + 5, 10))).isFalse();
    }

    @Test
    void unlockAtKeepsTheClosesSecondsAsPythonsReplaceDoes() {
        Exits run = new Exits(1, config("CooldownPeriod", "unlock_at", "5:00"));

        // 10:07:30 -> 05:00:30 the next day -> the next 1m boundary is 05:01.
        run.exit("LTC/BTC", at(10, 7) + 30_000, 0.02, "roi");

        assertThat(run.locks().getFirst().until()).isEqualTo(at(24 + 5, 1));
    }

    @Test
    void aLaterExitExtendsTheLockButAShorterCooldownAddsNone() {
        Exits run = new Exits(5,
                config("CooldownPeriod", "stop_duration_candles", 3),
                config("CooldownPeriod", "stop_duration_candles", 2));

        run.exit("LTC/BTC", at(10, 0), 0.01, "roi");
        // First: 10:15 -> 10:20. Second: raw end 10:10 is covered by the 10:20 lock, so it adds nothing.
        assertThat(run.locks()).extracting(Lock::until).containsExactly(at(10, 20));

        run.exit("LTC/BTC", at(10, 30), 0.01, "roi");
        // 10:30 + 15 = 10:45 -> 10:50 (the old lock ended before 10:45, so a new one is set).
        assertThat(run.locks()).extracting(Lock::until).containsExactly(at(10, 20), at(10, 50));
    }
}
