package dev.botfleet.server.auth.totp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 4648 section 10's base32 vectors, round trips, and the forms people type a secret in. */
class Base32Test {
    @ParameterizedTest
    @CsvSource(value = {"'',''", "f,MY======", "fo,MZXQ====", "foo,MZXW6===", "foob,MZXW6YQ=", "fooba,MZXW6YTB",
            "foobar,MZXW6YTBOI======"})
    void encodesAndDecodesRfc4648Vectors(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertThat(Base32.encodePadded(bytes)).isEqualTo(encoded);
        assertThat(Base32.encode(bytes)).isEqualTo(encoded.replace("=", ""));
        assertThat(Base32.decode(encoded)).isEqualTo(bytes);
        assertThat(Base32.decode(encoded.replace("=", ""))).isEqualTo(bytes);
    }

    @Test
    void theRfcSecretEncodesAsAuthenticatorAppsShowIt() {
        assertThat(Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    @Test
    void randomBytesRoundTrip() {
        Random random = new Random(42);
        for (int length = 0; length < 64; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertThat(Base32.decode(Base32.encode(bytes))).isEqualTo(bytes);
        }
    }

    @Test
    void lowerCaseSpacesAndDashesAreAccepted() {
        assertThat(Base32.decode("mzxw 6ytb-oi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void foreignCharactersAndImpossibleLengthsAreRefused() {
        assertThatThrownBy(() -> Base32.decode("MZXW1")).isInstanceOf(IllegalArgumentException.class); // 1 is not base32
        assertThatThrownBy(() -> Base32.decode("MZXW8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base32.decode("M")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base32.decode("MZX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base32.decode("MZXW6Y")).isInstanceOf(IllegalArgumentException.class);
    }
}
