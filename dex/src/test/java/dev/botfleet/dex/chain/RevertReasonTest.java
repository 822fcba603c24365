package dev.botfleet.dex.chain;

import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.Response;

import static org.assertj.core.api.Assertions.assertThat;

class RevertReasonTest {
    static final String INSUFFICIENT = Abi.call("Error(string)", new Utf8String("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT"));

    @Test
    void decodesSolidityErrorStringsBareOrInsideANodesJsonObject() {
        assertThat(INSUFFICIENT).startsWith("0x08c379a0");
        assertThat(RevertReason.fromRevertData(INSUFFICIENT)).isEqualTo("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT");
        assertThat(RevertReason.fromRevertData("{\"message\":\"revert\",\"result\":\"" + INSUFFICIENT + "\"}"))
                .isEqualTo("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT");
    }

    @Test
    void namesPanicsAndFallsBackToTheNodesMessage() {
        assertThat(RevertReason.fromRevertData(Abi.call("Panic(uint256)", new Uint256(0x11))))
                .isEqualTo("panic 0x11: arithmetic overflow or underflow");
        assertThat(RevertReason.fromRevertData("0x")).isNull();
        assertThat(RevertReason.of(new Response.Error(-32000, "execution reverted"))).isEqualTo("execution reverted");
        Response.Error withData = new Response.Error(-32000, "VM Exception while processing transaction: revert");
        withData.setData(INSUFFICIENT);
        assertThat(RevertReason.of(withData)).isEqualTo("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT");
    }
}
