package dev.botfleet.strategies.signal;

import dev.botfleet.engine.indicator.Macd;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DipMomentumMacdTest {

    @Test
    void dipBuysTheDropFromTheRecentHighAndSellsTheRebound() {
        Harness h = Harness.onCandles(DipStrategy.definition(), DipStrategy::new, Map.of("lookback", 5, "dipPercent", "5",
                "reboundPercent", "3", "takeProfitPercent", "0")).start();
        h.closes(0, 100, 100, 100, 100, 100, 96, 95.5);
        assertThat(h.fills).isEmpty();                      // 4.5 % below the high: not a dip yet
        h.closes(7, 94.9, 93, 92, 94, 95, 95.5);
        // 94.9 ≤ 95 buys at the next close 93; lowest low since 92; 95 ≥ 92·1.03 = 94.76 sells at 95.5
        assertThat(h.deals).hasSize(1);
        Deal d = h.deals.getFirst();
        assertThat(d.entryPrice()).isEqualByComparingTo("93");
        assertThat(d.exitPrice()).isEqualByComparingTo("95.5");
        assertThat(d.closeReason()).isEqualTo(CloseReason.SIGNAL);
    }

    @Test
    void dipTakesProfitByDefault() {
        Harness h = Harness.onCandles(DipStrategy.definition(), DipStrategy::new, Map.of("lookback", 5)).start();
        h.closes(0, 100, 100, 100, 100, 100, 94, 93);        // buys at 93: take profit 3 % → 95.79
        assertThat(h.open()).singleElement().satisfies(o -> assertThat(o.price()).isEqualByComparingTo("95.79"));
        h.candle(7, 93, 96, 93, 94);
        assertThat(h.deals).singleElement().satisfies(d -> assertThat(d.closeReason()).isEqualTo(CloseReason.TAKE_PROFIT));
    }

    @Test
    void momentumBuysTheBreakoutAndSellsWhenTheRateOfChangeTurns() {
        Harness h = Harness.onCandles(MomentumStrategy.definition(), MomentumStrategy::new,
                Map.of("lookback", 3, "rocPeriod", 2)).start();
        h.closes(0, 100, 101, 100, 102, 103, 104, 103, 101, 100.5);
        // 102 > 101 (high of the 3 before) buys at 103; ROC(2) at 101 vs 104 < 0 sells at 100.5
        Deal d = h.deals.getFirst();
        assertThat(d.entryPrice()).isEqualByComparingTo("103");
        assertThat(d.exitPrice()).isEqualByComparingTo("100.5");
        assertThat(d.closeReason()).isEqualTo(CloseReason.SIGNAL);
    }

    @Test
    void momentumRocModeBuysAStrongRateOfChange() {
        Harness h = Harness.onCandles(MomentumStrategy.definition(), MomentumStrategy::new,
                Map.of("entryMode", "ROC", "rocPeriod", 1, "rocThreshold", "3")).start();
        h.closes(0, 100, 102.9, 100, 103.5, 104);
        // ROC(1): 2.9 % at 102.9 (no), 3.5 % at 103.5 (yes) → bought at 104
        assertThat(h.fills(OrderSide.BUY)).singleElement()
                .satisfies(f -> assertThat(f.price()).isEqualByComparingTo("104"));
    }

    static final double[] MACD_PATH = {100, 98, 96, 94, 95, 97, 95, 92, 90, 91, 93, 92, 95, 99, 103, 106, 105, 102,
            100, 99};

    static Harness macdDca(String maxInvestment) {
        Harness h = Harness.onCandles(MacdDcaStrategy.definition(), MacdDcaStrategy::new, Map.of("fastPeriod", 2,
                "slowPeriod", 3, "signalPeriod", 2, "orderAmount", "100", "addAmount", "100",
                "maxInvestment", maxInvestment, "minProfitPercent", "1")).start();
        h.closes(0, MACD_PATH);
        return h;
    }

    @Test
    void macdCrossesOfThePath() {
        // The oracle for the two tests below: bullish and bearish crosses of the MACD line over its signal line.
        Macd macd = new Macd(2, 3, 2);
        StringBuilder crosses = new StringBuilder();
        double mb = Double.NaN, sb = Double.NaN;
        for (int i = 0; i < MACD_PATH.length; i++) {
            macd.update(MACD_PATH[i]);
            if (!Double.isNaN(mb) && mb <= sb && macd.value() > macd.signal()) crosses.append(" up@").append(i);
            if (!Double.isNaN(mb) && mb >= sb && macd.value() < macd.signal()) crosses.append(" down@").append(i);
            mb = macd.value();
            sb = macd.signal();
        }
        assertThat(crosses.toString()).isEqualTo(" up@4 down@6 up@9 down@16");
    }

    @Test
    void macdDcaAddsBelowTheAverageAndExitsOnlyInProfit() {
        // The first buy is sized at the signal close 95 (1.05263 BTC) and fills at 97: 102.11 spent, so 210 allows one add.
        Harness h = macdDca("210");
        // up@4 buys at 97; down@6 would be a loss: held; up@9 (91 < average 97) adds at 93; down@16 sells at 102.
        assertThat(h.fills(OrderSide.BUY)).extracting(Fill::price).map(p -> p.stripTrailingZeros().toPlainString())
                .containsExactly("97", "93");
        assertThat(h.deals).hasSize(1);
        Deal d = h.deals.getFirst();
        assertThat(d.exitPrice()).isEqualByComparingTo("102");
        assertThat(d.closeReason()).isEqualTo(CloseReason.SIGNAL);
        assertThat(d.pnl()).isPositive();
    }

    @Test
    void macdDcaNeverSpendsMoreThanTheMaximum() {
        Harness h = macdDca("200");   // 102.11 + 100 would pass 200
        assertThat(h.fills(OrderSide.BUY)).extracting(Fill::price).map(p -> p.stripTrailingZeros().toPlainString())
                .containsExactly("97");
        assertThat(h.deals).singleElement().satisfies(d -> assertThat(d.exitPrice()).isEqualByComparingTo("102"));
    }

    @Test
    void macdDcaRefusesAFirstBuyAboveTheMaximum() {
        var v = MacdDcaStrategy.definition().validate(Map.of("orderAmount", "600", "maxInvestment", "500"));
        assertThat(v.violations()).extracting(x -> x.field() + ": " + x.message())
                .containsExactly("maxInvestment: must be at least orderAmount (600)");
    }
}
