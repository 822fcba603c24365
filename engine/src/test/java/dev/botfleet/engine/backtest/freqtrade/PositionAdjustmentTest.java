package dev.botfleet.engine.backtest.freqtrade;

import static dev.botfleet.engine.backtest.freqtrade.Bars.at;
import static dev.botfleet.engine.backtest.freqtrade.Bars.flat;
import static dev.botfleet.engine.backtest.freqtrade.Bars.hourly;
import static dev.botfleet.engine.backtest.freqtrade.Bars.longSignals;
import static dev.botfleet.engine.backtest.freqtrade.Bars.spot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Position adjustment (semantics §2.7, recalc_trade_from_orders). Fee 0, fixed stake 100, wallet 1000, a wide stop
 * (−0.9) so only the callback and the exit signal act. A signal on row i acts at the open of row i+1.
 */
class PositionAdjustmentTest {

    private static FreqtradeSettings settings(int maxExtraEntries, FreqtradeCallbacks.AdjustTradePosition callback) {
        return spot().stakeAmount(100).startingBalance(1000).stoploss(-0.9).positionAdjustmentEnable(true)
                .maxEntryPositionAdjustment(maxExtraEntries)
                .callbacks(FreqtradeCallbacks.defaults().withAdjustTradePosition(callback)).build();
    }

    private static PortfolioResult run(FreqtradeSettings settings, PairData pair) {
        return new PortfolioBacktest(settings).run(List.of(pair));
    }

    /** 10, 10, 5, 5, 8, 8: entry at 10 (row 1), exit signal on row 3 exits at row 4's open, 8. */
    private static PairData dip() {
        return new PairData("A/USDT", hourly(flat(10), flat(10), flat(5), flat(5), flat(8), flat(8)),
                longSignals(6, new int[] {0}, new int[] {3}));
    }

    @Test
    void anAddedEntryAveragesTheOpenRateAndTheProfitIsOverBothEntries() {
        // Row 1: 100 / 10 = 10 units. Row 2 (open 5): +100 stake = 20 units. Average = 200 / 30 = 6.666…6 (18 digits,
        // truncated) = 6.666666666666667 as a double; stake 200. Exit 30 at 8 = 240: profit 240 − 30 × 6.666666666666667
        // (= 200.00000000000001, 200.0 as a double) = 40, over the entries' value 200: ratio 0.2.
        FreqtradeSettings settings = settings(-1, (trade, time, rate, profit, min, max) ->
                time == at(2) ? FreqtradeCallbacks.PositionChange.of(100) : null);

        PortfolioResult result = run(settings, dip());

        FreqtradeTrade trade = result.trades().getFirst();
        assertThat(trade.openRate()).isEqualByComparingTo("6.666666666666667");
        assertThat(trade.amount()).isEqualByComparingTo("30");
        assertThat(trade.stakeAmount()).isEqualByComparingTo("200");
        assertThat(trade.profitAbs()).isEqualByComparingTo("40");
        assertThat(trade.profitRatio()).isEqualTo(0.2);
        assertThat(trade.exitReason()).isEqualTo("exit_signal");
        assertThat(trade.orders()).extracting(FreqtradeOrder::side, FreqtradeOrder::price, FreqtradeOrder::amount)
                .containsExactly(
                        tuple(FreqtradeOrder.Side.ENTRY, new BigDecimal("10.0"),
                                new BigDecimal("10.0")),
                        tuple(FreqtradeOrder.Side.ENTRY, new BigDecimal("5.0"),
                                new BigDecimal("20.0")),
                        tuple(FreqtradeOrder.Side.EXIT, new BigDecimal("8.0"),
                                new BigDecimal("30.0")));
        assertThat(result.finalWallet()).isEqualTo(1040.0);
    }

    @Test
    void maxEntryPositionAdjustmentCapsTheExtraEntries() {
        FreqtradeCallbacks.AdjustTradePosition always = (trade, time, rate, profit, min, max) ->
                FreqtradeCallbacks.PositionChange.of(100);

        // One extra entry allowed. The callback is asked on the entry candle too (the exit check runs there), so the
        // extra entry is row 1's, at 10: 20 units, stake 200, sold at 8 = 160: −40. Rows 2-4 add nothing.
        FreqtradeTrade once = run(settings(1, always), dip()).trades().getFirst();
        // None allowed: 10 units from 10 sold at 8: −20.
        FreqtradeTrade never = run(settings(0, always), dip()).trades().getFirst();

        assertThat(once.orders()).filteredOn(FreqtradeOrder::isEntry).extracting(FreqtradeOrder::fillTime)
                .containsExactly(at(1), at(1));
        assertThat(once.profitAbs()).isEqualByComparingTo("-40");
        assertThat(never.orders()).filteredOn(FreqtradeOrder::isEntry).hasSize(1);
        assertThat(never.profitAbs()).isEqualByComparingTo("-20");
    }

    @Test
    void aPartialExitRealizesProfitAtTheAveragePriceAndKeepsTheRest() {
        // Row 1: 10 units at 10 (stake 100). Row 2 opens at 20: −50 stake sells 50 × 10 / 100 = 5 units at 20,
        // realizing 5 × 20 − 5 × 10 = 50; 5 units and stake 50 remain. The exit signal of row 3 sells them at row 4's
        // open, 20: another 50. profit_abs = 50 + 50 = 100, over the entry value 100: ratio 1.0. Wallet 1100.
        PairData rally = new PairData("A/USDT", hourly(flat(10), flat(10), flat(20), flat(20), flat(20)),
                longSignals(5, new int[] {0}, new int[] {3}));
        FreqtradeSettings settings = settings(-1, (trade, time, rate, profit, min, max) ->
                time == at(2) ? new FreqtradeCallbacks.PositionChange(-50, "take half") : null);

        PortfolioResult result = run(settings, rally);

        FreqtradeTrade trade = result.trades().getFirst();
        assertThat(trade.orders()).extracting(FreqtradeOrder::side, FreqtradeOrder::amount, FreqtradeOrder::tag)
                .containsExactly(
                        tuple(FreqtradeOrder.Side.ENTRY, new BigDecimal("10.0"), null),
                        tuple(FreqtradeOrder.Side.EXIT, new BigDecimal("5.0"),
                                "take half"),
                        tuple(FreqtradeOrder.Side.EXIT, new BigDecimal("5.0"),
                                "exit_signal"));
        assertThat(trade.stakeAmount()).isEqualByComparingTo("50");
        assertThat(trade.profitAbs()).isEqualByComparingTo("100");
        assertThat(trade.profitRatio()).isEqualTo(1.0);
        assertThat(trade.closeTime()).isEqualTo(at(4));
        assertThat(result.finalWallet()).isEqualTo(1100.0);
    }

    @Test
    void sellingTheWholeStakeClosesTheTradeAndSellingMoreIsIgnored() {
        PairData rally = new PairData("A/USDT", hourly(flat(10), flat(10), flat(20), flat(20)),
                longSignals(4, new int[] {0}, new int[] {}));
        FreqtradeSettings whole = settings(-1, (trade, time, rate, profit, min, max) ->
                time == at(2) ? FreqtradeCallbacks.PositionChange.of(-100) : null);
        FreqtradeSettings more = settings(-1, (trade, time, rate, profit, min, max) ->
                time == at(2) ? FreqtradeCallbacks.PositionChange.of(-150) : null);

        // −100 = the whole stake: 10 units sold at 20 on row 2, profit 200 − 100 = 100.
        FreqtradeTrade closed = run(whole, rally).trades().getFirst();
        // −150 is more than the stake (Freqtrade ignores it): held until the force exit on row 3.
        FreqtradeTrade ignored = run(more, rally).trades().getFirst();

        assertThat(closed.exitType()).isEqualTo(ExitType.PARTIAL_EXIT);
        assertThat(closed.exitReason()).isEqualTo("partial_exit");
        assertThat(closed.closeTime()).isEqualTo(at(2));
        assertThat(closed.profitAbs()).isEqualByComparingTo("100");
        assertThat(ignored.exitType()).isEqualTo(ExitType.FORCE_EXIT);
        assertThat(ignored.orders()).hasSize(2);
    }

    @Test
    void profitRealizedByAPartialExitIsInTheWalletForTheNextPairsStake() {
        // Unlimited stake, 2 slots, ratio 1. Row 1: A enters at 10 with min(1000 / 2, 1000) = 500 (50 units).
        // Row 2: A (visited first: open trade) sells 250 of stake = 250 × 50 / 500 = 25 units at 20, realizing
        // 25 × 20 − 25 × 10 = 250; A keeps 25 units, stake 250. Then B enters at 25: free = 1000 + (0 + 250) − 250
        // = 1000, available = min((250 + 1000) × 1 − 250, 1000) = 1000, stake = min((1000 + 250) / 2, 1000) = 625.
        // (Without the realized profit it would be (750 + 250) / 2 = 500.)
        FreqtradeSettings settings = spot().unlimitedStake().maxOpenTrades(2).startingBalance(1000)
                .tradableBalanceRatio(1.0).stoploss(-0.9).positionAdjustmentEnable(true)
                .callbacks(FreqtradeCallbacks.defaults().withAdjustTradePosition((trade, time, rate, profit, min, max) ->
                        trade.pair().equals("A/USDT") && time == at(2) ? FreqtradeCallbacks.PositionChange.of(-250)
                                : null))
                .build();
        PairData a = new PairData("A/USDT", hourly(flat(10), flat(10), flat(20), flat(20)),
                longSignals(4, new int[] {0}, new int[] {}));
        PairData b = new PairData("B/USDT", hourly(flat(25), flat(25), flat(25), flat(25)),
                longSignals(4, new int[] {1}, new int[] {}));

        PortfolioResult result = new PortfolioBacktest(settings).run(List.of(a, b));

        FreqtradeTrade onB = result.tradesOf("B/USDT").getFirst();
        assertThat(onB.openTime()).isEqualTo(at(2));
        assertThat(onB.stakeAmount()).isEqualByComparingTo("625");
        // A: 250 realized + 25 units × (20 − 10) at the force exit = 500; B flat: final 1500.
        assertThat(result.tradesOf("A/USDT").getFirst().profitAbs()).isEqualByComparingTo("500");
        assertThat(result.finalWallet()).isEqualTo(1500.0);
    }

    @Test
    void protectionsRunAfterAPartialExitAsAfterAClose() {
        // Freqtrade's _process_exit_order runs run_protections after every exit fill, partial or not: the partial
        // exit at row 2 is reported to the locks at row 2's time, the close at row 4's.
        List<String> calls = new ArrayList<>();
        PairLocks recording = new PairLocks() {
            @Override
            public boolean locked(String pair, long now, boolean isShort) {
                return false;
            }

            @Override
            public void onExit(String pair, FreqtradeTrade trade, long now) {
                calls.add("exit " + pair + " " + (now == at(4)));
            }

            @Override
            public void onPartialExit(String pair, boolean isShort, long now) {
                calls.add("partial " + pair + " short=" + isShort + " " + (now == at(2)));
            }
        };
        PairData rally = new PairData("A/USDT", hourly(flat(10), flat(10), flat(20), flat(20), flat(20)),
                longSignals(5, new int[] {0}, new int[] {3}));
        FreqtradeSettings settings = settings(-1, (trade, time, rate, profit, min, max) ->
                time == at(2) ? FreqtradeCallbacks.PositionChange.of(-50) : null);

        new PortfolioBacktest(settings, recording).run(List.of(rally));

        assertThat(calls).containsExactly("partial A/USDT short=false true", "exit A/USDT true");
    }
}
