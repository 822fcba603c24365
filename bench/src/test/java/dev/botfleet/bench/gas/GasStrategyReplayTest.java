package dev.botfleet.bench.gas;

import dev.botfleet.dex.gas.Aggressiveness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay behind docs/benchmarks/gas.md "Gas strategy": the EIP-1559 rule, and the same seed giving the same figures. */
class GasStrategyReplayTest {

    @Test
    void baseFeeMovesByAtMostAnEighthTowardTheTarget() {
        long base = 8_000_000_000L;
        assertThat(GasMarket.nextBase(base, GasMarket.GAS_LIMIT)).isEqualTo(9_000_000_000L);
        assertThat(GasMarket.nextBase(base, 0)).isEqualTo(7_000_000_000L);
        assertThat(GasMarket.nextBase(base, GasMarket.GAS_TARGET)).isEqualTo(base);
        assertThat(GasMarket.nextBase(7, GasMarket.GAS_TARGET + 1)).as("a rise is at least 1 wei").isEqualTo(8);
    }

    @Test
    void theDocumentedFiguresComeBackForTheDocumentedSeed() {
        // 40 transactions keep the test short; docs/benchmarks.md runs 500 with the same code and seed
        GasStrategyReplay.Result naive = GasStrategyReplay.run(20261203L, 40, null);
        GasStrategyReplay.Result normal = GasStrategyReplay.run(20261203L, 40, Aggressiveness.NORMAL);
        assertThat(GasStrategyReplay.run(20261203L, 40, Aggressiveness.NORMAL)).isEqualTo(normal);
        assertThat(naive.included()).isEqualTo(40);
        assertThat(normal.included()).isEqualTo(40);
        assertThat(normal.p50Blocks()).isEqualTo(1);
        assertThat(normal.totalPaidEth()).isLessThan(naive.totalPaidEth());
    }
}
