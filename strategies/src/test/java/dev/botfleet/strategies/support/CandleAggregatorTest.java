package dev.botfleet.strategies.support;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CandleAggregatorTest {
    static Candle m1(int minute, double o, double h, double l, double c, double v) {
        return new Candle("sim", "BTC/USDT", Timeframe.M1, 60_000L * minute, o, h, l, c, v);
    }

    @Test
    void mergesShorterCandlesIntoTheWantedBucket() {
        CandleAggregator agg = new CandleAggregator(Timeframe.M3);
        assertThat(agg.accept(m1(0, 10, 12, 9, 11, 1))).isEmpty();
        assertThat(agg.accept(m1(1, 11, 15, 10, 14, 2))).isEmpty();
        Optional<Candle> done = agg.accept(m1(2, 14, 14, 8, 9, 3));
        assertThat(done).contains(new Candle("sim", "BTC/USDT", Timeframe.M3, 0, 10, 15, 8, 9, 6));
    }

    @Test
    void passesTheWantedTimeframeThroughAndIgnoresLongerOnes() {
        CandleAggregator agg = new CandleAggregator(Timeframe.M1);
        assertThat(agg.accept(m1(5, 1, 2, 0.5, 1.5, 10))).contains(m1(5, 1, 2, 0.5, 1.5, 10));
        assertThat(agg.accept(new Candle("sim", "BTC/USDT", Timeframe.H1, 0, 1, 1, 1, 1, 1))).isEmpty();
    }

    @Test
    void aBucketLeftUnfinishedByAGapIsDroppedNotMixedIntoTheNext() {
        CandleAggregator agg = new CandleAggregator(Timeframe.M3);
        assertThat(agg.accept(m1(0, 10, 50, 1, 10, 1))).isEmpty();
        assertThat(agg.accept(m1(1, 10, 10, 10, 10, 1))).isEmpty();
        // minute 2 never arrives; minutes 3..5 form the next bucket on their own
        assertThat(agg.accept(m1(3, 20, 21, 19, 20, 1))).isEmpty();
        assertThat(agg.accept(m1(4, 20, 21, 19, 20, 1))).isEmpty();
        assertThat(agg.accept(m1(5, 20, 22, 18, 21, 1)))
                .contains(new Candle("sim", "BTC/USDT", Timeframe.M3, 180_000, 20, 22, 18, 21, 3));
    }
}
