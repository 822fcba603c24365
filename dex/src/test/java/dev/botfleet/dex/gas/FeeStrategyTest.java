package dev.botfleet.dex.gas;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static dev.botfleet.dex.gas.FeePolicy.gwei;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeeStrategyTest {

    private final FeeStrategy strategy = new FeeStrategy();

    /** Three blocks; rewards per block at 10/50/75/90 %. */
    private static FeeHistory history(List<Double> used, long nextBaseGwei) {
        return new FeeHistory(100,
                List.of(gwei(10), gwei(11), gwei(12), gwei(nextBaseGwei)),
                used,
                List.of(List.of(gwei(1), gwei(2), gwei(3), gwei(9)),
                        List.of(gwei(1), gwei(4), gwei(5), gwei(7)),
                        List.of(gwei(1), gwei(3), gwei(6), gwei(8))),
                Aggressiveness.PERCENTILES);
    }

    @Test
    void tipIsTheMedianOfTheLevelsPercentileAndMaxFeeCoversProjectedGrowth() {
        FeePolicy normal = new FeePolicy(Aggressiveness.NORMAL, gwei(1000), BigInteger.ONE);
        Eip1559Fees fees = strategy.quote(history(List.of(0.5, 0.9, 0.4), 16), normal);

        // median of 2, 4, 3 gwei; 16 gwei × (9/8)^3 = 22.78125 gwei exactly
        assertThat(fees.maxPriorityFeePerGas()).isEqualTo(gwei(3));
        assertThat(fees.projectedBaseFee()).isEqualTo(new BigInteger("22781250000"));
        assertThat(fees.maxFeePerGas()).isEqualTo(new BigInteger("25781250000"));
        assertThat(fees.limit()).isEqualTo(Eip1559Fees.CapLimit.NONE);
    }

    @Test
    void aggressivenessRaisesTipAndHeadroom() {
        FeeHistory h = history(List.of(0.5, 0.9, 0.4), 16);
        FeePolicy patient = new FeePolicy(Aggressiveness.PATIENT, gwei(1000), BigInteger.ONE);
        FeePolicy urgent = new FeePolicy(Aggressiveness.URGENT, gwei(1000), BigInteger.ONE);

        Eip1559Fees low = strategy.quote(h, patient);
        Eip1559Fees high = strategy.quote(h, urgent);

        assertThat(low.maxPriorityFeePerGas()).isEqualTo(gwei(1));
        assertThat(low.projectedBaseFee()).isEqualTo(gwei(18));
        assertThat(high.maxPriorityFeePerGas()).isEqualTo(gwei(8));
        assertThat(high.maxFeePerGas()).isGreaterThan(low.maxFeePerGas());
    }

    @Test
    void emptyBlocksSayNothingSoTheFloorTipIsUsed() {
        FeePolicy policy = new FeePolicy(Aggressiveness.NORMAL, gwei(1000), gwei(2));
        FeeHistory allEmpty = history(List.of(0.0, 0.0, 0.0), 8);
        assertThat(strategy.quote(allEmpty, policy).maxPriorityFeePerGas()).isEqualTo(gwei(2));

        // only the second block counts: 4 gwei
        FeeHistory oneFull = history(List.of(0.0, 0.7, 0.0), 8);
        assertThat(strategy.quote(oneFull, policy).maxPriorityFeePerGas()).isEqualTo(gwei(4));
    }

    @Test
    void theCapBoundsTheMaxFeeAndSaysWhenItIsBelowTheNextBaseFee() {
        FeeHistory h = history(List.of(0.5, 0.9, 0.4), 16);
        Eip1559Fees capped = strategy.quote(h, new FeePolicy(Aggressiveness.FAST, gwei(20), BigInteger.ONE));
        assertThat(capped.maxFeePerGas()).isEqualTo(gwei(20));
        assertThat(capped.limit()).isEqualTo(Eip1559Fees.CapLimit.CAPPED);

        Eip1559Fees below = strategy.quote(h, new FeePolicy(Aggressiveness.FAST, gwei(15), BigInteger.ONE));
        assertThat(below.maxFeePerGas()).isEqualTo(gwei(15));
        assertThat(below.maxPriorityFeePerGas()).isEqualTo(gwei(5));
        assertThat(below.limit()).isEqualTo(Eip1559Fees.CapLimit.BELOW_BASE_FEE);
        assertThat(below.effectivePrice(gwei(16))).isZero();
    }

    @Test
    void growthRoundsUp() {
        assertThat(FeeStrategy.grow(BigInteger.valueOf(7), 1)).isEqualTo(BigInteger.valueOf(8)); // 7.875
        assertThat(FeeStrategy.grow(BigInteger.valueOf(8), 1)).isEqualTo(BigInteger.valueOf(9));
        assertThat(FeeStrategy.grow(BigInteger.valueOf(8), 0)).isEqualTo(BigInteger.valueOf(8));
    }

    @Test
    void effectivePriceIsBaseFeePlusTipUpToTheMaxFee() {
        Eip1559Fees fees = new Eip1559Fees(gwei(30), gwei(2), gwei(20), Eip1559Fees.CapLimit.NONE);
        assertThat(fees.effectivePrice(gwei(10))).isEqualTo(gwei(12));
        assertThat(fees.effectivePrice(gwei(29))).isEqualTo(gwei(30));
    }

    @Test
    void aHistoryWithoutTheNeededPercentileIsRefused() {
        FeeHistory h = new FeeHistory(1, List.of(gwei(1), gwei(1)), List.of(0.5), List.of(List.of(gwei(1))),
                List.of(25.0));
        assertThatThrownBy(() -> strategy.quote(h, new FeePolicy(Aggressiveness.NORMAL, gwei(100), BigInteger.ONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("50.0th");
    }
}
