package dev.botfleet.engine.data;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class NumberTextTest {

    private static void assertSameAsJdk(String text) {
        String padded = "x," + text + ",y";
        double ours = NumberText.parseDecimal(padded, 2, 2 + text.length());
        assertThat(Double.doubleToLongBits(ours)).as(text)
                .isEqualTo(Double.doubleToLongBits(Double.parseDouble(text)));
    }

    @Test
    void agreesBitForBitWithTheJdkOnManyDecimals() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(30) - 15);
            double value = random.nextDouble() * magnitude * (random.nextBoolean() ? 1 : -1);
            assertSameAsJdk(Double.toString(value));
            assertSameAsJdk(String.format(Locale.ROOT, "%." + random.nextInt(12) + "f", value));
            assertSameAsJdk(String.format(Locale.ROOT, "%." + random.nextInt(17) + "e", value));
        }
        for (String text : new String[] {"0", "0.0", "-0.0", "+1", "1.", ".5", "5.330000000000001e-5",
                "0.00000001", "123456789012345678901234567890", "1e22", "1e23", "9007199254740993", "1E-300",
                "4.9e-324", "00012.5000", "1.7976931348623157e308"}) {
            assertSameAsJdk(text);
        }
    }

    @Test
    void refusesWhatIsNotAPlainDecimal() {
        for (String text : new String[] {"", "-", ".", "e5", "1e", "1e+", "abc", "1.2.3", "1,5", "NaN", "Infinity",
                "0x1p3", "1.0f", "1d", " 1", "1 "}) {
            assertThat(NumberText.parseDecimal(text, 0, text.length())).as("'%s'", text).isNaN();
        }
    }

    @Test
    void wholeNumbers() {
        assertThat(NumberText.parseWhole("1515560100000", 0, 13)).isEqualTo(1515560100000L);
        assertThat(NumberText.parseWhole("12a", 0, 3)).isEqualTo(-1);
        assertThat(NumberText.parseWhole("-5", 0, 2)).isEqualTo(-1);
        assertThat(NumberText.parseWhole("", 0, 0)).isEqualTo(-1);
        assertThat(NumberText.parseWhole("1234567890123456789", 0, 19)).isEqualTo(-1);
    }
}
