package dev.botfleet.bench;

import dev.botfleet.engine.data.CandleSeries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarked runs give the results they gave before the hot path was tuned (issue 15), bit for bit: trades,
 * metrics, balances and every equity point. A speed-up that changes one figure fails here.
 */
class ResultDigestTest {
    private static CandleSeries candles;

    @BeforeAll
    static void candles() {
        candles = SyntheticCandles.randomWalk(BacktesterBenchmark.CANDLES, 42);
    }

    @Test
    void idleRunIsUnchanged() {
        assertThat(ResultDigest.idle(candles))
                .isEqualTo("0 trades e4fcd0990bc5b18f6a053fed807ef31f7eb4f3bc4c1d7aa5600dcfa163bbfcbb");
    }

    @Test
    void rsiBollingerRunIsUnchanged() {
        assertThat(ResultDigest.rsiBollinger(candles))
                .isEqualTo("4699 trades c391725e074aaa3342214330c740877bbe06464f3dd816fca8ba978b205e2767");
    }

    /**
     * Re-pinned when trades gained {@code fundingFees} and {@code liquidationPrice} (issue 15): with those two fields
     * taken out of each trade's text, the run's text was checked identical to the one the earlier digest
     * ({@code 06f0fcfb…}) was taken from, so the results themselves did not change.
     */
    @Test
    void portfolioRunIsUnchanged() {
        assertThat(ResultDigest.portfolio())
                .isEqualTo("3327 trades 984be8c8f6ae237fa4567dc30c666264701950c46131db4dcba453090ba6d851");
    }
}
