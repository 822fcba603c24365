package dev.botfleet.server.dex;

import dev.botfleet.dex.gas.Aggressiveness;
import dev.botfleet.dex.gas.FeePolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A LIVE bot's gas bid follows the slider's gas column: SLOW, STANDARD, FAST, URGENT → the fee strategy's levels. */
class DexFeePolicyTest {
    @Test
    void theIntelligenceLevelChoosesHowHardTheBotBidsForGas() {
        assertThat(DexFeePolicy.forLevel(1).aggressiveness()).isEqualTo(Aggressiveness.PATIENT);
        assertThat(DexFeePolicy.forLevel(3).aggressiveness()).isEqualTo(Aggressiveness.PATIENT);
        assertThat(DexFeePolicy.forLevel(5).aggressiveness()).isEqualTo(Aggressiveness.NORMAL);
        assertThat(DexFeePolicy.forLevel(7).aggressiveness()).isEqualTo(Aggressiveness.FAST);
        assertThat(DexFeePolicy.forLevel(10).aggressiveness()).isEqualTo(Aggressiveness.URGENT);
        assertThat(DexFeePolicy.forLevel(10).maxFeeCap()).isEqualTo(FeePolicy.gwei(500));
        assertThat(DexFeePolicy.DEFAULT.aggressiveness()).isEqualTo(Aggressiveness.NORMAL);
    }
}
