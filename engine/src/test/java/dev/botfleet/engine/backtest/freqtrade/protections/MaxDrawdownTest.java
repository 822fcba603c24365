package dev.botfleet.engine.backtest.freqtrade.protections;

import static dev.botfleet.engine.backtest.freqtrade.protections.Exits.at;
import static dev.botfleet.engine.backtest.freqtrade.protections.Exits.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MaxDrawdown: the running sum of profit ratios over all pairs, its largest fall, a global lock. */
class MaxDrawdownTest {

    private static ClosedTrade trade(long close, double profit) {
        return new ClosedTrade("LTC/BTC", close - 60_000, close, profit, 0, "roi", false);
    }

    @Test
    void drawdownIsTheLargestFallOfTheRunningSumFromItsHigh() {
        // Running sum 0.25, 0.125, -0.125, -0.0625; high 0.25 throughout; falls 0, 0.125, 0.375, 0.3125.
        double dd = MaxDrawdown.drawdown(List.of(trade(at(1, 0), 0.25), trade(at(2, 0), -0.125),
                trade(at(3, 0), -0.25), trade(at(4, 0), 0.0625)));

        assertThat(dd).isEqualTo(0.375);
    }

    @Test
    void theFirstTradesOwnLossIsNotPartOfTheDrawdown() {
        // Freqtrade's high starts at the first trade's sum (-0.5), not at 0: falls 0, 0.25 -> 0.25, not 0.75.
        assertThat(MaxDrawdown.drawdown(List.of(trade(at(1, 0), -0.5), trade(at(2, 0), -0.25)))).isEqualTo(0.25);
        assertThat(MaxDrawdown.drawdown(List.of(trade(at(1, 0), -0.5)))).isEqualTo(0.0);
        assertThat(MaxDrawdown.drawdown(List.of(trade(at(1, 0), 0.125), trade(at(2, 0), 0.25)))).isEqualTo(0.0);
    }

    @Test
    void tradesAreOrderedByCloseTimeNotByClosingOrder() {
        // Closing order 0.5, -0.25, +0.5 would fall 0.25. By close time: -0.25 (1:00), 0.5 (2:00), 0.5 (3:00) never
        // falls from its high.
        double dd = MaxDrawdown.drawdown(List.of(trade(at(2, 0), 0.5), trade(at(1, 0), -0.25),
                trade(at(3, 0), 0.5)));

        assertThat(dd).isEqualTo(0.0);
    }

    @Test
    void tradesClosingTogetherTakeNumpysUnstableOrderFromSeventeenOn() {
        // 17 trades closing at 10:00: numpy orders them 0, 14, 13, 12, 11, 10, 9, 15, 8, 6, 5, 4, 3, 2, 1, 7, 16.
        // Trades 6 (-0.25), 7 (+0.5) and 8 (-0.25), the rest 0: in closing order the sum falls 0.25, rises, falls
        // 0.25 (drawdown 0.25); in numpy's order 8 and 6 come together (falls 0.5) and 7 comes last.
        List<ClosedTrade> seventeen = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            seventeen.add(trade(at(10, 0), i == 7 ? 0.5 : i == 6 || i == 8 ? -0.25 : 0.0));
        }

        assertThat(MaxDrawdown.drawdown(seventeen)).isEqualTo(0.5);
        // With 16 the insertion sort keeps closing order.
        assertThat(MaxDrawdown.drawdown(seventeen.subList(0, 16))).isEqualTo(0.25);
    }

    @Test
    void aDrawdownAboveTheLimitLocksEveryPairAfterTheTradeLimitIsReached() {
        Exits run = new Exits(5, config("MaxDrawdown",
                "lookback_period", 1000, "stop_duration", 60, "trade_limit", 3, "max_allowed_drawdown", 0.15));

        run.exit("LTC/BTC", at(1, 0), 0.25, "roi");
        run.exit("ETH/BTC", at(2, 0), -0.25, "stop_loss"); // fall 0.25 > 0.15, but only 2 trades < trade_limit 3
        assertThat(run.locks()).isEmpty();

        run.exit("XRP/BTC", at(3, 0), -0.125, "stop_loss");

        // Sums 0.25, 0, -0.125: fall 0.375. 03:00 + 60 min = 04:00 -> 04:05. Never a lock per pair.
        assertThat(run.locks()).containsExactly(new Lock("*", at(3, 0), at(4, 5),
                "0.375 passed 0.15 in 1000 minutes, locking for 60 minutes.", "*"));
        assertThat(run.locked("ADA/BTC", at(4, 5))).isTrue();
        assertThat(run.locked("ADA/BTC", at(4, 10))).isFalse();
    }

    @Test
    void tradesOutsideTheWindowAreForgotten() {
        Exits run = new Exits(5, config("MaxDrawdown",
                "lookback_period_candles", 12, "trade_limit", 2, "max_allowed_drawdown", 0.1, "stop_duration", 5));

        run.exit("LTC/BTC", at(10, 0), 0.5, "roi");
        run.exit("LTC/BTC", at(10, 30), -0.125, "roi");
        assertThat(run.locks()).hasSize(1); // at 10:30 the window (9:30, 10:30] still holds 0.5: fall 0.125
        run.exit("LTC/BTC", at(11, 0), -0.125, "roi");

        // At 10:30: 0.5, 0.375 -> 0.125 passed 0.1; 10:30 + 5 = 10:35 -> 10:40.
        // At 11:00 the window (10:00, 11:00] has lost the 0.5 high: sums -0.125, -0.25 -> 0.125 passed 0.1;
        // 11:00 + 5 = 11:05 -> 11:10.
        assertThat(run.locks()).extracting(Lock::until, Lock::reason).containsExactly(
                tuple(at(10, 40), "0.125 passed 0.1 in 12 candles, locking for 5 minutes."),
                tuple(at(11, 10), "0.125 passed 0.1 in 12 candles, locking for 5 minutes."));
    }
}
