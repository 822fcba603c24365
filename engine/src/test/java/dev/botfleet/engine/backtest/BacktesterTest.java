package dev.botfleet.engine.backtest;

import dev.botfleet.engine.data.CandleSeries;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** End to end on real Binance candles (ADA/BTC 5m, 20 days) with both fill models. */
class BacktesterTest {
    private static final CandleSeries ADA = Fixtures.candles("ADA_BTC-5m.json");

    private static BacktestSpec spec(FillModel model) {
        return new BacktestSpec("rsi-test", RsiTestStrategy.FACTORY, RsiTestStrategy.config(14, 30, 70, "0.5"),
                Fixtures.ADA_BTC, ADA, model, BigDecimal.ONE, 0, -1);
    }

    @Test
    void realisticRunTradesAndIsDeterministic() {
        BacktestResult first = Backtester.run(spec(FillModel.REALISTIC));
        BacktestResult second = Backtester.run(spec(FillModel.REALISTIC));

        assertThat(first.candles()).isEqualTo(ADA.size());
        assertThat(first.trades()).hasSizeGreaterThan(10);
        assertThat(first.failed()).isFalse();
        assertThat(second).isEqualTo(first);  // trades, curve, metrics, balances: bit for bit
        // The curve's last point (tracked in double from fills) agrees with the exact final balances.
        BigDecimal exact = first.finalBalances().get("BTC")
                .add(first.finalBalances().get("ADA").multiply(BigDecimal.valueOf(ADA.close(ADA.size() - 1))));
        assertThat(first.equity().last()).isCloseTo(exact.doubleValue(), within(1e-12));
        // Net profit of the closed trades is what the quote balance moved by when flat at the end.
        BigDecimal tradesPnl = first.trades().stream().map(BacktestTrade::pnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (first.finalBalances().get("ADA").signum() == 0) {
            assertThat(first.finalBalances().get("BTC").subtract(BigDecimal.ONE)).isEqualByComparingTo(tradesPnl);
        }
        assertThat(first.trades()).allSatisfy(t -> {
            assertThat(t.exitTime()).isAfter(t.entryTime());
            assertThat(t.fees()).isPositive();
            assertThat(t.closeReason()).isEqualTo("SIGNAL");
        });
    }

    @Test
    void freqtradeModelEntersAndExitsAtTheNextOpen() {
        BacktestResult realistic = Backtester.run(spec(FillModel.REALISTIC));
        BacktestResult ft = Backtester.run(spec(FillModel.FREQTRADE));

        assertThat(ft.fillModel()).isEqualTo(FillModel.FREQTRADE);
        assertThat(ft.trades()).isNotEmpty();
        assertThat(Backtester.run(spec(FillModel.FREQTRADE))).isEqualTo(ft);
        // Same signals, so the same entry candle and price (its open): Freqtrade dates the trade by that candle's open,
        // the simulated exchange dates the fill by the close of the bar it replayed (bars arrive at their close).
        BacktestTrade a = realistic.trades().getFirst();
        BacktestTrade b = ft.trades().getFirst();
        assertThat(b.entryTime()).isEqualTo(a.entryTime().minusMillis(ADA.timeframe().millis()));
        assertThat(b.entryPrice().doubleValue()).isCloseTo(a.entryPrice().doubleValue(), within(1e-12));
        assertThat(ft.trades()).allSatisfy(t -> assertThat(t.closeReason()).isIn("SIGNAL", "FORCE_EXIT"));
    }

    @Test
    void freqtradeModelStoplossExitsAtTheStopPrice() {
        BacktestSpec s = spec(FillModel.FREQTRADE);
        BacktestResult r = Backtester.run(new BacktestSpec(s.strategy(), s.factory(), s.config(), s.instrument(),
                s.candles(), FillModel.FREQTRADE, BigDecimal.ONE, 0, -0.01));

        BacktestTrade stopped = r.trades().stream().filter(t -> t.closeReason().equals("STOP_LOSS")).findFirst()
                .orElseThrow();
        // The stop is 1% under the entry, rounded up to the tick.
        BigDecimal stop = stopped.entryPrice().multiply(new BigDecimal("0.99")).setScale(8, RoundingMode.CEILING);
        assertThat(stopped.exitPrice()).isEqualByComparingTo(stop);
    }

    @Test
    void freqtradeModelRefusesLimitOrderStrategies() {
        BacktestSpec s = BacktestSpec.of("limit", (c, i) -> new RealisticFillTest.LimitRoundTrip(),
                RsiTestStrategy.config(14, 30, 70, "1"), Fixtures.TEST, Fixtures.bars(new double[]{100, 101, 98, 100},
                        new double[]{100, 101, 98, 100}), new BigDecimal("1000")).withFillModel(FillModel.FREQTRADE);

        assertThatThrownBy(() -> Backtester.run(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fillModel").hasMessageContaining("market orders");
    }

    @Test
    void freqtradeModelRefusesStrategiesThatAddToADeal() {
        BacktestSpec s = BacktestSpec.of("adder", (c, i) -> new dev.botfleet.engine.strategy.Strategy() {
            @Override
            public void onCandle(dev.botfleet.engine.strategy.StrategyContext ctx, dev.botfleet.engine.market.Candle c) {
                ctx.submit(dev.botfleet.engine.order.OrderRequest.market(dev.botfleet.engine.order.OrderSide.BUY,
                        BigDecimal.ONE));
            }
        }, RsiTestStrategy.config(14, 30, 70, "1"), Fixtures.TEST, Fixtures.bars(new double[]{100, 101, 98, 100},
                new double[]{100, 101, 98, 100}, new double[]{100, 101, 98, 100}), new BigDecimal("1000"))
                .withFillModel(FillModel.FREQTRADE);

        assertThatThrownBy(() -> Backtester.run(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adds to an open position");
    }

    @Test
    void aStrategyThatThrowsStopsTheRunAndSaysWhy() {
        BacktestSpec s = BacktestSpec.of("boom", (c, i) -> new dev.botfleet.engine.strategy.Strategy() {
            @Override
            public void onCandle(dev.botfleet.engine.strategy.StrategyContext ctx, dev.botfleet.engine.market.Candle c) {
                throw new IllegalStateException("kaput");
            }
        }, RsiTestStrategy.config(14, 30, 70, "1"), Fixtures.TEST, Fixtures.bars(new double[]{100, 101, 98, 100},
                new double[]{100, 101, 98, 100}), new BigDecimal("1000"));

        BacktestResult r = Backtester.run(s);

        assertThat(r.failed()).isTrue();
        assertThat(r.stopReason()).contains("kaput");
    }

    @Test
    void badSpecsNameTheField() {
        assertThatThrownBy(() -> new BacktestSpec("x", RsiTestStrategy.FACTORY, RsiTestStrategy.config(14, 30, 70, "1"),
                Fixtures.TEST, ADA, FillModel.REALISTIC, BigDecimal.ZERO, 0, -1)).hasMessageStartingWith("balance:");
        assertThatThrownBy(() -> FillModel.parse("magic")).hasMessageContaining("realistic, freqtrade");
    }
}
