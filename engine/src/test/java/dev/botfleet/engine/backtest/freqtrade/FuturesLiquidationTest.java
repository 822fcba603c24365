package dev.botfleet.engine.backtest.freqtrade;

import static dev.botfleet.engine.backtest.freqtrade.Bars.at;
import static dev.botfleet.engine.backtest.freqtrade.Bars.bar;
import static dev.botfleet.engine.backtest.freqtrade.Bars.flat;
import static dev.botfleet.engine.backtest.freqtrade.Bars.hourly;
import static dev.botfleet.engine.backtest.freqtrade.Bars.rows;
import static dev.botfleet.engine.backtest.freqtrade.Bars.spot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Liquidation in isolated futures backtests, as Freqtrade 2024.10 (update_liquidation_prices after each fill,
 * the generic dry_run_liquidation_price, liquidation_buffer; ft_stoploss_reached asks the stop first). Every trade
 * here: stake 100 at 10× from the open of row 1 (100), so amount 10 and value = stake / amount = 10; maintenance
 * margin 0.005; the default liquidation_buffer 0.05.
 */
class FuturesLiquidationTest {

    private static FreqtradeSettings.Builder futures(double stoploss) {
        return spot().tradingMode(TradingMode.FUTURES).leverage(10).stoploss(stoploss).maintenanceMarginRate(0.005);
    }

    private static FreqtradeTrade onlyTrade(FreqtradeSettings.Builder settings, boolean isShort, double[] thirdCandle) {
        int n = 4;
        SignalColumns signals = isShort
                ? new SignalColumns(rows(n), rows(n), rows(n, 0), rows(n), null, null)
                : new SignalColumns(rows(n, 0), rows(n), rows(n), rows(n), null, null);
        PairData pair = new PairData("A/USDT:USDT", hourly(flat(100), flat(100), thirdCandle, flat(100)), signals);
        List<FreqtradeTrade> trades = new PortfolioBacktest(settings.build()).run(List.of(pair)).trades();
        assertThat(trades).hasSize(1);
        return trades.getFirst();
    }

    @Test
    void aLongIsLiquidatedAtTheBufferedLiquidationPriceBeforeAFartherStop() {
        // (100 − 10) / (1 − 0.005) = 90.4522613…; + 0.05 × (100 − 90.4522613…) = 90.9296482…
        // The stop, 100 × (1 − 0.99 / 10) = 90.1, lies beyond it; the low 90.5 reaches only the liquidation price.
        double liquidation = 90.92964824120602;
        FreqtradeTrade t = onlyTrade(futures(-0.99), false, bar(95, 96, 90.5, 92));

        assertThat(t.exitType()).isEqualTo(ExitType.LIQUIDATION);
        assertThat(t.exitReason()).isEqualTo("liquidation");
        assertThat(t.closeTime()).isEqualTo(at(2));
        assertThat(t.liquidationPrice().doubleValue()).isCloseTo(liquidation, within(1e-9));
        assertThat(t.closeRate().doubleValue()).isCloseTo(liquidation, within(1e-9));
        // 10 × 90.9296482… − 10 × 100 (no fee)
        assertThat(t.profitAbs().doubleValue()).isCloseTo(-90.70351759, within(1e-8));
    }

    @Test
    void aShortIsLiquidatedAboveTheEntryWithTheTakerFeeInTheFormula() {
        // fee 0.001 as taker fee: (100 + 10) / (1 + 0.005 + 0.001) = 109.3439363…;
        // − 0.05 × (109.3439363… − 100) = 108.8767395…. The stop 100 × 1.099 = 109.9 is above the high 109.5.
        double liquidation = 108.87673956262425;
        FreqtradeTrade t = onlyTrade(futures(-0.99).fee(0.001), true, bar(105, 109.5, 104, 106));

        assertThat(t.isShort()).isTrue();
        assertThat(t.exitReason()).isEqualTo("liquidation");
        assertThat(t.liquidationPrice().doubleValue()).isCloseTo(liquidation, within(1e-9));
        assertThat(t.closeRate().doubleValue()).isCloseTo(liquidation, within(1e-9));
        // entry value 10 × 100 × (1 − 0.001) = 999; buying back 10 × 108.8767… × 1.001 = 1089.8561630…
        assertThat(t.profitAbs().doubleValue()).isCloseTo(-90.85616302, within(1e-8));
    }

    @Test
    void aStopInsideTheLiquidationPriceExitsFirstEvenWhenTheCandleReachesBoth() {
        // stoploss −0.5 at 10×: stop at 100 × (1 − 0.05) = 95; the low 90 reaches the stop and the liquidation price
        // (90.93): the stop is asked first, so stop_loss at 95: 10 × 95 − 1000 = −50.
        FreqtradeTrade t = onlyTrade(futures(-0.5), false, bar(97, 98, 90, 91));

        assertThat(t.exitReason()).isEqualTo("stop_loss");
        assertThat(t.closeRate()).isEqualByComparingTo("95");
        assertThat(t.profitAbs()).isEqualByComparingTo("-50");
        assertThat(t.liquidationPrice().doubleValue()).isCloseTo(90.92964824120602, within(1e-9));
    }

    @Test
    void crossMarginAndSpotHaveNoLiquidationPrice() {
        FreqtradeTrade cross = onlyTrade(futures(-0.99).crossMargin(true), false, bar(95, 96, 90.5, 92));
        FreqtradeTrade spot = onlyTrade(spot().stoploss(-0.99), false, bar(95, 96, 90.5, 92));

        assertThat(cross.exitReason()).isEqualTo("force_exit");
        assertThat(cross.liquidationPrice()).isNull();
        assertThat(spot.exitReason()).isEqualTo("force_exit");
        assertThat(spot.liquidationPrice()).isNull();
    }

    @Test
    void theFormulaAgainstTheBufferExampleOfFreqtradesDocs() {
        // docs/leverage.md: entry 10, exchange liquidation price 8, buffer 0.05 → 8 + (10 − 8) × 0.05 = 8.1.
        // A long at 10 with value 2 / (1 − 0) gives 8 with no maintenance margin or fee.
        assertThat(new LiquidationPrice(0, 0, 0.05).of(10, 2, 1, false)).isCloseTo(8.1, within(1e-12));
        // a 1× long (value = the whole price): the exchange price is 0, buffered 0 + 0.05 × 10 = 0.5
        assertThat(new LiquidationPrice(0, 0, 0.05).of(10, 10, 1, false)).isCloseTo(0.5, within(1e-12));
    }
}
