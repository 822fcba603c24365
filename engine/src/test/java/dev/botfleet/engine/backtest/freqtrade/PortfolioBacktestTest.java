package dev.botfleet.engine.backtest.freqtrade;

import static dev.botfleet.engine.backtest.freqtrade.Bars.HOUR;
import static dev.botfleet.engine.backtest.freqtrade.Bars.at;
import static dev.botfleet.engine.backtest.freqtrade.Bars.flat;
import static dev.botfleet.engine.backtest.freqtrade.Bars.hourly;
import static dev.botfleet.engine.backtest.freqtrade.Bars.longSignals;
import static dev.botfleet.engine.backtest.freqtrade.Bars.spot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several pairs, one wallet (freqtrade-backtest-semantics.md §2.2, wallets.py). Fee 0 and flat candles keep the
 * arithmetic in the comments exact. A signal on row i enters at the open of row i+1.
 */
class PortfolioBacktestTest {

    @Test
    void whenMaxOpenTradesBindsTheFirstWhitelistedPairGetsTheSlotAndTheOtherSignalIsRejected() {
        FreqtradeSettings settings = spot().maxOpenTrades(1).build();
        PairData a = pair("A/USDT", 10, 4, new int[] {0}, new int[] {});
        PairData b = pair("B/USDT", 20, 4, new int[] {0}, new int[] {});

        PortfolioResult ab = new PortfolioBacktest(settings).run(List.of(a, b));
        PortfolioResult ba = new PortfolioBacktest(settings).run(List.of(b, a));

        // Both signal on row 0; at row 1 the first pair visited takes the only slot, the second is rejected.
        assertThat(ab.trades()).extracting(FreqtradeTrade::pair).containsExactly("A/USDT");
        assertThat(ab.rejectedSignals()).isEqualTo(1);
        assertThat(ab.trades().getFirst().openTime()).isEqualTo(at(1));
        assertThat(ab.trades().getFirst().closeTime()).isEqualTo(at(3)); // force exit at the last candle's open
        assertThat(ab.trades().getFirst().exitType()).isEqualTo(ExitType.FORCE_EXIT);
        assertThat(ba.trades()).extracting(FreqtradeTrade::pair).containsExactly("B/USDT");
        assertThat(ba.rejectedSignals()).isEqualTo(1);
    }

    @Test
    void pairsWithOpenTradesAreVisitedFirstSoAnExitFreesTheSlotForALaterWhitelistedPairOnTheSameCandle() {
        FreqtradeSettings settings = spot().maxOpenTrades(1).build();
        // Whitelist order A, B. B enters on row 1; its exit signal (row 2) exits at row 3's open. A signals on
        // row 2, so A wants to enter at row 3 too. B is visited first (open trade), exits, and A gets the slot.
        // In plain whitelist order A would come first, find the slot taken and be rejected.
        PairData a = pair("A/USDT", 10, 5, new int[] {2}, new int[] {});
        PairData b = pair("B/USDT", 20, 5, new int[] {0}, new int[] {2});

        PortfolioResult result = new PortfolioBacktest(settings).run(List.of(a, b));

        assertThat(result.rejectedSignals()).isZero();
        assertThat(result.trades()).extracting(FreqtradeTrade::pair).containsExactly("B/USDT", "A/USDT");
        FreqtradeTrade first = result.trades().get(0);
        assertThat(first.exitType()).isEqualTo(ExitType.EXIT_SIGNAL);
        assertThat(first.closeTime()).isEqualTo(at(3));
        FreqtradeTrade second = result.trades().get(1);
        assertThat(second.openTime()).isEqualTo(at(3));
        assertThat(second.closeTime()).isEqualTo(at(4));
    }

    @Test
    void unlimitedStakeSplitsTheTradableBalanceAcrossTheSlots() {
        FreqtradeSettings settings = spot().unlimitedStake().maxOpenTrades(2).startingBalance(1000)
                .tradableBalanceRatio(0.99).build();
        PairData a = pair("A/USDT", 10, 4, new int[] {0}, new int[] {});
        PairData b = pair("B/USDT", 20, 4, new int[] {0}, new int[] {});
        PairData c = pair("C/USDT", 40, 4, new int[] {0}, new int[] {});

        PortfolioResult result = new PortfolioBacktest(settings).run(List.of(a, b, c));

        // A: tied 0, free 1000, available = min(1000 × 0.99 − 0, 1000) = 990; stake = min((990 + 0) / 2, 990) = 495,
        //    amount 495 / 10 = 49.5.
        // B: tied 495, free 1000 − 495 = 505, available = min((495 + 505) × 0.99 − 495, 505) = 495;
        //    stake = min((495 + 495) / 2, 495) = 495 (not 505 / 2: the ratio applies to the whole balance),
        //    amount 495 / 20 = 24.75.
        // C: both slots taken: rejected.
        assertThat(result.trades()).extracting(FreqtradeTrade::pair).containsExactly("A/USDT", "B/USDT");
        assertThat(result.trades()).extracting(FreqtradeTrade::stakeAmount)
                .containsExactly(new BigDecimal("495.0"), new BigDecimal("495.0"));
        assertThat(result.trades()).extracting(FreqtradeTrade::amount)
                .containsExactly(new BigDecimal("49.5"), new BigDecimal("24.75"));
        assertThat(result.rejectedSignals()).isEqualTo(1);
    }

    @Test
    void theWalletIsSharedSoALossOnOnePairShrinksTheNextPairsUnlimitedStake() {
        FreqtradeSettings settings = spot().unlimitedStake().maxOpenTrades(2).startingBalance(1000)
                .tradableBalanceRatio(1.0).stoploss(-0.5).build();
        // A: enters at 10 on row 1 with stake min(1000 / 2, 1000) = 500 (amount 50); exit signal on row 2 exits at
        // row 3's open, 8: profit 50 × 8 − 500 = −100. B signals on row 3 and enters on row 4 at 20 with
        // stake (1000 − 100) / 2 = 450 (amount 22.5), then is force-exited flat on row 5: final wallet 900.
        PairData a = new PairData("A/USDT", hourly(flat(10), flat(10), flat(10), flat(8), flat(8), flat(8)),
                longSignals(6, new int[] {0}, new int[] {2}));
        PairData b = pair("B/USDT", 20, 6, new int[] {3}, new int[] {});

        PortfolioResult result = new PortfolioBacktest(settings).run(List.of(a, b));

        FreqtradeTrade lossOnA = result.tradesOf("A/USDT").getFirst();
        assertThat(lossOnA.profitAbs()).isEqualByComparingTo("-100");
        FreqtradeTrade onB = result.tradesOf("B/USDT").getFirst();
        assertThat(onB.openTime()).isEqualTo(at(4));
        assertThat(onB.stakeAmount()).isEqualByComparingTo("450");
        assertThat(onB.amount()).isEqualByComparingTo("22.5");
        assertThat(result.finalWallet()).isEqualTo(900.0);
    }

    @Test
    void aTradeListsItsOrdersPriceRangeAndStops() {
        FreqtradeSettings settings = spot().unlimitedStake().maxOpenTrades(2).startingBalance(1000)
                .tradableBalanceRatio(1.0).stoploss(-0.5).build();
        PairData a = new PairData("A/USDT", hourly(flat(10), flat(10), flat(10), flat(8), flat(8)),
                longSignals(5, new int[] {0}, new int[] {2}));

        FreqtradeTrade trade = new PortfolioBacktest(settings).run(List.of(a)).trades().getFirst();

        // Exit checks ran on rows 1 and 2 (flat 10) and 3 (flat 8): min 8, max 10. Stop: 10 × (1 − 0.5) = 5.
        assertThat(trade.minRate()).isEqualByComparingTo("8");
        assertThat(trade.maxRate()).isEqualByComparingTo("10");
        assertThat(trade.initialStopLoss()).isEqualByComparingTo("5");
        assertThat(trade.initialStopLossRatio()).isEqualTo(-0.5);
        assertThat(trade.stopLoss()).isEqualByComparingTo("5");
        assertThat(trade.stopLossRatio()).isEqualTo(-0.5);
        // Stake 500 at 10 = 50 units; sold at 8 = 400.
        assertThat(trade.orders()).containsExactly(
                new FreqtradeOrder(FreqtradeOrder.Side.ENTRY, new BigDecimal("10.0"), new BigDecimal("50.0"),
                        new BigDecimal("500.0"), at(1), at(1), null),
                new FreqtradeOrder(FreqtradeOrder.Side.EXIT, new BigDecimal("8.0"), new BigDecimal("50.0"),
                        new BigDecimal("400.0"), at(3), at(3), "exit_signal"));
    }

    @Test
    void aPairWhoseDataStartsLaterWaitsAndIsForceExitedAtItsOwnLastCandle() {
        FreqtradeSettings settings = spot().build();
        PairData a = pair("A/USDT", 10, 6, new int[] {}, new int[] {});
        // B has candles at rows 2, 3, 4 only; its signal on its first candle (row 2) enters on row 3.
        PairData b = new PairData("B/USDT", hourlyFrom(2, 20, 3), longSignals(3, new int[] {0}, new int[] {}));

        PortfolioResult result = new PortfolioBacktest(settings).run(List.of(a, b));

        FreqtradeTrade trade = result.trades().getFirst();
        assertThat(trade.pair()).isEqualTo("B/USDT");
        assertThat(trade.openTime()).isEqualTo(at(3));
        assertThat(trade.closeTime()).isEqualTo(at(4)); // B's last candle, although A runs until row 5
        assertThat(trade.exitType()).isEqualTo(ExitType.FORCE_EXIT);
    }

    @Test
    void aFixedStakeAboveTheAvailableBalanceOpensNoTradeAndIsNotARejectedSignal() {
        FreqtradeSettings settings = spot().stakeAmount(100).startingBalance(150).maxOpenTrades(3).build();
        PairData a = pair("A/USDT", 10, 4, new int[] {0}, new int[] {});
        PairData b = pair("B/USDT", 20, 4, new int[] {0}, new int[] {});

        PortfolioResult result = new PortfolioBacktest(settings).run(List.of(a, b));

        // A: available 150 × 0.99 = 148.5 >= 100. B: available = min((100 + 50) × 0.99 − 100, 50) = 48.5 < 100.
        assertThat(result.trades()).extracting(FreqtradeTrade::pair).containsExactly("A/USDT");
        assertThat(result.rejectedSignals()).isZero();
    }

    @Test
    void lockedPairsDoNotEnterAndEveryExitIsReportedToTheLocks() {
        List<String> exits = new ArrayList<>();
        PairLocks lockA = new PairLocks() {
            @Override
            public boolean locked(String pair, long now, boolean isShort) {
                return pair.equals("A/USDT");
            }

            @Override
            public void onExit(String pair, FreqtradeTrade trade, long now) {
                exits.add(pair + "@" + (now - at(0)) / HOUR);
            }
        };
        FreqtradeSettings settings = spot().maxOpenTrades(1).build();
        PairData a = pair("A/USDT", 10, 4, new int[] {0}, new int[] {});
        PairData b = pair("B/USDT", 20, 4, new int[] {0}, new int[] {1});

        PortfolioResult result = new PortfolioBacktest(settings, lockA).run(List.of(a, b));

        // A is locked, so B takes the slot (a locked pair's signal is not a rejected one); B exits on row 2.
        assertThat(result.trades()).extracting(FreqtradeTrade::pair).containsExactly("B/USDT");
        assertThat(result.rejectedSignals()).isZero();
        assertThat(exits).containsExactly("B/USDT@2");
    }

    @Test
    void badWhitelistsAreRejectedNamingThePair() {
        FreqtradeSettings settings = spot().build();
        PairData a = pair("A/USDT", 10, 4, new int[] {}, new int[] {});
        PairData fiveMinutes = new PairData("B/USDT", new CandleColumns(new long[] {0}, new double[] {1},
                new double[] {1}, new double[] {1}, new double[] {1}, new double[] {1}, Duration.ofMinutes(5)),
                longSignals(1, new int[] {}, new int[] {}));

        assertThatThrownBy(() -> new PortfolioBacktest(settings).run(List.of(a, a)))
                .hasMessageContaining("pair A/USDT is listed twice");
        assertThatThrownBy(() -> new PortfolioBacktest(settings).run(List.of(a, fiveMinutes)))
                .hasMessageContaining("pair B/USDT has timeframe PT5M");
        assertThatThrownBy(() -> new PortfolioBacktest(settings).run(List.of()))
                .hasMessageContaining("at least one pair");
        assertThatThrownBy(() -> new PairData("C/USDT", hourly(flat(1), flat(1)), longSignals(1, new int[] {},
                new int[] {}))).hasMessageContaining("pair C/USDT: signals have 1 rows but candles have 2");
    }

    /** {@code n} flat hourly candles at {@code price} from row 0. */
    static PairData pair(String name, double price, int n, int[] enter, int[] exit) {
        return new PairData(name, hourlyFrom(0, price, n), longSignals(n, enter, exit));
    }

    /** {@code n} flat hourly candles at {@code price}, the first at row {@code first}. */
    static CandleColumns hourlyFrom(int first, double price, int n) {
        long[] t = new long[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = at(first + i);
            p[i] = price;
        }
        return new CandleColumns(t, p, p.clone(), p.clone(), p.clone(), p.clone(), Duration.ofHours(1));
    }
}
