package dev.botfleet.server.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/** The raw material of fuzzed requests: awkward JSON values, broken JSON, and encodings of text. */
final class JsonArbitraries {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonArbitraries() {
    }

    /** Any JSON value, with weight on the awkward ones: huge and tiny numbers, odd strings, nesting. */
    static Arbitrary<String> jsonValue() {
        Arbitrary<String> leaf = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(3, Arbitraries.of("1e400", "-1e400", "1e-400", "123456789012345678901234567890123456789", "-0",
                        "0.1", "-1", "9223372036854775808", "1.7976931348623157e309", "0.000000000000000000000000000001",
                        "1E+2147483647", "1e-2147483648", "2147483648", "-2147483649", "0", "1.0", "60000", "61000")),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30).map(JsonArbitraries::quote)),
                Tuple.of(1, Arbitraries.of("true", "false", "null")),
                Tuple.of(2, Arbitraries.of("\"\"", "\"   \"", "\"\\u0000\"", "\"\\ud800\"", "\"" + "x".repeat(5000) + "\"",
                        "\"1e400\"", "\"-1\"", "\"NaN\"", "\"Infinity\"", "\"0\"", "\"60000\"", "\"0.001\"",
                        "\"-0.001\"", "\"PAPER\"", "\"sim\"", "\"BTC/USDT\"", "\"{{bot}}\"", "\"2026-01-01T00:00:00Z\"",
                        "\"1e-400\"", "\"123456789012345678901234567890\"", "\"\u202e\u0645\u0631\u062d\u0628\u0627\"")));
        Arbitrary<String> composite = Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"),
                Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(8), inner).as((k, v) -> quote(k) + ":" + v)
                        .list().ofMaxSize(3).map(l -> "{" + String.join(",", l) + "}")), 1, 3);
        return Arbitraries.frequencyOf(Tuple.of(8, leaf), Tuple.of(3, composite), Tuple.of(1, deep()));
    }

    /** Nesting past and below the parser's depth limit. */
    static Arbitrary<String> deep() {
        return Arbitraries.of(50, 499, 501, 1001, 5000, 20000).flatMap(n -> Arbitraries.of(
                "[".repeat(n) + "]".repeat(n),
                "{\"a\":".repeat(n) + "1" + "}".repeat(n),
                "{\"config\":" + "{\"a\":".repeat(n) + "1" + "}".repeat(n) + "}",
                "{\"params\":" + "[".repeat(n) + "]".repeat(n) + "}"));
    }

    static Arbitrary<String> malformedJson() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("{", "}", "{\"name\":", "[1,2", "nul", "{\"name\":\"x\",}", "{'name':'x'}",
                        "\uFEFF{}", "{} {}", "{\"a\":1}garbage", "", " ", "\u0000", "{\"a\":\"\\x\"}", "{\"a\":01}",
                        "{\"a\":NaN}", "{\"a\":.5}", "{\"a\":1e}", "{\"name\":\"a\",\"name\":\"b\"}", "{\"a\":\"\\ud800\\u0000\"}",
                        "{\"a\":\"unterminated}", "{\"a\" 1}", "{1:2}", "[}", "\"just a string", "{\"a\":tru}", "/* c */ {}",
                        "{\"config\":{\"quantity\":}}", "{\"exchange\":\"sim\"\"symbol\":\"x\"}")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40)));
    }

    static String quote(String s) {
        return JSON.writeValueAsString(s);
    }

    /** UTF-8 percent-encoding of everything but unreserved characters, as a careful client would send it. */
    static String percentEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
