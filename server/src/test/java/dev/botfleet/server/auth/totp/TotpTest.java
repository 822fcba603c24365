package dev.botfleet.server.auth.totp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The published test vectors of RFC 4226 and RFC 6238, and the acceptance window with its replay rule. */
class TotpTest {
    /** The 20-byte ASCII secret of both RFCs' appendices. */
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 4226 Appendix D: HOTP values for counters 0 to 9 (6 digits). */
    @ParameterizedTest
    @CsvSource({"0,755224", "1,287082", "2,359152", "3,969429", "4,338314", "5,254676", "6,287922", "7,162583",
            "8,399871", "9,520489"})
    void hotpMatchesRfc4226AppendixD(long counter, String expected) {
        assertThat(Totp.hotp(SECRET, counter, 6)).isEqualTo(expected);
    }

    /** RFC 6238 Appendix B, the SHA1 rows: 8-digit TOTP at the given Unix times (step 30 s, T0 = 0). */
    @ParameterizedTest
    @CsvSource({"59,0000001,94287082", "1111111109,023523EC,07081804", "1111111111,023523ED,14050471",
            "1234567890,0273EF07,89005924", "2000000000,03F940AA,69279037", "20000000000,27BC86AA,65353130"})
    void totpMatchesRfc6238AppendixB(long unixTime, String stepHex, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(unixTime));
        assertThat(step).isEqualTo(Long.parseLong(stepHex, 16));
        assertThat(Totp.hotp(SECRET, step, 8)).isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheEightDigitValueWithLeadingZerosKept() {
        long step = Totp.step(Instant.ofEpochSecond(1111111109));
        assertThat(Totp.code(SECRET, step)).isEqualTo("081804").hasSize(6);
    }

    @Test
    void aCodeIsAcceptedInItsStepAndOneStepEitherSideButNotTwo() {
        Instant at = Instant.ofEpochSecond(1_234_567_890);
        long now = Totp.step(at);
        assertThat(Totp.match(SECRET, Totp.code(SECRET, now), at, Long.MIN_VALUE)).hasValue(now);
        assertThat(Totp.match(SECRET, Totp.code(SECRET, now - 1), at, Long.MIN_VALUE)).hasValue(now - 1);
        assertThat(Totp.match(SECRET, Totp.code(SECRET, now + 1), at, Long.MIN_VALUE)).hasValue(now + 1);
        assertThat(Totp.match(SECRET, Totp.code(SECRET, now - 2), at, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.match(SECRET, Totp.code(SECRET, now + 2), at, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void aStepAlreadyUsedOrOlderIsNeverAcceptedAgain() {
        Instant at = Instant.ofEpochSecond(1_234_567_890);
        long now = Totp.step(at);
        String code = Totp.code(SECRET, now);
        OptionalLong first = Totp.match(SECRET, code, at, Long.MIN_VALUE);
        assertThat(first).hasValue(now);
        assertThat(Totp.match(SECRET, code, at, first.getAsLong())).as("the same code again").isEmpty();
        assertThat(Totp.match(SECRET, code, at.plusSeconds(30), first.getAsLong())).as("still inside the window a step later").isEmpty();
        assertThat(Totp.match(SECRET, Totp.code(SECRET, now - 1), at, now)).as("an older code after a newer one").isEmpty();
        assertThat(Totp.match(SECRET, Totp.code(SECRET, now + 1), at, now)).as("the next code").hasValue(now + 1);
    }

    @Test
    void malformedCodesMatchNothing() {
        Instant at = Instant.ofEpochSecond(59);
        String good = Totp.code(SECRET, Totp.step(at));
        assertThat(Totp.match(SECRET, null, at, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.match(SECRET, "", at, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.match(SECRET, good.substring(1), at, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.match(SECRET, good + "0", at, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.match(SECRET, "12a456", at, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.match(SECRET, "١٢٣٤٥٦", at, Long.MIN_VALUE)).as("Arabic-Indic digits are not ASCII digits").isEmpty();
    }

    @Test
    void digitsOutsideOneToEightAreRefused() {
        assertThatThrownBy(() -> Totp.hotp(SECRET, 0, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Totp.hotp(SECRET, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
