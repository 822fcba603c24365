package dev.botfleet.dex.gas;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static dev.botfleet.dex.gas.FeePolicy.gwei;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeeBumpTest {

    private static Eip1559Fees fees(long maxGwei, long tipGwei) {
        return new Eip1559Fees(gwei(maxGwei), gwei(tipGwei), gwei(maxGwei - tipGwei), Eip1559Fees.CapLimit.NONE);
    }

    @Test
    void bothBidsRiseByAtLeastTheNodesMinimum() {
        Eip1559Fees next = FeeBump.replacement(fees(20, 2), fees(15, 1), 10, gwei(100));
        assertThat(next.maxFeePerGas()).isEqualTo(gwei(22));
        assertThat(next.maxPriorityFeePerGas()).isEqualTo(new BigInteger("2200000000"));
    }

    @Test
    void theFreshBidWinsWhenTheMarketMovedMore() {
        Eip1559Fees next = FeeBump.replacement(fees(20, 2), fees(40, 5), 10, gwei(100));
        assertThat(next.maxFeePerGas()).isEqualTo(gwei(40));
        assertThat(next.maxPriorityFeePerGas()).isEqualTo(gwei(5));
    }

    @Test
    void roundingGoesUpSoTheBumpIsNeverShort() {
        assertThat(FeeBump.bumped(BigInteger.valueOf(11), 10)).isEqualTo(BigInteger.valueOf(13)); // 12.1
        assertThat(FeeBump.bumped(BigInteger.valueOf(10), 10)).isEqualTo(BigInteger.valueOf(11));
    }

    @Test
    void aReplacementAboveTheCapIsRefused() {
        assertThatThrownBy(() -> FeeBump.replacement(fees(95, 2), fees(50, 2), 10, gwei(100)))
                .isInstanceOf(FeeCapReachedException.class).hasMessageContaining("cap");
        Eip1559Fees capped = FeeBump.replacement(fees(80, 2), fees(120, 2), 10, gwei(100));
        assertThat(capped.maxFeePerGas()).isEqualTo(gwei(100));
        assertThat(capped.limit()).isEqualTo(Eip1559Fees.CapLimit.CAPPED);
    }
}
