package dev.botfleet.engine.data;

/**
 * Reads Freqtrade's JSON candle files: one array of {@code [open_time_ms, open, high, low, close, volume]} arrays, as
 * written by its json data handler. A small hand-written scanner (this one shape needs no JSON library); errors name
 * the element of the outer array (1-based, with its 0-based index) and, for syntax, the character offset.
 */
final class FreqtradeJsonParser {
    private static final String[] FIELDS = {"open time", "open", "high", "low", "close", "volume"};

    private final String text;
    private final RawCandles candles;
    private int pos;
    private int element;

    private FreqtradeJsonParser(String source, String text) {
        this.text = text;
        this.candles = new RawCandles(source, RawCandles.Locator.ELEMENT);
    }

    static RawCandles parse(String source, String text) {
        return new FreqtradeJsonParser(source, text).parse();
    }

    private RawCandles parse() {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '\uFEFF') {
            pos++;
            skipSpace();
        }
        expect('[', "the file must be one JSON array of [time, open, high, low, close, volume] arrays");
        skipSpace();
        if (peek() == ']') {
            pos++;
        } else {
            while (true) {
                element++;
                readCandle();
                skipSpace();
                char next = peek();
                pos++;
                if (next == ']') {
                    break;
                }
                if (next != ',') {
                    throw syntax("expected ',' or ']' after the candle");
                }
                skipSpace();
            }
        }
        skipSpace();
        if (pos < text.length()) {
            throw new CandleDataException(candles.source, null,
                    "unexpected text after the closing ']' at character " + pos);
        }
        return candles;
    }

    private void readCandle() {
        expect('[', "expected a candle array [time, open, high, low, close, volume]");
        long time = 0;
        double o = 0, h = 0, l = 0, c = 0, v = 0;
        int count = 0;
        skipSpace();
        if (peek() == ']') {
            throw candles.error(element, "expected 6 values [time, open, high, low, close, volume], found 0");
        }
        while (true) {
            skipSpace();
            int from = pos;
            while (pos < text.length() && ",] \t\r\n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            if (count < FIELDS.length) {
                if (count == 0) {
                    time = timestamp(from, pos);
                } else {
                    double value = candles.number(text, from, pos, FIELDS[count], element);
                    switch (count) {
                        case 1 -> o = value;
                        case 2 -> h = value;
                        case 3 -> l = value;
                        case 4 -> c = value;
                        default -> v = value;
                    }
                }
            }
            count++;
            skipSpace();
            char next = peek();
            pos++;
            if (next == ']') {
                break;
            }
            if (next != ',') {
                throw syntax("expected ',' or ']' inside the candle");
            }
        }
        if (count != FIELDS.length) {
            throw candles.error(element, "expected 6 values [time, open, high, low, close, volume], found " + count);
        }
        candles.add(element, time, o, h, l, c, v);
    }

    /** Freqtrade stores epoch milliseconds; a whole number written as a float ("1.5155601E12") is accepted too. */
    private long timestamp(int from, int to) {
        long whole = NumberText.parseWhole(text, from, to);
        if (whole < 0) {
            double value = candles.number(text, from, to, "open time", element);
            if (value != Math.rint(value) || value < 0 || value > 9e15) {
                throw candles.error(element, "open time " + text.substring(from, to) + " is not epoch milliseconds");
            }
            whole = (long) value;
        }
        if (whole < 100_000_000_000L) {
            throw candles.error(element, "open time " + whole + " is not epoch milliseconds (too small)");
        }
        return whole;
    }

    private void expect(char ch, String problem) {
        if (peek() != ch) {
            throw syntax(problem);
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && text.charAt(pos) <= ' ') {
            pos++;
        }
    }

    private CandleDataException syntax(String problem) {
        String found = pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end of the file";
        String what = problem + " (found " + found + " at character " + pos + ")";
        return element == 0 ? new CandleDataException(candles.source, null, what) : candles.error(element, what);
    }
}
