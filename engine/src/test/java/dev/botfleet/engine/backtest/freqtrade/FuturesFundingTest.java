package dev.botfleet.engine.backtest.freqtrade;

import static dev.botfleet.engine.backtest.freqtrade.Bars.HOUR;
import static dev.botfleet.engine.backtest.freqtrade.Bars.at;
import static dev.botfleet.engine.backtest.freqtrade.Bars.rows;
import static dev.botfleet.engine.backtest.freqtrade.Bars.spot;
import static dev.botfleet.engine.backtest.freqtrade.PortfolioBacktestTest.hourlyFrom;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Funding in futures backtests, as Freqtrade 2024.10's {@code _run_funding_fees}: at every 8h funding time and at each
 * fill the trade's funding since its last fill is Σ rate × mark × amount over the funding dates in [last fill, now],
 * longs pay positive rates and shorts receive them, and the total goes into the close value.
 * <p>
 * The fixture's hourly rows start 6 hours after an 8h boundary ({@link Bars#T0}), so rows 2, 10, 18, 26 are funding
 * times.
 */
class FuturesFundingTest {

    private static final int N = 24;

    /** A: long 1 unit at 100 from row 1; its exit signal on row 9 fills at the open of row 10, a funding time. */
    private static PairData longPair(FundingData funding) {
        return new PairData("A/USDT:USDT", hourlyFrom(0, 100, N),
                new SignalColumns(rows(N, 0), rows(N, 9), rows(N), rows(N), null, null), null, funding, null);
    }

    /** B: short 2 units at 50 from row 1, bought back at the open of row 21 (exit signal on row 20). */
    private static PairData shortPair(FundingData funding) {
        return new PairData("B/USDT:USDT", hourlyFrom(0, 50, N),
                new SignalColumns(rows(N), rows(N), rows(N, 0), rows(N, 20), null, null), null, funding, null);
    }

    /** Rates and marks at rows 2, 10, 18 and 26 (after the data: never reached), and a row 0 date before any trade. */
    private static FundingData funding(double[] rates, double mark) {
        long[] times = {at(0) - 6 * HOUR, at(2), at(10), at(18), at(26)};
        double[] marks = {mark, mark, mark, mark, mark};
        return FundingData.join(times, rates, times, marks, Duration.ofHours(8));
    }

    private static PortfolioResult run(TradingMode mode, FundingData a, FundingData b) {
        FreqtradeSettings settings = spot().tradingMode(mode).stakeAmount(100).startingBalance(1000).build();
        return new PortfolioBacktest(settings).run(List.of(longPair(a), shortPair(b)));
    }

    @Test
    void twoPairsPayAndReceiveFundingByHandComputedAmounts() {
        FundingData a = funding(new double[] {0.05, 0.001, 0.001, 0.001, 0.05}, 110);
        FundingData b = funding(new double[] {0.05, 0.001, -0.002, 0.0005, 0.05}, 50);

        PortfolioResult futures = run(TradingMode.FUTURES, a, b);

        // A (long, 1 unit, rows 1..10): funding at rows 2 and 10, both inclusive: -(0.001 × 110 × 1) × 2 = -0.22.
        //   Flat prices and no fee: profit_abs = 100 - 100 - 0.22.
        FreqtradeTrade longTrade = futures.tradesOf("A/USDT:USDT").getFirst();
        assertThat(longTrade.closeTime()).isEqualTo(at(10));
        assertThat(longTrade.profitAbs()).isEqualByComparingTo("-0.22");
        // B (short, 2 units, rows 1..21): rows 2, 10, 18: 0.001×50×2 - 0.002×50×2 + 0.0005×50×2 = -0.05 received,
        //   i.e. paid: buying back costs 100 + 0.05, profit_abs = 100 - 100.05.
        FreqtradeTrade shortTrade = futures.tradesOf("B/USDT:USDT").getFirst();
        assertThat(shortTrade.isShort()).isTrue();
        assertThat(shortTrade.profitAbs()).isEqualByComparingTo("-0.05");
        assertThat(futures.finalWallet()).isEqualTo(1000 - 0.22 - 0.05, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void eachTradeCarriesItsFundingTotalForTheExport() {
        FundingData a = funding(new double[] {0.05, 0.001, 0.001, 0.001, 0.05}, 110);
        FundingData b = funding(new double[] {0.05, 0.001, -0.002, 0.0005, 0.05}, 50);

        PortfolioResult futures = run(TradingMode.FUTURES, a, b);

        // A, long 1 unit, funding times inside the trade (rows 2 and 10): −(0.001 × 110 × 1 + 0.001 × 110 × 1)
        assertThat(futures.tradesOf("A/USDT:USDT").getFirst().fundingFees().doubleValue())
                .isCloseTo(-0.22, org.assertj.core.data.Offset.offset(1e-12));
        // B, short 2 units, rows 2, 10, 18: +(0.001 − 0.002 + 0.0005) × 50 × 2 = −0.05 (received a negative total)
        assertThat(futures.tradesOf("B/USDT:USDT").getFirst().fundingFees().doubleValue())
                .isCloseTo(-0.05, org.assertj.core.data.Offset.offset(1e-12));
        // Outside futures nothing is booked: 0, as Freqtrade's recalc_trade_from_orders leaves it for spot trades
        assertThat(run(TradingMode.MARGIN, a, b).trades())
                .allSatisfy(t -> assertThat(t.fundingFees()).isEqualByComparingTo("0"));
    }

    @Test
    void aShortReceivesPositiveFunding() {
        FundingData b = funding(new double[] {0, 0.001, 0.001, 0.001, 0}, 50);

        FreqtradeTrade shortTrade = run(TradingMode.FUTURES, null, b).tradesOf("B/USDT:USDT").getFirst();

        assertThat(shortTrade.profitAbs()).isEqualByComparingTo("0.3");  // 3 × 0.001 × 50 × 2
    }

    @Test
    void withoutFundingDataOrOutsideFuturesNothingIsBooked() {
        FundingData a = funding(new double[] {0.05, 0.001, 0.001, 0.001, 0.05}, 110);
        FundingData b = funding(new double[] {0.05, 0.001, -0.002, 0.0005, 0.05}, 50);

        assertThat(run(TradingMode.FUTURES, null, null).trades())
                .allSatisfy(t -> assertThat(t.profitAbs()).isEqualByComparingTo("0"));
        assertThat(run(TradingMode.MARGIN, a, b).trades())
                .allSatisfy(t -> assertThat(t.profitAbs()).isEqualByComparingTo("0"));
    }

    @Test
    void fundingDatesMissingFromTheMarksAreNotCharged() {
        long[] rateTimes = {at(2), at(10)};
        long[] markTimes = {at(10)};
        FundingData joined = FundingData.join(rateTimes, new double[] {0.001, 0.002}, markTimes, new double[] {100},
                Duration.ofHours(8));

        assertThat(joined.size()).isEqualTo(1);
        assertThat(joined.fees(1, false, at(0), at(20))).isEqualTo(-0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(joined.fees(1, true, at(0), at(20))).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
    }
}
