package dev.botfleet.strategies.signal;

import dev.botfleet.engine.indicator.BollingerBands;
import dev.botfleet.engine.indicator.Ema;
import dev.botfleet.engine.indicator.Rsi;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.strategies.support.Harness;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rsi, bollinger and ema-cross on hand-built closes (flat 1m candles): a signal on candle i sends a market order that
 * fills at the next candle's price.
 */
class SignalStrategiesTest {
    static final double[] DOWN_UP = {100, 101, 102, 103, 104, 103, 101, 98, 94, 90, 89, 90, 93, 97, 102, 106, 108, 109};

    @Test
    void rsiBuysOversoldAndSellsOverboughtInProfit() {
        Harness h = Harness.onCandles(RsiStrategy.definition(), RsiStrategy::new, Map.of("rsiPeriod", 3)).start();
        h.closes(0, DOWN_UP);
        double[] rsi = values(new Rsi(3));
        int entry = first(rsi, 0, v -> v < 30);
        int exit = first(rsi, entry + 2, v -> v > 70);
        assertThat(entry).isEqualTo(7);  // RSI(3) after 98: first below 30
        Deal d = h.deals.getFirst();
        assertThat(h.deals).hasSize(1);
        assertThat(d.entryPrice()).isEqualByComparingTo(String.valueOf(DOWN_UP[entry + 1]));
        assertThat(d.exitPrice()).isEqualByComparingTo(String.valueOf(DOWN_UP[exit + 1]));
        assertThat(d.closeReason()).isEqualTo(CloseReason.SIGNAL);
        assertThat(d.pnl()).isPositive();
    }

    @Test
    void rsiHoldsWhileOverboughtButBelowTheMinimumProfit() {
        Harness h = Harness.onCandles(RsiStrategy.definition(), RsiStrategy::new,
                Map.of("rsiPeriod", 3, "minProfitPercent", "50")).start();
        h.closes(0, DOWN_UP);
        assertThat(h.fills(OrderSide.BUY)).hasSize(1);
        assertThat(h.fills(OrderSide.SELL)).isEmpty();
    }

    @Test
    void rsiRefusesOversoldAboveOverbought() {
        var v = RsiStrategy.definition().validate(Map.of("oversold", 80, "overbought", 70));
        assertThat(v.violations()).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("overbought");
            assertThat(x.message()).isEqualTo("must be greater than oversold (80)");
        });
    }

    @Test
    void bollingerBuysBelowTheLowerBandAndSellsNearTheUpper() {
        Harness h = Harness.onCandles(BollingerStrategy.definition(), BollingerStrategy::new,
                Map.of("period", 5, "minProfitPercent", "1")).start();
        h.closes(0, DOWN_UP);
        double[] pb = new double[DOWN_UP.length];
        BollingerBands bb = new BollingerBands(5, 2);
        for (int i = 0; i < DOWN_UP.length; i++) {
            bb.update(DOWN_UP[i]);
            pb[i] = bb.percentB();
        }
        int entry = first(pb, 0, v -> v < 0.2);
        assertThat(h.deals).hasSize(1);
        Deal d = h.deals.getFirst();
        assertThat(d.entryPrice()).isEqualByComparingTo(String.valueOf(DOWN_UP[entry + 1]));
        int exit = entry + 2;
        while (!(pb[exit] > 0.8 && DOWN_UP[exit] * 0.999 / (DOWN_UP[entry + 1] * 1.001) - 1 >= 0.01)) exit++;
        assertThat(d.exitPrice()).isEqualByComparingTo(String.valueOf(DOWN_UP[exit + 1]));
        assertThat(d.closeReason()).isEqualTo(CloseReason.SIGNAL);
    }

    @Test
    void emaCrossBuysTheGoldenCrossAndSellsTheDeathCross() {
        double[] path = {100, 99, 98, 97, 96, 95, 96, 98, 101, 104, 106, 105, 102, 98, 95, 93, 92};
        Harness h = Harness.onCandles(EmaCrossStrategy.definition(), EmaCrossStrategy::new,
                Map.of("fastPeriod", 2, "slowPeriod", 4)).start();
        h.closes(0, path);
        Ema fast = new Ema(2);
        Ema slow = new Ema(4);
        double[] diff = new double[path.length];
        for (int i = 0; i < path.length; i++) diff[i] = fast.update(path[i]) - slow.update(path[i]);
        int up = 1;
        while (!(diff[up - 1] <= 0 && diff[up] > 0)) up++;
        int down = up + 1;
        while (!(diff[down - 1] >= 0 && diff[down] < 0)) down++;
        assertThat(h.deals).hasSize(1);
        Deal d = h.deals.getFirst();
        assertThat(d.entryPrice()).isEqualByComparingTo(String.valueOf(path[up + 1]));
        assertThat(d.exitPrice()).isEqualByComparingTo(String.valueOf(path[down + 1]));
        assertThat(d.closeReason()).isEqualTo(CloseReason.SIGNAL);
    }

    @Test
    void signalsAreComputedOnTheConfiguredTimeframe() {
        // 3m candles from 1m ones: the RSI sees every third close only, so it reaches oversold later.
        Harness h = Harness.onCandles(RsiStrategy.definition(), RsiStrategy::new,
                Map.of("rsiPeriod", 2, "timeframe", "3m", "oversold", "20")).start();
        double[] ones = {100, 100, 100, 100, 100, 101, 102, 102, 102, 90, 90, 80, 80, 80, 75, 75, 75, 75};
        h.closes(0, ones);
        // 3m closes: 100, 101(m5), 102(m8), 90(m11), 80(m14), 75(m17): RSI(2) first below 20 at m11 → buy at m12.
        assertThat(h.fills(OrderSide.BUY)).singleElement()
                .satisfies(f -> assertThat(f.price()).isEqualByComparingTo("80"));
    }

    static double[] values(Rsi rsi) {
        double[] out = new double[DOWN_UP.length];
        for (int i = 0; i < out.length; i++) out[i] = rsi.update(DOWN_UP[i]);
        return out;
    }

    static int first(double[] v, int from, java.util.function.DoublePredicate p) {
        for (int i = from; i < v.length; i++) if (!Double.isNaN(v[i]) && p.test(v[i])) return i;
        throw new AssertionError("no such value after " + from);
    }
}
