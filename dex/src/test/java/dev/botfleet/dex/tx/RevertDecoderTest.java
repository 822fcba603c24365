package dev.botfleet.dex.tx;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevertDecoderTest {

    private final RevertDecoder decoder = new RevertDecoder()
            .register("InsufficientBalance(uint256,uint256)")
            .register("Unauthorized(address)")
            .register("Expired()");

    private static String word(String hexValue) {
        return "0".repeat(64 - hexValue.length()) + hexValue;
    }

    @Test
    void errorStringIsTheMessage() {
        // Error("UniswapV2: K"): offset 0x20, length 12, the bytes padded to a word
        String text = "556e69737761705632 3a204b".replace(" ", "");
        String data = "0x08c379a0" + word("20") + word("c") + text + "0".repeat(64 - text.length());
        assertThat(decoder.decode(data)).isEqualTo("UniswapV2: K");
    }

    @Test
    void panicCodesAreNamed() {
        assertThat(decoder.decode("0x4e487b71" + word("11"))).isEqualTo("panic 0x11: arithmetic overflow or underflow");
        assertThat(decoder.decode("0x4e487b71" + word("12"))).isEqualTo("panic 0x12: division or modulo by zero");
        assertThat(decoder.decode("0x4e487b71" + word("99"))).isEqualTo("panic 0x99: unknown panic code");
    }

    @Test
    void customErrorsByRegisteredSelector() {
        assertThat(RevertDecoder.selector("InsufficientBalance(uint256,uint256)")).isEqualTo("cf479181");
        String data = "0xcf479181" + word("64") + word("3e8");
        assertThat(decoder.decode(data)).isEqualTo("InsufficientBalance(100, 1000)");
        String who = "0x" + RevertDecoder.selector("Unauthorized(address)")
                + word("1111111111111111111111111111111111111111");
        assertThat(decoder.decode(who)).isEqualTo("Unauthorized(0x1111111111111111111111111111111111111111)");
        assertThat(decoder.decode("0x" + RevertDecoder.selector("Expired()"))).isEqualTo("Expired()");
    }

    @Test
    void unknownEmptyAndMalformedDataAreSaidPlainly() {
        assertThat(decoder.decode("0xdeadbeef")).isEqualTo("reverted with unknown custom error 0xdeadbeef");
        assertThat(decoder.decode("0x")).isEqualTo("reverted without a reason");
        assertThat(decoder.decode(null)).isEqualTo("reverted without a reason");
        assertThat(decoder.decode("0x08c379a0" + word("20"))).startsWith("reverted with malformed data");
    }
}
