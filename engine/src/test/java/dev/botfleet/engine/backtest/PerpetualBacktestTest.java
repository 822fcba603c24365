package dev.botfleet.engine.backtest;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Derivative;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarginMode;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The realistic backtester on a perpetual: a short round trip with fees and funding, worked by hand. */
class PerpetualBacktestTest {
    static final Instrument PERP = Fixtures.TEST.asPerpetual(new Derivative(new BigDecimal("0.001"), "USD",
            BigDecimal.TEN, new BigDecimal("0.005")));
    static final StrategyConfig NO_PARAMS = StrategyConfig.of(Map.of());
    static final MarginSettings FIVE_X = new MarginSettings(new BigDecimal("5"), MarginMode.ISOLATED);

    /** Sells 1 at market on the first close (a short from flat), buys it back on the third. */
    static final class ShortRoundTrip implements Strategy {
        private int candles;

        @Override
        public void onCandle(StrategyContext ctx, Candle candle) {
            candles++;
            if (candles == 1) ctx.submit(OrderRequest.market(OrderSide.SELL, BigDecimal.ONE));
            if (candles == 3) ctx.submit(OrderRequest.market(OrderSide.BUY, BigDecimal.ONE).closing(CloseReason.SIGNAL));
        }
    }

    static dev.botfleet.engine.data.CandleSeries bars() {
        return Fixtures.bars(
                new double[]{100, 101, 99, 100},
                new double[]{100.5, 102, 100, 101},   // short sold at the open 100.50 − 2 ticks
                new double[]{101, 103, 100, 102},     // funding fixing at this open (101)
                new double[]{102.5, 103, 101, 102});  // fixing at this open (102.50), then bought at 102.50 + 2 ticks
    }

    BacktestSpec spec(FundingRates funding) {
        return new BacktestSpec("short", (c, i) -> new ShortRoundTrip(), NO_PARAMS, PERP, bars(),
                FillModel.REALISTIC, new BigDecimal("1000"), 2, -1).withPerpetual(FIVE_X, funding);
    }

    @Test
    void aShortRoundTripBooksFeesAndFundingExactly() {
        FundingRates funding = new FundingRates(List.of(
                new FundingRates.Fixing(30_000, new BigDecimal("0.0001")),    // before the short: nothing to pay
                new FundingRates.Fixing(120_000, new BigDecimal("0.0001")),   // short receives 1 × 101 × 0.0001
                new FundingRates.Fixing(180_000, new BigDecimal("0.0001")))); // and 1 × 102.50 × 0.0001

        BacktestResult r = Backtester.run(spec(funding));

        BacktestTrade t = r.trades().getFirst();
        assertThat(t.direction()).isEqualTo("SHORT");
        assertThat(t.entryPrice()).isEqualByComparingTo("100.48");
        assertThat(t.exitPrice()).isEqualByComparingTo("102.52");
        assertThat(t.fees()).isEqualByComparingTo("0.406");          // 0.2 % of 100.48 and of 102.52
        // −2.04 price loss − 0.406 fees + 0.0101 + 0.01025 funding
        assertThat(t.pnl()).isEqualByComparingTo("-2.42565");
        // the wallet holds margin, not coins: only USD, moved by exactly the deal's PnL
        assertThat(r.finalBalances().get("USD")).isEqualByComparingTo("997.57435");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void withoutFundingDataTheRunSaysSo() {
        BacktestResult r = Backtester.run(spec(FundingRates.NONE));
        assertThat(r.trades().getFirst().pnl()).isEqualByComparingTo("-2.446");
        assertThat(r.warnings()).containsExactly("no funding-rate data: funding is not booked");
    }

    @Test
    void leverageAboveTheMaximumIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> spec(FundingRates.NONE).withPerpetual(
                new MarginSettings(new BigDecimal("11"), MarginMode.ISOLATED), FundingRates.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leverage: 11 is above the maximum 10 of TST/USD");
    }
}
