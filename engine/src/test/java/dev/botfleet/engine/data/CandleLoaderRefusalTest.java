package dev.botfleet.engine.data;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** A bad file is refused whole, and the message names the file, the line or element, and the problem. */
class CandleLoaderRefusalTest {
    private static final String OK1 = "1515560100000,1.0,1.5,0.5,1.2,10\n";
    private static final String OK2 = "1515560400000,1.2,1.3,1.1,1.25,0\n";
    private static final String OK3 = "1515560700000,1.25,1.4,1.2,1.3,7\n";

    @TempDir
    Path dir;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                arguments("empty.csv", "", null, "empty file"),
                arguments("blank.csv", "\n  \n", null, "empty file"),
                arguments("header-only.csv", "timestamp,open,high,low,close,volume\n", null, "no candles"),
                arguments("missing-column.csv", OK1 + "1515560400000,1.2,1.3,1.1,1.25\n", "line 2",
                        "expected 6 columns"),
                arguments("non-numeric.csv", OK1 + OK2 + "1515560700000,1.25,abc,1.2,1.3,7\n", "line 3",
                        "high 'abc' is not a number"),
                arguments("empty-field.csv", OK1 + "1515560400000,1.2,,1.1,1.25,0\n", "line 2", "high is empty"),
                arguments("nan.csv", OK1 + "1515560400000,1.2,1.3,1.1,NaN,0\n", "line 2", "close is NaN"),
                arguments("infinity.csv", "1515560100000,1.0,Infinity,0.5,1.2,10\n", "line 1",
                        "high is infinite"),
                arguments("overflow.csv", "1515560100000,1.0,1e400,0.5,1.2,10\n", "line 1", "high is infinite"),
                // a negative price is allowed (synthetic contours), but a candle must still hold together
                arguments("negative-price.csv", OK1 + "1515560400000,-1.2,1.3,1.1,1.25,0\n", "line 2",
                        "open -1.2 is outside [low 1.1, high 1.3]"),
                arguments("negative-volume.csv", "1515560100000,1.0,1.5,0.5,1.2,-3\n", "line 1",
                        "volume must be >= 0"),
                arguments("high-below-low.csv", OK1 + "1515560400000,1.2,1.0,1.1,1.05,0\n", "line 2",
                        "high 1.0 is below low 1.1"),
                arguments("open-outside.csv", "timestamp,open,high,low,close,volume\n"
                        + "1515560100000,2.0,1.5,0.5,1.2,10\n", "line 2", "open 2.0 is outside [low 0.5, high 1.5]"),
                arguments("close-outside.csv", OK1 + "1515560400000,1.2,1.3,1.1,1.0,0\n", "line 2",
                        "close 1.0 is outside [low 1.1, high 1.3]"),
                arguments("unsorted.csv", OK1 + OK3 + OK2, "line 3", "out of order"),
                arguments("duplicate.csv", OK1 + OK2 + OK2, "line 3", "duplicate timestamp 1515560400000 (same as line 2)"),
                arguments("bad-time.csv", OK1 + "yesterday,1.2,1.3,1.1,1.25,0\n", "line 2",
                        "timestamp 'yesterday' is neither"),
                arguments("bad-iso.csv", "2018-13-45T00:00:00Z,1.2,1.3,1.1,1.25,0\n", "line 1", "ISO-8601"),
                arguments("bad-header.csv", "when,o,h,l,c,v\n" + OK1, "line 1", "must name a time column"),
                arguments("off-grid.csv", OK1 + OK2 + OK3 + "1515561060000,1.25,1.4,1.2,1.3,7\n", "line 4",
                        "not a multiple of the 5m timeframe"),
                arguments("odd-spacing.csv",
                        "1515560100000,1,1,1,1,1\n1515560520000,1,1,1,1,1\n1515560940000,1,1,1,1,1\n", null,
                        "the candles are 7m apart (most common spacing), which is not a supported timeframe"),
                arguments("binance-columns.csv", CandleLoaderTest.binanceLine(1515560100000L, "1", "1") + "\n"
                        + "1515560400000,1,1,1,1,1,1515560699999,1,1,1\n", "line 2",
                        "expected 12 columns of a Binance kline dump"),
                arguments("empty.json", "  ", null, "empty file"),
                arguments("no-candles.json", "[]", null, "no candles"),
                arguments("not-an-array.json", "{\"a\": 1}", null, "one JSON array"),
                arguments("short-row.json", "[[1515560100000, 1, 1.5, 0.5, 1.2, 10], [1515560400000, 1, 1, 1, 1]]",
                        "element 2 (index 1)", "expected 6 values"),
                arguments("nan.json", "[[1515560100000, 1, 1.5, 0.5, 1.2, 10], [1515560400000, NaN, 1, 1, 1, 1]]",
                        "element 2 (index 1)", "open is NaN"),
                arguments("null.json", "[[1515560100000, 1, 1.5, 0.5, null, 10]]", "element 1 (index 0)",
                        "close 'null' is not a number"),
                arguments("broken.json", "[[1515560100000, 1, 1.5, 0.5, 1.2, 10] [1515560400000, 1, 1, 1, 1, 1]]",
                        "element 1 (index 0)", "expected ',' or ']'"),
                arguments("truncated.json", "[[1515560100000, 1, 1.5, 0.5, 1.2, 10], [1515560400000, 1",
                        "element 2 (index 1)", "end of the file"),
                arguments("unsorted.json", "[[1515560400000, 1, 1, 1, 1, 1], [1515560100000, 1, 1, 1, 1, 1]]",
                        "element 2 (index 1)", "out of order"),
                arguments("seconds.json", "[[1515560100, 1, 1, 1, 1, 1]]", "element 1 (index 0)",
                        "not epoch milliseconds"),
                arguments("high-below-low.json", "[[1515560100000, 1, 0.9, 1, 1, 1]]", "element 1 (index 0)",
                        "high 0.9 is below low 1.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void refusesWithFileLineAndProblem(String name, String content, String location, String problem)
            throws Exception {
        Path file = Files.writeString(dir.resolve(name), content);
        CandleDataException e = catchThrowableOfType(CandleDataException.class, () -> CandleLoader.load(file));
        assertThat(e).as("%s must be refused", name).isNotNull();
        assertThat(e.getMessage()).startsWith(file.toString() + ": ").contains(problem);
        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(e.location()).isEqualTo(location);
        if (location != null) {
            assertThat(e.getMessage()).contains(": " + location + ": ");
        }
    }
}
