package dev.botfleet.ml.labels;

import dev.botfleet.ml.candles.OneSecondCandle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worked examples: entry at 100, take profit at 101 (1 %), stop loss at 99 (1 %), holding 3 seconds. */
class TripleBarrierTest {

    private static final TripleBarrier BARRIER = new TripleBarrier(0.01, 0.01, 3);

    /** Candle 0 closes at 100; then one candle per {low, high} pair, closing mid-range. */
    private static List<OneSecondCandle> path(double[]... lowHigh) {
        List<OneSecondCandle> out = new ArrayList<>();
        out.add(new OneSecondCandle(0, 100, 100, 100, 100, 1, 0, 100, 1));
        for (int i = 0; i < lowHigh.length; i++) {
            double lo = lowHigh[i][0];
            double hi = lowHigh[i][1];
            double c = (lo + hi) / 2;
            out.add(new OneSecondCandle((i + 1) * 1000L, c, hi, lo, c, 1, 0, c, 1));
        }
        return out;
    }

    @Test
    void theTakeProfitReachedFirstIsAPositive() {
        var candles = path(new double[]{99.5, 100.5}, new double[]{100, 101}, new double[]{98, 100});
        assertThat(BARRIER.outcome(candles, 0)).contains(BarrierOutcome.TAKE_PROFIT);
        assertThat(BarrierOutcome.TAKE_PROFIT.label()).isEqualTo(1);
    }

    @Test
    void theStopLossReachedFirstIsANegative() {
        var candles = path(new double[]{99, 100.2}, new double[]{100, 102}, new double[]{100, 100});
        assertThat(BARRIER.outcome(candles, 0)).contains(BarrierOutcome.STOP_LOSS);
        assertThat(BarrierOutcome.STOP_LOSS.label()).isZero();
    }

    @Test
    void bothBarriersInOneSecondCountAsTheStopLoss() {
        var candles = path(new double[]{98.9, 101.1}, new double[]{100, 100}, new double[]{100, 100});
        assertThat(BARRIER.outcome(candles, 0)).contains(BarrierOutcome.STOP_LOSS);
    }

    @Test
    void neitherBarrierWithinTheHoldingTimeIsATimeLimit() {
        // the take profit comes in the 4th second, after the holding time of 3
        var candles = path(new double[]{99.5, 100.5}, new double[]{99.5, 100.9}, new double[]{99.1, 100},
                new double[]{100, 105});
        assertThat(BARRIER.outcome(candles, 0)).contains(BarrierOutcome.TIME_LIMIT);
        assertThat(BarrierOutcome.TIME_LIMIT.label()).isZero();
    }

    @Test
    void anOutcomeNotKnownWhenTheSeriesEndsIsEmptyButAKnownOneIsGiven() {
        var open = path(new double[]{99.5, 100.5}, new double[]{99.5, 100.5});
        assertThat(BARRIER.outcome(open, 0)).isEqualTo(Optional.empty());

        var hit = path(new double[]{99.5, 101});
        assertThat(BARRIER.outcome(hit, 0)).contains(BarrierOutcome.TAKE_PROFIT);
    }

    @Test
    void theEntryIsTheCloseOfItsOwnCandle() {
        // from candle 1 (close 100.5): take profit at 101.505, stop at 99.495
        var candles = path(new double[]{100, 101}, new double[]{99.6, 101.4}, new double[]{99.4, 100});
        assertThat(BARRIER.outcome(candles, 1)).contains(BarrierOutcome.STOP_LOSS);
    }

    @Test
    void barriersMustBeSensible() {
        assertThatThrownBy(() -> new TripleBarrier(0, 0.01, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TripleBarrier(0.01, 1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TripleBarrier(0.01, 0.01, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
